// PUT /api/reports/:reportId/sections/:key — save a section (autosave), based on a stated version.
import { NextResponse } from "next/server";
import { z } from "zod";
import { clientAddressFrom } from "@/lib/auth/client-address";
import { AppError } from "@/lib/errors";
import { jsonRoute } from "@/lib/http/route-handlers";
import { isSectionKey } from "@/lib/report-format/content";
import { saveSection } from "@/lib/reports/save-section";

const bodySchema = z.object({ baseVersion: z.number().int().positive(), content: z.unknown() });

export async function PUT(request: Request, context: { params: Promise<{ reportId: string; key: string }> }) {
  const { reportId, key } = await context.params;
  return jsonRoute(request, bodySchema, async (actor, body) => {
    if (!isSectionKey(key)) throw new AppError("NOT_FOUND", "该部分不存在。");
    const result = await saveSection({
      actor,
      reportId,
      key,
      baseVersion: body.baseVersion,
      content: body.content,
      clientAddress: clientAddressFrom(request.headers),
    });
    return result.ok
      ? NextResponse.json({ version: result.version, updatedAt: result.updatedAt })
      : NextResponse.json({ message: "保存冲突：其他人已修改了这一部分。", current: result.current }, { status: 409 });
  });
}
