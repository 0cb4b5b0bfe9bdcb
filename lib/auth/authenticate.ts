import "server-only";
import { z } from "zod";
import { appendAuditEntry } from "@/lib/audit/append-audit-entry";
import { db } from "@/lib/db/client";
import { PASSWORD_MAX_LENGTH, text, USERNAME_MAX_LENGTH } from "@/lib/validation/fields";
import { pruneCounters } from "@/lib/db/housekeeping";
import { clearNameThrottle, recordPasswordFailure, throttled } from "./login-throttle";
import { spendVerifyTime, verifyPassword } from "./password-hash";

export type AuthenticateResult = { ok: true; user: { id: string; displayName: string } } | { ok: false; reason: "INVALID_INPUT" | "INVALID_CREDENTIALS" | "LOCKED" | "DISABLED" };

const credentialsSchema = z.object({
  username: text().trim().min(1).max(USERNAME_MAX_LENGTH),
  password: text().min(1).max(PASSWORD_MAX_LENGTH),
});

/** Why a name appears in the log: an unknown or overlong one is cut, never stored whole, and never with characters the log cannot hold. */
function loggableName(raw: unknown) {
  return typeof raw === "string"
    ? raw
        .trim()
        .slice(0, USERNAME_MAX_LENGTH)
        .replace(/[^\P{C}\t]|\p{Cs}/gu, "\uFFFD")
    : "";
}

/**
 * Checks a sign-in, applies the lockout (per login name, real or not, and per address) and
 * audits the outcome. An unknown name and a wrong password cost the same time, are counted the
 * same way and lock the same way: nothing tells whether an account exists.
 */
export async function authenticate(options: { username: unknown; password: unknown; clientAddress: string | null; now?: Date }): Promise<AuthenticateResult> {
  const now = options.now ?? new Date();
  const parsed = credentialsSchema.safeParse({ username: options.username, password: options.password });
  if (!parsed.success) {
    await db().$transaction((tx) =>
      appendAuditEntry(tx, {
        action: "auth.login_failed",
        actor: null,
        actorNameFallback: loggableName(options.username),
        clientAddress: options.clientAddress,
        details: { reason: "invalid_input" },
      }),
    );
    return { ok: false, reason: "INVALID_INPUT" };
  }
  const username = parsed.data.username.toLowerCase();
  const { password } = parsed.data;

  const user = await db().user.findUnique({
    where: { username },
    select: { id: true, displayName: true, passwordHash: true, disabledAt: true },
  });
  let passwordMatches = false;
  if (user) passwordMatches = await verifyPassword(user.passwordHash, password);
  else await spendVerifyTime(password);

  // Outside the transaction below: pruning must never wait on the throttle rows it is about to lock.
  await pruneCounters(now);
  return db().$transaction(async (tx): Promise<AuthenticateResult> => {
    const keys = { name: username, address: options.clientAddress };
    const base = {
      actor: user ? { id: user.id, displayName: user.displayName } : null,
      actorNameFallback: username,
      ...(user ? { targetType: "user", targetId: user.id } : {}),
      clientAddress: options.clientAddress,
    };
    const lockedBy = await throttled(tx, keys, now);
    if (lockedBy) {
      await appendAuditEntry(tx, { ...base, action: "auth.login_failed", details: { reason: lockedBy === "name" ? "locked" : "address_locked" } });
      return { ok: false, reason: "LOCKED" };
    }
    if (user?.disabledAt) {
      await appendAuditEntry(tx, { ...base, action: "auth.login_failed", details: { reason: "disabled" } });
      // Only someone who knows the password learns that the account is disabled.
      return { ok: false, reason: passwordMatches ? "DISABLED" : "INVALID_CREDENTIALS" };
    }
    if (!user || !passwordMatches) {
      await appendAuditEntry(tx, { ...base, action: "auth.login_failed", details: { reason: user ? "wrong_password" : "unknown_user" } });
      const locked = await recordPasswordFailure(tx, keys, now);
      for (const lock of locked) {
        await appendAuditEntry(tx, { ...base, action: "auth.locked", details: { scope: lock.scope, until: lock.until?.toISOString(), maxFailures: lock.maxFailures } });
      }
      return { ok: false, reason: locked.length ? "LOCKED" : "INVALID_CREDENTIALS" };
    }
    await clearNameThrottle(tx, username);
    await appendAuditEntry(tx, { ...base, action: "auth.login" });
    return { ok: true, user: { id: user.id, displayName: user.displayName } };
  });
}
