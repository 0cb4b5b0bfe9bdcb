import "server-only";
import { appendAuditEntry } from "@/lib/audit/append-audit-entry";
import { rolesIn, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { applyEvent, REFUSAL_MESSAGES } from "@/lib/review/workflow";
import { notifyReviewLater } from "@/lib/notify/notify-review";
import { findReportOrThrow } from "./find-report";
import { loadReviewState } from "./review-state";

/** The holder of a waiting stage hands it (转交) to another holder of the same role in the organ, with a note. */
export async function handOverStage(options: { actor: Actor; reportId: string; roundId: string; toUserId: string; note: string; clientAddress: string | null }) {
  const { actor, reportId, roundId, toUserId, note, clientAddress } = options;
  const report = await findReportOrThrow(actor, reportId, "report.view");
  const recipient = await db().user.findUnique({
    where: { id: toUserId },
    select: { id: true, displayName: true, disabledAt: true, memberships: { where: { organId: report.organId }, select: { organId: true, role: true } } },
  });
  if (!recipient || recipient.disabledAt) throw new AppError("INVALID_INPUT", REFUSAL_MESSAGES.HANDOVER_TARGET, { toUserId: REFUSAL_MESSAGES.HANDOVER_TARGET });
  await db().$transaction(async (tx) => {
    const { state, stages, round } = await loadReviewState(tx, report);
    if (!round || round.id !== roundId) throw new AppError("CONFLICT", "报告已被他人处理或已变化，请刷新页面后再操作。");
    const roles = { [actor.id]: rolesIn(actor, report.organId), [recipient.id]: recipient.memberships.map((m) => m.role) };
    const outcome = applyEvent(state, { type: "handover", by: actor.id, to: recipient.id }, { stages, rolesOf: (id) => roles[id] ?? [] });
    if (!outcome.ok) throw new AppError("CONFLICT", REFUSAL_MESSAGES[outcome.refusal]);
    await tx.reviewAction.create({
      data: {
        roundId, stageIndex: round.stageIndex, kind: "handover", actorId: actor.id, actorName: actor.displayName,
        comment: note.trim() || null, contentHash: state.contentHash, details: { to: recipient.id, toName: recipient.displayName },
      },
    });
    await tx.reviewRound.update({ where: { id: roundId }, data: { version: { increment: 1 } } });
    await appendAuditEntry(tx, {
      action: "review.handedOver", actor, targetType: "report", targetId: reportId, organId: report.organId, clientAddress,
      details: { round: round.number, stage: stages[round.stageIndex]!.name, to: recipient.displayName, note: note.trim() || null },
    });
  });
  notifyReviewLater({ kind: "handedOver", reportId, toUserId: recipient.id });
}

/** People a stage could be handed to: the same role in the organ, active, other than the actor. */
export function listStageColleagues(organId: string, role: string, exceptId: string) {
  return db().user.findMany({
    where: { id: { not: exceptId }, disabledAt: null, memberships: { some: { organId, role: role as never } } },
    select: { id: true, displayName: true },
    orderBy: { displayName: "asc" },
  });
}
