import "server-only";
import { auditingRefusals } from "@/lib/audit/refusals";
import { appendAuditEntry } from "@/lib/audit/append-audit-entry";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { checkDraft, hasErrors } from "@/lib/report-format/checks";
import { applyEvent, refusalError, workflowContext } from "@/lib/review/workflow";
import { queueReviewNotice } from "@/lib/reports/notify-review";
import { findReportOrThrow } from "./find-report";
import { findLastYearSections } from "./queries";
import { loadReviewState } from "./review-state";

/** The 撰稿人 submits the draft: a new round starts at the first stage and the text is frozen. */
export async function submitReport(options: { actor: Actor; reportId: string; clientAddress: string | null }) {
  return auditingRefusals("report.submit", options, async () => {
    const { actor, reportId, clientAddress } = options;
    const report = await findReportOrThrow(actor, reportId, "report.edit");
    const lastYear = await findLastYearSections(report.organId, report.year);
    const round = await db().$transaction(async (tx) => {
      const { state, stages, sections, lastRoundNumber } = await loadReviewState(tx, report);
      const findings = checkDraft({ year: report.year, organKind: report.organ.kind, sections, lastYear, identity: { title: report.title, organName: report.organ.name } });
      const outcome = applyEvent(state, { type: "submit", by: actor.id, hasErrors: hasErrors(findings) }, workflowContext(stages, report.organId, [actor]));
      if (!outcome.ok) throw refusalError(outcome.refusal);
      const round = await tx.reviewRound.create({
        data: {
          reportId,
          number: lastRoundNumber + 1,
          stages,
          authorIds: outcome.state.round!.authors,
          submittedHash: state.contentHash,
          submittedById: actor.id,
          actions: { create: { stageIndex: 0, kind: "submit", actorId: actor.id, actorName: actor.displayName, contentHash: state.contentHash } },
        },
        select: { id: true, number: true },
      });
      await tx.report.update({ where: { id: reportId }, data: { status: "IN_REVIEW" } });
      await appendAuditEntry(tx, {
        action: "report.submitted",
        actor,
        targetType: "report",
        targetId: reportId,
        organId: report.organId,
        clientAddress,
        details: { round: round.number, stage: stages[0]!.name },
        contentHash: state.contentHash,
      });
      await queueReviewNotice(tx, { kind: "landed", reportId });
      return round;
    });
    return round;
  });
}
