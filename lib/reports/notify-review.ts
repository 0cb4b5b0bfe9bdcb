import "server-only";
import type { Tx } from "@/lib/db/client";
import { smtpSettings } from "@/lib/notify/mailer";
import { queueMail, type QueuedMail } from "@/lib/notify/outbox";
import { mayActOnStage, roundFromActions, workflowContext } from "@/lib/review/workflow";
import { readRecordedAction, readRoundStages } from "./review-state";

export type ReviewNotice =
  | { kind: "landed"; reportId: string } // the report waits at its round's current stage
  | { kind: "returned"; reportId: string }
  | { kind: "handedOver"; reportId: string; toUserId: string };

/**
 * Queues the e-mails a review event owes (when SMTP is configured), inside the transaction that
 * records the event: they are written as the state stood at that moment, and sent by the outbox
 * (lib/notify/outbox.ts) after the commit. In-app, the same people see it in 待办 at once.
 * Returns the number of messages queued.
 */
export async function queueReviewNotice(tx: Tx, notice: ReviewNotice): Promise<number> {
  if (!smtpSettings()) return 0;
  const mails = await reviewMails(tx, notice);
  await queueMail(tx, mails);
  return mails.length;
}

async function reviewMails(tx: Tx, notice: ReviewNotice): Promise<QueuedMail[]> {
  const report = await tx.report.findUnique({
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
  if (!report || !round) return [];
  const stages = readRoundStages(round.stages);
  const stage = stages[round.stageIndex];
  const authors = round.authorIds;
  const to = (addresses: string[], subject: string, text: string) => addresses.map((address) => ({ to: address, subject, text }));
  if (notice.kind === "landed" && stage && round.status === "OPEN") {
    // Everyone the review rules would let act on the stage now, as the 待办 list shows it to them.
    const state = {
      status: "IN_REVIEW" as const,
      round: roundFromActions({ number: round.number, stageIndex: round.stageIndex, authors, actions: round.actions.map(readRecordedAction) }),
    };
    const people = await tx.user.findMany({
      where: { disabledAt: null, email: { not: null }, memberships: { some: { organId: report.organId, role: stage.role } } },
      select: { id: true, email: true, memberships: { where: { organId: report.organId }, select: { organId: true, role: true } } },
    });
    const eligible = people.flatMap((p) => (p.email && mayActOnStage(state, workflowContext(stages, report.organId, [p]), p.id) === null ? [p.email] : []));
    return to(eligible, `待审核：${report.title}（${stage.name}）`, `${report.title} 已到“${stage.name}”环节，等待您审核。请登录年报工作台，在“待办”中处理。`);
  }
  if (notice.kind === "returned") {
    const people = await tx.user.findMany({ where: { id: { in: authors }, disabledAt: null, email: { not: null } }, select: { email: true } });
    const reason = round.actions.filter((a) => a.kind === "return").at(-1)?.comment ?? "";
    return to(
      people.map((p) => p.email!),
      `已退回：${report.title}`,
      `${report.title} 被退回修改。理由：${reason}\n请登录年报工作台查看审核意见。`,
    );
  }
  if (notice.kind === "handedOver" && stage) {
    const person = await tx.user.findUnique({ where: { id: notice.toUserId }, select: { email: true, disabledAt: true } });
    return to(
      person?.email && !person.disabledAt ? [person.email] : [],
      `转交给您审核：${report.title}（${stage.name}）`,
      `${report.title} 的“${stage.name}”环节已转交给您。请登录年报工作台，在“待办”中处理。`,
    );
  }
  return [];
}
