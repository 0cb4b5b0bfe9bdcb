// POST /api/reports/:reportId/decision — 通过 or 退回 at the current stage (the review page's action, for other clients).
import { NextResponse } from "next/server";
import { z } from "zod";
import { clientAddressFrom } from "@/lib/auth/client-address";
import { jsonRoute } from "@/lib/http/json-route";
import { decideStage } from "@/lib/reports/decide-stage";

const reasons = z.record(z.string().max(500), z.string().max(500)).default({});
const bodySchema = z.object({
  roundId: z.string().uuid(),
  stageIndex: z.number().int().min(0),
  verdict: z.enum(["approve", "return"]),
  comment: z.string().max(2_000).default(""),
  warningReasons: reasons,
  scanReasons: reasons,
});

export async function POST(request: Request, context: { params: Promise<{ reportId: string }> }) {
  const { reportId } = await context.params;
  return jsonRoute(request, bodySchema, async (actor, body) => {
    const outcome = await decideStage({ actor, reportId, ...body, clientAddress: clientAddressFrom(request.headers) });
    return NextResponse.json({ status: outcome.status, stage: outcome.stage.name });
  });
}
