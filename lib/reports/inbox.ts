import "server-only";
import { cache } from "react";
import { organIdsWhere, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { deadlineOf } from "@/lib/domain/report-progress";
import { readJsonColumn } from "@/lib/db/json-column";
import { reviewActionKindSchema } from "@/lib/review/action-details";
import { mayActOnStage, roundFromActions, workflowContext } from "@/lib/review/workflow";
import { readRecordedAction, readRoundStages } from "./review-state";

/** 待办: reports waiting at a stage this person may act on, as the review rules decide. Once per request (the header counts it too). */
export const findInbox = cache(async (actor: Actor) => {
  const organIds = [...new Set(actor.memberships.map((m) => m.organId))];
  if (organIds.length === 0) return [];
  const rounds = await db().reviewRound.findMany({
    where: { status: "OPEN", report: { status: "IN_REVIEW", organId: { in: organIds } } },
    select: {
      id: true,
      number: true,
      stageIndex: true,
      stages: true,
      authorIds: true,
      actions: { orderBy: { createdAt: "asc" }, select: { kind: true, stageIndex: true, actorId: true, contentHash: true, createdAt: true, details: true } },
      report: { select: { id: true, title: true, year: true, organId: true, isCorrection: true, organ: { select: { name: true, deadlineMonth: true, deadlineDay: true } } } },
    },
  });
  return rounds
    .flatMap((row) => {
      const stages = readRoundStages(row.stages);
      const round = roundFromActions({ number: row.number, stageIndex: row.stageIndex, authors: row.authorIds, actions: row.actions.map(readRecordedAction) });
      const ctx = workflowContext(stages, row.report.organId, [actor]);
      if (mayActOnStage({ status: "IN_REVIEW", round }, ctx, actor.id) !== null) return [];
      return [
        {
          reportId: row.report.id,
          title: row.report.title,
          organName: row.report.organ.name,
          year: row.report.year,
          stageName: stages[row.stageIndex]?.name ?? "",
          isCorrection: row.report.isCorrection,
          waitingSince: row.actions.at(-1)!.createdAt,
          deadline: deadlineOf(row.report.year, row.report.organ.deadlineMonth, row.report.organ.deadlineDay),
        },
      ];
    })
    .sort((a, b) => a.waitingSince.getTime() - b.waitingSince.getTime());
});

/** 已办: what this person did in reviews, newest first. */
export async function findHandled(actor: Actor, limit = 50) {
  const actions = await db().reviewAction.findMany({
    where: { actorId: actor.id, kind: { in: ["approve", "return", "correct"] } },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: {
      kind: true,
      createdAt: true,
      stageIndex: true,
      comment: true,
      round: { select: { number: true, stages: true, report: { select: { id: true, title: true } } } },
    },
  });
  return actions.map((a) => ({
    kind: readJsonColumn(reviewActionKindSchema, a.kind, "ReviewAction.kind"),
    createdAt: a.createdAt,
    comment: a.comment,
    roundNumber: a.round.number,
    stageName: readRoundStages(a.round.stages)[a.stageIndex]?.name ?? "",
    report: a.round.report,
  }));
}

/** Reports returned to this person as one of their authors, not yet resubmitted. Once per request. */
export const findReturned = cache(async (actor: Actor) => {
  const organIds = organIdsWhere(actor, "report.edit");
  if (organIds.length === 0) return [];
  const reports = await db().report.findMany({
    where: { organId: { in: organIds }, status: "DRAFT", rounds: { some: { status: "RETURNED" } } },
    select: {
      id: true,
      title: true,
      rounds: {
        orderBy: { number: "desc" },
        take: 1,
        select: {
          status: true,
          authorIds: true,
          actions: { where: { kind: "return" }, orderBy: { createdAt: "desc" }, take: 1, select: { actorName: true, comment: true, createdAt: true } },
        },
      },
    },
  });
  return reports
    .filter((r) => r.rounds[0]?.status === "RETURNED" && r.rounds[0].authorIds.includes(actor.id))
    .map((r) => ({
      reportId: r.id,
      title: r.title,
      returnedBy: r.rounds[0]!.actions[0]?.actorName ?? "",
      reason: r.rounds[0]!.actions[0]?.comment ?? "",
      at: r.rounds[0]!.actions[0]?.createdAt ?? null,
    }));
});

/** Approved reports waiting for this person to publish them (the 发布人's 待办). Once per request. */
export const findPublishable = cache(async (actor: Actor) => {
  const organIds = organIdsWhere(actor, "report.publish");
  if (organIds.length === 0) return [];
  const reports = await db().report.findMany({
    where: { organId: { in: organIds }, status: "APPROVED" },
    orderBy: { updatedAt: "asc" },
    select: { id: true, title: true, isCorrection: true, updatedAt: true, organ: { select: { name: true } } },
  });
  return reports.map((r) => ({ reportId: r.id, title: r.title, organName: r.organ.name, isCorrection: r.isCorrection, since: r.updatedAt }));
});

/** 催办 from a supervising office to an organ where this person writes or administers, while that year's report is unfinished. */
export const findReminders = cache(async (actor: Actor) => {
  const organIds = organIdsWhere(actor, "report.create");
  if (organIds.length === 0) return [];
  const reminders = await db().reminder.findMany({
    where: { organId: { in: organIds }, createdAt: { gt: new Date(Date.now() - 90 * 86_400_000) } },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      organId: true,
      year: true,
      sentByName: true,
      message: true,
      createdAt: true,
      organ: { select: { name: true, reports: { select: { year: true, status: true } } } },
    },
  });
  const unfinished = (r: (typeof reminders)[number]) =>
    !r.organ.reports.some((report) => report.year === r.year && (report.status === "PUBLISHED" || report.status === "WITHDRAWN"));
  // The newest reminder per organ and year is enough to act on.
  const seen = new Set<string>();
  return reminders
    .filter((r) => unfinished(r) && !seen.has(`${r.organId}:${r.year}`) && seen.add(`${r.organId}:${r.year}`))
    .map((r) => ({ id: r.id, organId: r.organId, organName: r.organ.name, year: r.year, from: r.sentByName, message: r.message, at: r.createdAt }));
});

/** Everything waiting for this person, for the header's count. */
export async function countWaiting(actor: Actor) {
  const [inbox, returned, publishable, reminders] = await Promise.all([findInbox(actor), findReturned(actor), findPublishable(actor), findReminders(actor)]);
  return inbox.length + returned.length + publishable.length + reminders.length;
}
