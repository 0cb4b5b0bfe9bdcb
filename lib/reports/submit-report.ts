import "server-only";
import { appendAuditEntry } from "@/lib/audit/append-audit-entry";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { checkDraft, hasErrors } from "@/lib/report-format/checks";
import { applyEvent, REFUSAL_MESSAGES } from "@/lib/review/workflow";
import { notifyReviewLater } from "@/lib/notify/notify-review";
import { findReportOrThrow } from "./find-report";
import { findLastYearSections } from "./queries";
import { loadReviewState, workflowContext } from "./review-state";

/** The 撰稿人 submits the draft: a new round starts at the first stage and the text is frozen. */
export async function submitReport(options: { actor: Actor; reportId: string; clientAddress: string | null }) {
  const { actor, reportId, clientAddress } = options;
  const report = await findReportOrThrow(actor, reportId, "report.edit");
  const lastYear = await findLastYearSections(report.organId, report.year);
  const round = await db().$transaction(async (tx) => {
    const { state, stages, sections, lastRoundNumber } = await loadReviewState(tx, report);
    const findings = checkDraft({ year: report.year, organKind: report.organ.kind, sections, lastYear });
    const outcome = applyEvent(state, { type: "submit", by: actor.id, hasErrors: hasErrors(findings) }, workflowContext(actor, report.organId, stages));
    if (!outcome.ok) throw new AppError(outcome.refusal === "CHECK_ERRORS" ? "INVALID_INPUT" : "CONFLICT", REFUSAL_MESSAGES[outcome.refusal]);
    const round = await tx.reviewRound.create({
      data: {
        reportId, number: lastRoundNumber + 1,
        stages: stages as unknown as Prisma.InputJsonArray,
        authorIds: outcome.state.round!.authors,
        submittedHash: state.contentHash,
        submittedById: actor.id,
        actions: { create: { stageIndex: 0, kind: "submit", actorId: actor.id, actorName: actor.displayName, contentHash: state.contentHash } },
      },
      select: { id: true, number: true },
    });
    await tx.report.update({ where: { id: reportId }, data: { status: "IN_REVIEW" } });
    await appendAuditEntry(tx, {
      action: "report.submitted", actor, targetType: "report", targetId: reportId, organId: report.organId, clientAddress,
      details: { round: round.number, stage: stages[0]!.name }, contentHash: state.contentHash,
    });
    return round;
  });
  notifyReviewLater({ kind: "landed", reportId });
  return round;
}
