// POST /api/reports/:reportId/decision — 通过 or 退回 at the current stage (the review page's action, for other clients).
import { NextResponse } from "next/server";
import { clientAddressFrom } from "@/lib/auth/client-address";
import { jsonRoute } from "@/lib/http/route-handlers";
import { decisionSchema } from "@/lib/review/decision-input";
import { decideStage } from "@/lib/reports/decide-stage";

export async function POST(request: Request, context: { params: Promise<{ reportId: string }> }) {
  const { reportId } = await context.params;
  return jsonRoute(request, decisionSchema, async (actor, decision) => {
    const outcome = await decideStage({ actor, reportId, ...decision, clientAddress: clientAddressFrom(request.headers) });
    return NextResponse.json({ status: outcome.status, stage: outcome.stageName });
  });
}
