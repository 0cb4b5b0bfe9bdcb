import "server-only";
import { auditingRefusals } from "@/lib/audit/refusals";
import { appendAuditEntry } from "@/lib/audit/append-audit-entry";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import type { HandoverDetails } from "@/lib/review/action-details";
import { applyEvent, refusalError, workflowContext, type ReviewState, type Stage } from "@/lib/review/workflow";
import { queueReviewNotice } from "@/lib/reports/notify-review";
import { findReportOrThrow } from "./find-report";
import { loadReviewState } from "./review-state";

/** The holder of a waiting stage hands it (转交) to another holder of the same role in the organ, with a note. */
export async function handOverStage(options: { actor: Actor; reportId: string; roundId: string; toUserId: string; note: string; clientAddress: string | null }) {
  return auditingRefusals("review.handOver", options, async () => {
    const { actor, reportId, roundId, toUserId, note, clientAddress } = options;
    const report = await findReportOrThrow(actor, reportId, "report.view");
    const recipient = await db().user.findUnique({
      where: { id: toUserId },
      select: { id: true, displayName: true, disabledAt: true, memberships: { where: { organId: report.organId }, select: { organId: true, role: true } } },
    });
    if (!recipient || recipient.disabledAt) throw refusalError("HANDOVER_TARGET");
    await db().$transaction(async (tx) => {
      const { state, stages, round, lastRecordedHash } = await loadReviewState(tx, report);
      if (!round || round.id !== roundId) throw refusalError("STALE_PAGE");
      const outcome = applyEvent(state, { type: "handover", by: actor.id, to: recipient.id }, workflowContext(stages, report.organId, [actor, recipient]));
      if (!outcome.ok) throw refusalError(outcome.refusal);
      await tx.reviewAction.create({
        data: {
          roundId,
          stageIndex: round.stageIndex,
          kind: "handover",
          actorId: actor.id,
          actorName: actor.displayName,
          comment: note.trim() || null,
          // A hand-over vouches for no text: it carries the last recorded hash on, so that a change made
          // outside the rules before it still voids the round at the next decision.
          contentHash: lastRecordedHash ?? state.contentHash,
          details: { to: recipient.id, toName: recipient.displayName } satisfies HandoverDetails,
        },
      });
      await tx.reviewRound.update({ where: { id: roundId }, data: { version: { increment: 1 } } });
      await appendAuditEntry(tx, {
        action: "review.handedOver",
        actor,
        targetType: "report",
        targetId: reportId,
        organId: report.organId,
        clientAddress,
        details: { round: round.number, stage: stages[round.stageIndex]!.name, to: recipient.displayName, note: note.trim() || null },
      });
      await queueReviewNotice(tx, { kind: "handedOver", reportId, toUserId: recipient.id });
    });
  });
}

/** People the actor may hand the current stage to, as the review rules decide (empty once the stage has corrections). */
export async function listHandoverCandidates(actor: Actor, organId: string, review: { state: ReviewState; stages: ReadonlyArray<Stage> }) {
  const stage = review.state.round ? review.stages[review.state.round.stageIndex] : undefined;
  if (!stage) return [];
  const people = await db().user.findMany({
    where: { id: { not: actor.id }, disabledAt: null, memberships: { some: { organId, role: stage.role } } },
    select: { id: true, displayName: true, memberships: { where: { organId }, select: { organId: true, role: true } } },
    orderBy: { displayName: "asc" },
  });
  return people
    .filter((person) => applyEvent(review.state, { type: "handover", by: actor.id, to: person.id }, workflowContext(review.stages, organId, [actor, person])).ok)
    .map(({ id, displayName }) => ({ id, displayName }));
}
