import "server-only";
import { db } from "@/lib/db/client";
import type { Actor } from "./permissions";
import { findLiveSession } from "./sessions";

export type SessionActor = Actor & { username: string; mustChangePassword: boolean; sessionId: string };

/**
 * The person behind a session, re-read from the database on every request so that an ended
 * session, a disabled account or a removed role takes effect at once.
 */
export async function loadActor(options: { userId: string; sessionId: string; countsAsActivity: boolean }): Promise<SessionActor | null> {
  const session = await findLiveSession(options);
  if (!session) return null;
  const user = await db().user.findUnique({
    where: { id: options.userId },
    select: {
      id: true,
      username: true,
      displayName: true,
      isPlatformAdmin: true,
      disabledAt: true,
      mustChangePassword: true,
      memberships: { select: { organId: true, role: true } },
    },
  });
  if (!user || user.disabledAt) return null;
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    isPlatformAdmin: user.isPlatformAdmin,
    mustChangePassword: user.mustChangePassword,
    memberships: user.memberships,
    sessionId: session.id,
  };
}
