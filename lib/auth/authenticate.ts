import "server-only";
import { z } from "zod";
import { appendAuditEntry } from "@/lib/audit/append-audit-entry";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db/client";
import { PASSWORD_MAX_LENGTH, USERNAME_MAX_LENGTH } from "@/lib/validation/fields";
import { CLEARED_LOCKOUT, isLocked, recordFailure } from "./lockout";
import { spendVerifyTime, verifyPassword } from "./password-hash";

export type AuthenticateResult =
  | { ok: true; user: { id: string; displayName: string; sessionVersion: number } }
  | { ok: false; reason: "INVALID_INPUT" | "INVALID_CREDENTIALS" | "LOCKED" | "DISABLED" };


const credentialsSchema = z.object({
  username: z.string().trim().min(1).max(USERNAME_MAX_LENGTH),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});

/** Why a name appears in the log: an unknown or overlong one is cut, never stored whole. */
function loggableName(raw: unknown) {
  return typeof raw === "string" ? raw.trim().slice(0, USERNAME_MAX_LENGTH) : "";
}

/** Checks a login attempt, applies the lockout policy and audits the outcome. */
export async function authenticate(options: {
  username: unknown;
  password: unknown;
  clientAddress: string | null;
  now?: Date;
}): Promise<AuthenticateResult> {
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
  const policy = getConfig().lockout;

  const user = await db().user.findUnique({
    where: { username },
    select: { id: true, displayName: true, passwordHash: true, disabledAt: true, sessionVersion: true, lockedUntil: true },
  });
  if (!user) {
    await spendVerifyTime(password);
    await db().$transaction((tx) =>
      appendAuditEntry(tx, {
        action: "auth.login_failed",
        actor: null,
        actorNameFallback: username,
        clientAddress: options.clientAddress,
        details: { reason: "unknown_user" },
      }),
    );
    return { ok: false, reason: "INVALID_CREDENTIALS" };
  }

  const passwordMatches = await verifyPassword(user.passwordHash, password);

  return db().$transaction(async (tx): Promise<AuthenticateResult> => {
    // Row lock: concurrent attempts on one account must all be counted.
    const [state] = await tx.$queryRaw<
      Array<{ failedLoginCount: number; failedLoginWindowStart: Date | null; lockedUntil: Date | null }>
    >`SELECT "failedLoginCount", "failedLoginWindowStart", "lockedUntil" FROM "User" WHERE id = ${user.id} FOR UPDATE`;
    const lockout = state ?? CLEARED_LOCKOUT;
    const actor = { id: user.id, displayName: user.displayName };
    const base = { actor, targetType: "user", targetId: user.id, clientAddress: options.clientAddress };

    if (isLocked(lockout, now)) {
      await appendAuditEntry(tx, { ...base, action: "auth.login_failed", details: { reason: "locked" } });
      return { ok: false, reason: "LOCKED" };
    }
    if (user.disabledAt) {
      await appendAuditEntry(tx, { ...base, action: "auth.login_failed", details: { reason: "disabled" } });
      // Only someone who knows the password learns that the account is disabled.
      return { ok: false, reason: passwordMatches ? "DISABLED" : "INVALID_CREDENTIALS" };
    }
    if (!passwordMatches) {
      const next = recordFailure(lockout, now, policy);
      await tx.user.update({ where: { id: user.id }, data: next.state });
      await appendAuditEntry(tx, { ...base, action: "auth.login_failed", details: { reason: "wrong_password" } });
      if (next.lockedNow) {
        await appendAuditEntry(tx, {
          ...base,
          action: "auth.locked",
          details: { until: next.state.lockedUntil?.toISOString(), maxFailures: policy.maxFailures },
        });
        return { ok: false, reason: "LOCKED" };
      }
      return { ok: false, reason: "INVALID_CREDENTIALS" };
    }
    await tx.user.update({ where: { id: user.id }, data: CLEARED_LOCKOUT });
    await appendAuditEntry(tx, { ...base, action: "auth.login" });
    return { ok: true, user: { id: user.id, displayName: user.displayName, sessionVersion: user.sessionVersion } };
  });
}
