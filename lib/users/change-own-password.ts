import "server-only";
import { appendAuditEntry } from "@/lib/audit/append-audit-entry";
import { checkPassword } from "@/lib/auth/password-policy";
import { hashPassword, verifyPassword } from "@/lib/auth/password-hash";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

/** Returns the new session version: the caller re-issues this session, and every other one ends. */
export async function changeOwnPassword(options: {
  userId: string;
  currentPassword: string;
  newPassword: string;
  clientAddress: string | null;
}): Promise<{ sessionVersion: number; displayName: string }> {
  const { userId, currentPassword, newPassword, clientAddress } = options;
  const user = await db().user.findUnique({
    where: { id: userId },
    select: { id: true, username: true, displayName: true, passwordHash: true },
  });
  if (!user) throw new AppError("UNAUTHENTICATED", "请重新登录。");
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    throw new AppError("INVALID_INPUT", "当前密码不正确。", { currentPassword: "当前密码不正确。" });
  }
  const problem = checkPassword(newPassword, user.username, getConfig().passwordPolicy);
  if (problem) throw new AppError("INVALID_INPUT", problem, { newPassword: problem });
  if (newPassword === currentPassword) {
    throw new AppError("INVALID_INPUT", "新密码不能与当前密码相同。", { newPassword: "新密码不能与当前密码相同。" });
  }
  const passwordHash = await hashPassword(newPassword);
  return db().$transaction(async (tx) => {
    const updated = await tx.user.update({
      where: { id: userId },
      data: { passwordHash, mustChangePassword: false, passwordChangedAt: new Date(), sessionVersion: { increment: 1 } },
      select: { sessionVersion: true, displayName: true },
    });
    await appendAuditEntry(tx, {
      action: "auth.password_changed", actor: { id: user.id, displayName: user.displayName },
      targetType: "user", targetId: user.id, clientAddress,
    });
    return updated;
  });
}
