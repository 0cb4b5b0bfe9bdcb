import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import type { Stage } from "@/lib/review/workflow";

/**
 * 待办: reports waiting at a stage this person may act on — the stage's role in
 * the report's organ, not an author of its text, not active on another stage of
 * the round, and the stage not already taken by someone else.
 */
export async function findInbox(actor: Actor) {
  const organIds = [...new Set(actor.memberships.map((m) => m.organId))];
  if (organIds.length === 0) return [];
  const rounds = await db().reviewRound.findMany({
    where: { status: "OPEN", report: { organId: { in: organIds } } },
    select: {
      id: true, stageIndex: true, stages: true, authorIds: true,
      actions: { orderBy: { createdAt: "asc" }, select: { kind: true, stageIndex: true, actorId: true, createdAt: true, details: true } },
      report: { select: { id: true, title: true, year: true, organId: true, organ: { select: { name: true, deadlineMonth: true, deadlineDay: true } } } },
    },
  });
  return rounds
    .filter((round) => {
      const stage = (round.stages as unknown as Stage[])[round.stageIndex];
      if (!stage || !actor.memberships.some((m) => m.organId === round.report.organId && m.role === stage.role)) return false;
      if ((round.authorIds as unknown as string[]).includes(actor.id)) return false;
      const acting = round.actions.filter((a) => a.kind === "correct" || a.kind === "approve" || a.kind === "return");
      if (acting.some((a) => a.actorId === actor.id && a.stageIndex !== round.stageIndex)) return false;
      // The stage's holder: the last one it was handed to, or whoever first worked on it.
      const here = round.actions.filter((a) => a.stageIndex === round.stageIndex);
      const handedTo = here.filter((a) => a.kind === "handover").at(-1)?.details as { to?: string } | undefined;
      const holder = handedTo?.to ?? acting.find((a) => a.stageIndex === round.stageIndex)?.actorId;
      return holder === undefined || holder === actor.id;
    })
    .map((round) => ({
      reportId: round.report.id,
      title: round.report.title,
      organName: round.report.organ.name,
      year: round.report.year,
      stageName: (round.stages as unknown as Stage[])[round.stageIndex]!.name,
      waitingSince: round.actions.at(-1)!.createdAt,
      deadline: new Date(Date.UTC(round.report.year + 1, round.report.organ.deadlineMonth - 1, round.report.organ.deadlineDay)),
    }))
    .sort((a, b) => a.waitingSince.getTime() - b.waitingSince.getTime());
}

/** 已办: what this person did in reviews, newest first. */
export function findHandled(actor: Actor, limit = 50) {
  return db().reviewAction.findMany({
    where: { actorId: actor.id, kind: { in: ["approve", "return", "correct"] } },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: {
      kind: true, createdAt: true, stageIndex: true, comment: true,
      round: { select: { number: true, stages: true, report: { select: { id: true, title: true } } } },
    },
  });
}

/** Reports returned to this person as one of their authors, not yet resubmitted. */
export async function findReturned(actor: Actor) {
  const organIds = actor.memberships.filter((m) => m.role === "AUTHOR").map((m) => m.organId);
  if (organIds.length === 0) return [];
  const reports = await db().report.findMany({
    where: { organId: { in: organIds }, status: "DRAFT", rounds: { some: { status: "RETURNED" } } },
    select: {
      id: true, title: true,
      rounds: {
        orderBy: { number: "desc" }, take: 1,
        select: { status: true, authorIds: true, actions: { where: { kind: "return" }, orderBy: { createdAt: "desc" }, take: 1, select: { actorName: true, comment: true, createdAt: true } } },
      },
    },
  });
  return reports
    .filter((r) => r.rounds[0]?.status === "RETURNED" && (r.rounds[0].authorIds as unknown as string[]).includes(actor.id))
    .map((r) => ({ reportId: r.id, title: r.title, returnedBy: r.rounds[0]!.actions[0]?.actorName ?? "", reason: r.rounds[0]!.actions[0]?.comment ?? "", at: r.rounds[0]!.actions[0]?.createdAt ?? null }));
}
