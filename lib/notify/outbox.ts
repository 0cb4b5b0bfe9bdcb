// Review e-mails, durably: a use case queues its messages in the transaction that records the
// event (so they exist exactly when the event does, and a restart loses none), and a sender
// in every instance sends what is due. Plain Node: the sender runs in scripts/server.ts.
import type { Tx } from "@/lib/db/client";
import type { AppPrismaClient } from "@/lib/db/create-client";
import { deliverMail } from "./mailer";

/** Senders listen here, so that a queued message leaves at once rather than at the next round. */
export const MAIL_CHANNEL = "nianbao_mail";

export type QueuedMail = { to: string; subject: string; text: string };

export async function queueMail(tx: Tx, mails: readonly QueuedMail[]) {
  if (mails.length === 0) return;
  await tx.mailOutbox.createMany({ data: mails.map((m) => ({ recipient: m.to, subject: m.subject, body: m.text })) });
  await tx.$executeRaw`SELECT pg_notify(${MAIL_CHANNEL}, '')`;
}

/** Attempts before a message is given up (failedAt set, lastError kept): about eight hours of retries. */
export const MAX_ATTEMPTS = 10;
/** The wait after the n-th failed attempt: 30 s, 1 min, 2 min, … at most an hour. */
export const retryDelayMs = (failedAttempts: number) => Math.min(3_600_000, 30_000 * 2 ** (failedAttempts - 1));

type Row = { id: bigint; recipient: string; subject: string; body: string; attempts: number };

/**
 * Sends every due message, one at a time, and returns how many were sent and how many failed.
 * Each is claimed with FOR UPDATE SKIP LOCKED in a transaction that lasts until it is marked sent
 * (or due again later), so another sender skips it meanwhile and no two senders send the same
 * message. A sender that dies before marking leaves the row to be sent again: only a crash
 * between the SMTP server's acceptance and the commit can repeat a message (at least once).
 */
export async function sendDueMail(
  prisma: AppPrismaClient,
  options: { retryDelayMs?: (failedAttempts: number) => number; deliver?: typeof deliverMail } = {},
): Promise<{ sent: number; failed: number }> {
  const delay = options.retryDelayMs ?? retryDelayMs;
  const deliver = options.deliver ?? deliverMail;
  const totals = { sent: 0, failed: 0 };
  // A message that failed in this round waits for the next one, however short its delay.
  const tried: bigint[] = [];
  for (;;) {
    const outcome = await prisma.$transaction(
      async (tx) => {
        const [row] = await tx.$queryRaw<Row[]>`
          SELECT id, recipient, subject, body, attempts FROM "MailOutbox"
          WHERE "sentAt" IS NULL AND "failedAt" IS NULL AND "nextAttemptAt" <= now() AND id <> ALL(${tried}::bigint[])
          ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED`;
        if (!row) return null;
        tried.push(row.id);
        try {
          await deliver({ to: row.recipient, subject: row.subject, text: row.body });
        } catch (error) {
          const attempts = row.attempts + 1;
          const reason = (error instanceof Error ? error.message : String(error)).slice(0, 1_000);
          // The database's clock decides when a row is due, whichever instance wrote it.
          await tx.$executeRaw`
            UPDATE "MailOutbox" SET attempts = ${attempts}, "lastError" = ${reason},
              "nextAttemptAt" = now() + make_interval(secs => ${delay(attempts) / 1000}::double precision),
              "failedAt" = CASE WHEN ${attempts >= MAX_ATTEMPTS}::boolean THEN now() END
            WHERE id = ${row.id}`;
          return "failed" as const;
        }
        await tx.$executeRaw`UPDATE "MailOutbox" SET attempts = attempts + 1, "sentAt" = now(), "lastError" = NULL WHERE id = ${row.id}`;
        return "sent" as const;
      },
      // SMTP's own timeouts (lib/notify/mailer.ts) end a stuck delivery well before this.
      { timeout: 60_000, maxWait: 10_000 },
    );
    if (!outcome) return totals;
    totals[outcome]++;
  }
}

export type MailSender = { wake(): void; stop(): Promise<void> };

/** Sends due mail every `intervalMs` and whenever woken (a message was queued), one round at a time. */
export function startMailSender(prisma: AppPrismaClient, log: (line: string) => void, options: { intervalMs?: number } = {}): MailSender {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const round = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = sendDueMail(prisma)
      .then(({ failed }) => {
        if (failed) log(`有 ${failed} 封审核通知邮件未能发出，稍后重试（见 MailOutbox.lastError）。`);
      })
      .catch((error: unknown) => log(`发送审核通知邮件出错：${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          round();
        }
      });
  };
  const timer = setInterval(round, options.intervalMs ?? 15_000);
  timer.unref();
  round();
  return {
    wake: round,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
