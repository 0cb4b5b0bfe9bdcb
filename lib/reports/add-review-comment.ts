import "server-only";
import { auditingRefusals } from "@/lib/audit/refusals";
import { appendAuditEntry } from "@/lib/audit/append-audit-entry";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import type { SectionKey } from "@/lib/report-format/format";
import { mayActOnStage, refusalError, workflowContext } from "@/lib/review/workflow";
import { findReportOrThrow } from "./find-report";
import { loadReviewState } from "./review-state";

/** The holder of the current stage attaches a comment to a section; the author sees it when the report comes back. */
export async function addReviewComment(options: { actor: Actor; reportId: string; sectionKey: SectionKey; text: string; clientAddress: string | null }) {
  return auditingRefusals("review.comment", options, async () => {
    const { actor, reportId, sectionKey, text, clientAddress } = options;
    const report = await findReportOrThrow(actor, reportId, "report.view");
    await db().$transaction(async (tx) => {
      const { state, stages } = await loadReviewState(tx, report);
      const refusal = mayActOnStage(state, workflowContext(stages, report.organId, [actor]), actor.id);
      if (refusal) throw refusalError(refusal);
      await tx.reviewComment.create({ data: { reportId, roundNumber: state.round!.number, sectionKey, authorId: actor.id, authorName: actor.displayName, text } });
      await appendAuditEntry(tx, {
        action: "review.commented",
        actor,
        targetType: "report",
        targetId: reportId,
        organId: report.organId,
        clientAddress,
        details: { section: sectionKey, round: state.round!.number },
      });
    });
  });
}
