import "server-only";
import { db } from "@/lib/db/client";
import type { Actor } from "./permissions";

export type SessionActor = Actor & { username: string; mustChangePassword: boolean };

/**
 * The person behind a session, re-read from the database on every request so that
 * a disabled account, a reset password or a removed role takes effect at once.
 */
export async function loadActor(userId: string, sessionVersion: number): Promise<SessionActor | null> {
  const user = await db().user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      username: true,
      displayName: true,
      isPlatformAdmin: true,
      disabledAt: true,
      mustChangePassword: true,
      sessionVersion: true,
      memberships: { select: { organId: true, role: true } },
    },
  });
  if (!user || user.disabledAt || user.sessionVersion !== sessionVersion) return null;
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    isPlatformAdmin: user.isPlatformAdmin,
    mustChangePassword: user.mustChangePassword,
    memberships: user.memberships,
  };
}
