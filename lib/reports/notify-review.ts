import "server-only";
import { db } from "@/lib/db/client";
import { mayActOnStage, roundFromActions, workflowContext } from "@/lib/review/workflow";
import { readRecordedAction, readRoundStages } from "./review-state";
import { sendMail, smtpSettings } from "@/lib/notify/mailer";

export type ReviewNotice =
  | { kind: "landed"; reportId: string } // the report waits at its round's current stage
  | { kind: "returned"; reportId: string }
  | { kind: "handedOver"; reportId: string; toUserId: string };

/**
 * Emails the people a review event concerns, when SMTP is configured. Called after
 * the change has committed; in-app, the same people see it in 待办 at once.
 */
export async function notifyReview(notice: ReviewNotice): Promise<number> {
  if (!smtpSettings()) return 0;
  const report = await db().report.findUnique({
    where: { id: notice.reportId },
    select: {
      title: true,
      organId: true,
      rounds: {
        orderBy: { number: "desc" },
        take: 1,
        select: {
          number: true,
          status: true,
          stages: true,
          stageIndex: true,
          authorIds: true,
          actions: { orderBy: { createdAt: "asc" }, select: { kind: true, actorId: true, stageIndex: true, comment: true, contentHash: true, details: true } },
        },
      },
    },
  });
  const round = report?.rounds[0];
  if (!report || !round) return 0;
  const stages = readRoundStages(round.stages);
  const stage = stages[round.stageIndex];
  const authors = round.authorIds;
  let to: string[] = [];
  let subject = "";
  let text = "";
  if (notice.kind === "landed" && stage && round.status === "OPEN") {
    // Everyone the review rules would let act on the stage now, as the 待办 list shows it to them.
    const state = {
      status: "IN_REVIEW" as const,
      round: roundFromActions({ number: round.number, stageIndex: round.stageIndex, authors, actions: round.actions.map(readRecordedAction) }),
    };
    const people = await db().user.findMany({
      where: { disabledAt: null, email: { not: null }, memberships: { some: { organId: report.organId, role: stage.role } } },
      select: { id: true, email: true, memberships: { where: { organId: report.organId }, select: { organId: true, role: true } } },
    });
    to = people.flatMap((p) => (p.email && mayActOnStage(state, workflowContext(stages, report.organId, [p]), p.id) === null ? [p.email] : []));
    subject = `待审核：${report.title}（${stage.name}）`;
    text = `${report.title} 已到“${stage.name}”环节，等待您审核。请登录年报工作台，在“待办”中处理。`;
  } else if (notice.kind === "returned") {
    const people = await db().user.findMany({ where: { id: { in: authors }, disabledAt: null, email: { not: null } }, select: { email: true } });
    const reason = round.actions.filter((a) => a.kind === "return").at(-1)?.comment ?? "";
    to = people.map((p) => p.email!);
    subject = `已退回：${report.title}`;
    text = `${report.title} 被退回修改。理由：${reason}\n请登录年报工作台查看审核意见。`;
  } else if (notice.kind === "handedOver" && stage) {
    const person = await db().user.findUnique({ where: { id: notice.toUserId }, select: { email: true, disabledAt: true } });
    to = person?.email && !person.disabledAt ? [person.email] : [];
    subject = `转交给您审核：${report.title}（${stage.name}）`;
    text = `${report.title} 的“${stage.name}”环节已转交给您。请登录年报工作台，在“待办”中处理。`;
  }
  return (await sendMail({ to, subject, text })) ? to.length : 0;
}

/** Fire and forget: the action has committed; a mail problem is logged, not reported to the user. */
export function notifyReviewLater(notice: ReviewNotice) {
  void notifyReview(notice).catch((error) => console.error("[mail] notice failed:", error));
}
