import "server-only";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db/client";
import { pruneCounters } from "@/lib/db/housekeeping";
import { AppError } from "@/lib/errors";
import { appendAuditEntry } from "./append-audit-entry";

/** What a use case was asked to do, and by whom: read from its options. */
type Attempt = {
  actor: { id: string; displayName: string } | null;
  clientAddress: string | null;
  reportId?: string;
  organId?: string;
  userId?: string;
};

const MINUTE = 60_000;

/**
 * Runs a use case; when it refuses (throws an AppError), the refusal is appended to the audit
 * log in a transaction of its own (the refused work itself rolled back) and re-thrown. Every
 * use case runs inside it, so every refusal — a permission denied, a review or publishing act
 * the rules refuse, a frozen report — is kept with who, what, on which target and why.
 *
 * A scripted attacker cannot flood the log: per person (or, signed out, per address) and kind
 * of act, only the first AUDIT_REFUSALS_PER_MINUTE refusals in a minute are written in full, the
 * next one says that further ones are only counted, and RefusalTally keeps the exact count.
 */
export async function auditingRefusals<T>(attempt: string, options: Attempt, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    // A use case calling another (restore → save) logs the refusal once, where it happened.
    if (error instanceof AppError) await auditRefusalOnce(attempt, options, error);
    throw error;
  }
}

const audited = new WeakSet<AppError>();

/**
 * Records a refusal unless it already was (a use case calling another, or a refusal that passed
 * through auditingRefusals before reaching an action's or route's frame). Being signed out is no
 * refusal of an act.
 */
export async function auditRefusalOnce(attempt: string, options: Attempt, error: AppError) {
  if (error.code === "UNAUTHENTICATED" || audited.has(error)) return;
  audited.add(error);
  await auditRefusal(attempt, options, error);
}

/** Records one refusal (for callers that refuse without throwing through auditingRefusals, e.g. a page answering 404). */
export async function auditRefusal(attempt: string, options: Attempt, error: AppError) {
  const who = options.actor ? `user:${options.actor.id}` : `address:${options.clientAddress ?? "unknown"}`;
  const minute = new Date(Math.floor(Date.now() / MINUTE) * MINUTE);
  const [tally] = await db().$queryRaw<Array<{ count: number }>>`
    INSERT INTO "RefusalTally" (key, minute, count) VALUES (${`${who}|${attempt}`}, ${minute}, 1)
    ON CONFLICT (key, minute) DO UPDATE SET count = "RefusalTally".count + 1
    RETURNING count`;
  await pruneCounters();
  const limit = getConfig().auditRefusalsPerMinute;
  const count = tally?.count ?? 1;
  if (count > limit + 1) return;
  const target = await refusalTarget(options);
  await db().$transaction((tx) =>
    appendAuditEntry(tx, {
      action: "request.refused",
      actor: options.actor,
      clientAddress: options.clientAddress,
      ...target,
      details: {
        attempt,
        code: error.code,
        reason: error.userMessage,
        ...(count === limit + 1 ? { note: `一分钟内被拒绝超过 ${limit} 次，此后本分钟内同类拒绝只计数，不再逐条记录。` } : {}),
      },
    }),
  );
}

/** The target named in the options; a report's own organ, when it exists, so that its admin sees the attempt. */
async function refusalTarget(options: Attempt) {
  const short = (id: string) => id.slice(0, 64);
  if (options.reportId) {
    const report = await db()
      .report.findUnique({ where: { id: options.reportId }, select: { organId: true } })
      .catch(() => null);
    return { targetType: "report", targetId: short(options.reportId), organId: report?.organId ?? null };
  }
  if (options.userId) return { targetType: "user", targetId: short(options.userId), organId: options.organId ? short(options.organId) : null };
  if (options.organId) return { targetType: "organ", targetId: short(options.organId), organId: short(options.organId) };
  return {};
}
