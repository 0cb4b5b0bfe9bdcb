import "server-only";
import { auditingRefusals } from "@/lib/audit/refusals";
import { appendAuditEntry } from "@/lib/audit/append-audit-entry";
import { assertOrganPermission } from "@/lib/auth/assert-permission";
import { checkPassword } from "@/lib/auth/password-policy";
import { hashPassword } from "@/lib/auth/password-hash";
import type { Actor } from "@/lib/auth/permissions";
import type { Role } from "@/lib/domain/roles";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError } from "@/lib/errors";

/** An organ admin creates an account in their organ; the first password must be changed at first login. */
export async function createUser(options: {
  actor: Actor;
  organId: string;
  username: string;
  displayName: string;
  email?: string | null;
  password: string;
  roles: Role[];
  clientAddress: string | null;
}) {
  return auditingRefusals("user.create", options, async () => {
    const { actor, organId, username, displayName, password, roles, clientAddress, email = null } = options;
    await assertOrganPermission(actor, "organ.manageUsers", organId);
    const problem = checkPassword(password, username, getConfig().passwordPolicy);
    if (problem) throw new AppError("INVALID_INPUT", problem, { password: problem });
    const passwordHash = await hashPassword(password);
    try {
      return await db().$transaction(async (tx) => {
        const user = await tx.user.create({
          data: {
            username,
            displayName,
            email,
            passwordHash,
            mustChangePassword: true,
            memberships: { create: roles.map((role) => ({ organId, role })) },
          },
          select: { id: true, username: true },
        });
        const base = { actor, targetType: "user", targetId: user.id, organId, clientAddress };
        await appendAuditEntry(tx, { ...base, action: "user.created", details: { username, displayName } });
        for (const role of roles) await appendAuditEntry(tx, { ...base, action: "role.assigned", details: { username, role } });
        return user;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError("INVALID_INPUT", "该用户名已被使用。", { username: "该用户名已被使用。" });
      throw error;
    }
  });
}
