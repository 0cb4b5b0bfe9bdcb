import "server-only";
import { appendAuditEntry } from "@/lib/audit/append-audit-entry";
import { checkPassword } from "@/lib/auth/password-policy";
import { hashPassword, verifyPassword } from "@/lib/auth/password-hash";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { recordPasswordFailure, throttled } from "@/lib/auth/login-throttle";
import { endSessions } from "@/lib/auth/sessions";
import { LOGIN_MESSAGES } from "@/lib/auth/login-messages";

const LOCKED_MESSAGE = LOGIN_MESSAGES.LOCKED!;

/** Changes the password; every other session of the person ends, the one in use (`sessionId`) stays. */
export async function changeOwnPassword(options: {
  userId: string;
  sessionId: string;
  currentPassword: string;
  newPassword: string;
  clientAddress: string | null;
}): Promise<{ otherSessionsEnded: number }> {
  const { userId, sessionId, currentPassword, newPassword, clientAddress } = options;
  const now = new Date();
  const user = await db().user.findUnique({
    where: { id: userId },
    select: { id: true, username: true, displayName: true, passwordHash: true },
  });
  if (!user) throw new AppError("UNAUTHENTICATED", "请重新登录。");
  // Confirming one's password is guessing it too: wrong answers count toward the same lockout as sign-ins.
  const matches = await verifyPassword(user.passwordHash, currentPassword);
  const keys = { name: user.username, address: clientAddress };
  const refused = await db().$transaction(async (tx) => {
    const actor = { id: user.id, displayName: user.displayName };
    const base = { actor, targetType: "user", targetId: user.id, clientAddress };
    if (await throttled(tx, keys, now)) {
      await appendAuditEntry(tx, { ...base, action: "auth.password_change_failed", details: { reason: "locked" } });
      return new AppError("LOCKED", LOCKED_MESSAGE);
    }
    if (matches) return null;
    await appendAuditEntry(tx, { ...base, action: "auth.password_change_failed", details: { reason: "wrong_password" } });
    const locked = await recordPasswordFailure(tx, keys, now);
    for (const lock of locked) {
      await appendAuditEntry(tx, { ...base, action: "auth.locked", details: { scope: lock.scope, until: lock.until?.toISOString(), maxFailures: lock.maxFailures } });
    }
    return locked.length ? new AppError("LOCKED", LOCKED_MESSAGE) : new AppError("INVALID_INPUT", "当前密码不正确。", { currentPassword: "当前密码不正确。" });
  });
  if (refused) throw refused;
  const problem = checkPassword(newPassword, user.username, getConfig().passwordPolicy);
  if (problem) throw new AppError("INVALID_INPUT", problem, { newPassword: problem });
  if (newPassword === currentPassword) {
    throw new AppError("INVALID_INPUT", "新密码不能与当前密码相同。", { newPassword: "新密码不能与当前密码相同。" });
  }
  const passwordHash = await hashPassword(newPassword);
  return db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash, mustChangePassword: false, passwordChangedAt: new Date() } });
    const otherSessionsEnded = await endSessions(tx, { userId, except: sessionId, reason: "password_changed" });
    await appendAuditEntry(tx, {
      action: "auth.password_changed",
      actor: { id: user.id, displayName: user.displayName },
      targetType: "user",
      targetId: user.id,
      clientAddress,
      details: { otherSessionsEnded },
    });
    return { otherSessionsEnded };
  });
}
