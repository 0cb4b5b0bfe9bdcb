import "server-only";
import { auditingRefusals } from "@/lib/audit/refusals";
import { appendAuditEntry } from "@/lib/audit/append-audit-entry";
import { assertOrganPermission } from "@/lib/auth/assert-permission";
import type { Actor } from "@/lib/auth/permissions";
import type { Role } from "@/lib/domain/roles";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { findManageableAccountOrThrow } from "./account-scope";

type RoleChange = { actor: Actor; organId: string; userId: string; role: Role; clientAddress: string | null };

async function findUserOrThrow(userId: string) {
  const user = await db().user.findUnique({ where: { id: userId }, select: { id: true, username: true } });
  if (!user) throw new AppError("NOT_FOUND", "用户不存在。");
  return user;
}

/**
 * Attaches a role in the organ. The person must be one the actor manages (every organ they
 * belong to within the actor's administration): otherwise a role from another organ would
 * take them out of their own admin's hands (canManageAccount requires all their organs).
 */
export async function assignRole(change: RoleChange) {
  return auditingRefusals("role.assign", change, async () => {
    const { actor, organId, userId, role, clientAddress } = change;
    await assertOrganPermission(actor, "organ.manageUsers", organId);
    const user = await findManageableAccountOrThrow(actor, userId);
    await db().$transaction(async (tx) => {
      const created = await tx.membership.createMany({ data: [{ userId, organId, role }], skipDuplicates: true });
      if (created.count === 0) return; // already held: nothing changed, nothing to log
      await appendAuditEntry(tx, {
        action: "role.assigned",
        actor,
        targetType: "user",
        targetId: userId,
        organId,
        clientAddress,
        details: { username: user.username, role },
      });
    });
  });
}

export async function removeRole(change: RoleChange) {
  return auditingRefusals("role.remove", change, async () => {
    const { actor, organId, userId, role, clientAddress } = change;
    await assertOrganPermission(actor, "organ.manageUsers", organId);
    if (userId === actor.id && role === "ORGAN_ADMIN" && !actor.isPlatformAdmin) {
      throw new AppError("INVALID_INPUT", "不能移除自己的管理员角色，请由其他管理员操作。");
    }
    const user = await findUserOrThrow(userId);
    await db().$transaction(async (tx) => {
      const removed = await tx.membership.deleteMany({ where: { userId, organId, role } });
      if (removed.count === 0) return;
      await appendAuditEntry(tx, {
        action: "role.removed",
        actor,
        targetType: "user",
        targetId: userId,
        organId,
        clientAddress,
        details: { username: user.username, role },
      });
    });
  });
}
