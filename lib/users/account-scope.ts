import "server-only";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { canManageAccount, type Actor } from "@/lib/auth/permissions";
import { findOrganScope } from "@/lib/auth/organ-scope";

/** Loads an account the actor may manage, or refuses without saying whether it exists. */
export async function findManageableAccountOrThrow(actor: Actor, userId: string) {
  const user = await db().user.findUnique({
    where: { id: userId },
    select: { id: true, username: true, displayName: true, isPlatformAdmin: true, memberships: { select: { organId: true } } },
  });
  if (!user) throw new AppError("NOT_FOUND", "用户不存在，或您无权管理该用户。");
  const organIds = [...new Set(user.memberships.map((m) => m.organId))];
  const scopes = (await Promise.all(organIds.map(findOrganScope))).filter((s) => s !== null);
  if (!canManageAccount(actor, { isPlatformAdmin: user.isPlatformAdmin, organScopes: scopes })) {
    throw new AppError("NOT_FOUND", "用户不存在，或您无权管理该用户。");
  }
  return user;
}
