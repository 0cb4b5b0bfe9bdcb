import "server-only";
import { AppError } from "@/lib/errors";
import { findOrganScope } from "./organ-scope";
import { can, type Action, type Actor, type OrganScope } from "./permissions";

/** For use cases: the organ's scope when the actor may act on it; otherwise a refusal that reveals nothing. */
export async function assertOrganPermission(actor: Actor, action: Action, organId: string): Promise<OrganScope> {
  const scope = await findOrganScope(organId);
  if (!scope || !can(actor, action, scope)) throw new AppError("NOT_FOUND", "机关不存在，或您无权进行此操作。");
  return scope;
}

export function assertPlatformPermission(actor: Actor, action: Action) {
  if (!can(actor, action)) throw new AppError("FORBIDDEN", "您无权进行此操作。");
}
