import "server-only";
import { auditingRefusals } from "@/lib/audit/refusals";
import { appendAuditEntry } from "@/lib/audit/append-audit-entry";
import { clearNameThrottle } from "@/lib/auth/login-throttle";
import { endSessions } from "@/lib/auth/sessions";
import { hashPassword } from "@/lib/auth/password-hash";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { findManageableAccountOrThrow } from "./account-scope";
import { generateTemporaryPassword } from "./temporary-password";

/** Disabling ends the account's sessions at once (its session version moves on). */
export async function setAccountDisabled(options: { actor: Actor; userId: string; disabled: boolean; clientAddress: string | null }) {
  return auditingRefusals("user.setDisabled", options, async () => {
    const { actor, userId, disabled, clientAddress } = options;
    if (userId === actor.id) throw new AppError("INVALID_INPUT", "不能停用自己的账号。");
    const user = await findManageableAccountOrThrow(actor, userId);
    await db().$transaction(async (tx) => {
      await tx.user.update({
        where: { id: userId },
        data: disabled ? { disabledAt: new Date() } : { disabledAt: null },
      });
      if (disabled) await endSessions(tx, { userId, reason: "disabled" });
      else await clearNameThrottle(tx, user.username); // enabling also lifts a lockout
      await appendAuditEntry(tx, {
        action: disabled ? "user.disabled" : "user.enabled",
        actor,
        targetType: "user",
        targetId: userId,
        clientAddress,
        details: { username: user.username },
      });
    });
  });
}

/** Sets a random temporary password, returned once for the admin to pass on; it must be changed at next login. */
export async function resetAccountPassword(options: { actor: Actor; userId: string; clientAddress: string | null }) {
  return auditingRefusals("user.resetPassword", options, async () => {
    const { actor, userId, clientAddress } = options;
    const user = await findManageableAccountOrThrow(actor, userId);
    const temporaryPassword = generateTemporaryPassword();
    const passwordHash = await hashPassword(temporaryPassword);
    await db().$transaction(async (tx) => {
      await tx.user.update({
        where: { id: userId },
        data: { passwordHash, mustChangePassword: true },
      });
      await clearNameThrottle(tx, user.username);
      await endSessions(tx, { userId, reason: "password_reset" });
      await appendAuditEntry(tx, {
        action: "user.password_reset",
        actor,
        targetType: "user",
        targetId: userId,
        clientAddress,
        details: { username: user.username },
      });
    });
    return { temporaryPassword };
  });
}
