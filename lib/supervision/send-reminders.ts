import "server-only";
import { appendAuditEntry } from "@/lib/audit/append-audit-entry";
import { auditingRefusals } from "@/lib/audit/refusals";
import { assertOrganPermission } from "@/lib/auth/assert-permission";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Tx } from "@/lib/db/client";
import { smtpSettings } from "@/lib/notify/mailer";
import { queueMail } from "@/lib/notify/outbox";
import { findOrganProgress } from "./organ-progress";

/**
 * 催办: the supervising office reminds organs below it about a year's report — the ones named, or
 * every overdue one. A reminder reaches the organ's 撰稿人 and 管理员 in their 待办 (and by email when
 * SMTP is configured), and is audited. Organs outside the office's tree are refused.
 */
export async function sendReminders(options: {
  actor: Actor;
  organId: string;
  year: number;
  targets: { organIds: string[] } | "overdue";
  message: string;
  clientAddress: string | null;
}) {
  return auditingRefusals("organ.remind", options, async () => {
    const { actor, organId, year, clientAddress } = options;
    await assertOrganPermission(actor, "organ.supervise", organId);
    const below = await findOrganProgress({ rootId: organId, year });
    const byId = new Map(below.map((r) => [r.organId, r]));
    const targets = options.targets === "overdue" ? below.filter((r) => r.overdue) : options.targets.organIds.map((id) => byId.get(id) ?? null);
    if (targets.some((t) => t === null)) throw new AppError("NOT_FOUND", "只能催办本机关下级的机关。");
    const chosen = targets.filter((t) => t !== null);
    if (chosen.length === 0) throw new AppError("INVALID_INPUT", "没有需要催办的机关。");
    const message = options.message.trim() || null;
    await db().$transaction(async (tx) => {
      for (const target of chosen) {
        await tx.reminder.create({ data: { organId: target.organId, year, sentById: actor.id, sentByName: actor.displayName, fromOrganId: organId, message } });
        await appendAuditEntry(tx, {
          action: "organ.reminded",
          actor,
          targetType: "organ",
          targetId: target.organId,
          organId: target.organId,
          clientAddress,
          details: { year, from: organId, message, status: target.statusText },
        });
      }
      // Queued with the reminders (lib/notify/outbox.ts): sent after the commit, never lost to a restart.
      if (smtpSettings())
        await mailReminders(
          tx,
          chosen.map((t) => t.organId),
          year,
          message,
        );
    });
    return { count: chosen.length };
  });
}

async function mailReminders(tx: Tx, organIds: string[], year: number, message: string | null) {
  const people = await tx.user.findMany({
    where: { disabledAt: null, email: { not: null }, memberships: { some: { organId: { in: organIds }, role: { in: ["AUTHOR", "ORGAN_ADMIN"] } } } },
    select: { email: true },
  });
  // One message per person: a reminder to many organs must not show each one's staff the others' addresses.
  const subject = `催办：${year} 年度政府信息公开工作年度报告`;
  const text = `上级主管部门提醒您尽快完成 ${year} 年度政府信息公开工作年度报告的撰写、审核和发布。${message ? `\n留言：${message}` : ""}\n请登录年报工作台查看。`;
  await queueMail(
    tx,
    [...new Set(people.flatMap((p) => (p.email ? [p.email] : [])))].map((to) => ({ to, subject, text })),
  );
}
