// POST /api/reports/:reportId/sections/:key/presence — "I have this section open" (or closed it); answers who else has.
import { NextResponse } from "next/server";
import { z } from "zod";
import { clientAddressFrom } from "@/lib/auth/client-address";
import { AppError } from "@/lib/errors";
import { jsonRoute } from "@/lib/http/route-handlers";
import { isSectionKey } from "@/lib/report-format/content";
import { markSectionOpen } from "@/lib/reports/mark-section-open";

export async function POST(request: Request, context: { params: Promise<{ reportId: string; key: string }> }) {
  const { reportId, key } = await context.params;
  return jsonRoute(
    request,
    z.object({ closing: z.boolean().optional() }),
    async (actor, body) => {
      if (!isSectionKey(key)) throw new AppError("NOT_FOUND", "该部分不存在。");
      return NextResponse.json(await markSectionOpen({ actor, reportId, key, closing: body.closing, clientAddress: clientAddressFrom(request.headers) }));
    },
    { countsAsActivity: false },
  );
}
