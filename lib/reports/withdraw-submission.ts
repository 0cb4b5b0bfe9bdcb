import "server-only";
import { auditingRefusals } from "@/lib/audit/refusals";
import { appendAuditEntry } from "@/lib/audit/append-audit-entry";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { applyEvent, refusalError, workflowContext } from "@/lib/review/workflow";
import { findReportOrThrow } from "./find-report";
import { loadReviewState } from "./review-state";

/** The 撰稿人 takes a submission back before the first stage has acted on it. */
export async function withdrawSubmission(options: { actor: Actor; reportId: string; clientAddress: string | null }) {
  return auditingRefusals("report.withdrawSubmission", options, async () => {
    const { actor, reportId, clientAddress } = options;
    const report = await findReportOrThrow(actor, reportId, "report.edit");
    await db().$transaction(async (tx) => {
      const { state, stages, round } = await loadReviewState(tx, report);
      const outcome = applyEvent(state, { type: "withdraw", by: actor.id }, workflowContext(stages, report.organId, [actor]));
      if (!outcome.ok) throw refusalError(outcome.refusal);
      await tx.reviewRound.update({ where: { id: round!.id }, data: { status: "WITHDRAWN", closedAt: new Date(), version: { increment: 1 } } });
      await tx.reviewAction.create({
        data: { roundId: round!.id, stageIndex: 0, kind: "withdraw", actorId: actor.id, actorName: actor.displayName, contentHash: state.contentHash },
      });
      await tx.report.update({ where: { id: reportId }, data: { status: "DRAFT" } });
      await appendAuditEntry(tx, {
        action: "report.withdrawn",
        actor,
        targetType: "report",
        targetId: reportId,
        organId: report.organId,
        clientAddress,
        details: { round: round!.number },
        contentHash: state.contentHash,
      });
    });
  });
}
