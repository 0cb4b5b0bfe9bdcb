import "server-only";
import { getConfig } from "@/lib/config";
import { db, type Tx } from "@/lib/db/client";

// Server-side sessions (the Session table). The cookie only carries the session's id inside
// next-auth's signed token; whether the session still holds is decided here, on every request,
// so it holds across app instances and against a copied cookie.

export type SessionEndReason = "signout" | "idle" | "max_age" | "password_changed" | "password_reset" | "disabled" | "ended_by_user";

/** A request's lastSeenAt is written at most this often (one write a minute per session, not one per request). */
const TOUCH_EVERY_MS = 60_000;

export async function startSession(options: { userId: string; clientAddress: string | null; userAgent: string | null }) {
  const session = await db().session.create({
    data: { userId: options.userId, clientAddress: options.clientAddress, userAgent: options.userAgent?.slice(0, 300) ?? null },
    select: { id: true },
  });
  return session.id;
}

/**
 * The session when it is live: not ended, seen within the idle timeout (counted here from
 * lastSeenAt, whatever the cookie's lifetime) and younger than SESSION_MAX_HOURS (counted from
 * createdAt: next-auth renews the cookie's own expiry, so the cookie cannot be the limit). A request that is the person's activity moves
 * lastSeenAt on; an open editor's presence ping does not (`countsAsActivity: false`).
 */
export async function findLiveSession(options: { sessionId: string; userId: string; countsAsActivity: boolean; now?: Date }) {
  const now = options.now ?? new Date();
  const session = await db().session.findUnique({ where: { id: options.sessionId }, select: { id: true, userId: true, createdAt: true, lastSeenAt: true, endedAt: true } });
  if (!session || session.userId !== options.userId || session.endedAt) return null;
  const { sessionIdleMinutes, sessionMaxHours } = getConfig();
  const ended: SessionEndReason | null =
    now.getTime() - session.createdAt.getTime() > sessionMaxHours * 3_600_000
      ? "max_age"
      : now.getTime() - session.lastSeenAt.getTime() > sessionIdleMinutes * 60_000
        ? "idle"
        : null;
  if (ended) {
    await db().session.updateMany({ where: { id: session.id, endedAt: null }, data: { endedAt: now, endReason: ended } });
    return null;
  }
  if (options.countsAsActivity && now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db().session.updateMany({ where: { id: session.id, endedAt: null }, data: { lastSeenAt: now } });
  }
  return session;
}

/** Ends sessions of a person (all of them, or all but the one in use), inside the caller's transaction. */
export async function endSessions(tx: Tx, options: { userId: string; except?: string; only?: string; reason: SessionEndReason }) {
  const ended = await tx.session.updateMany({
    where: {
      userId: options.userId,
      endedAt: null,
      ...(options.except ? { id: { not: options.except } } : {}),
      ...(options.only ? { id: options.only } : {}),
    },
    data: { endedAt: new Date(), endReason: options.reason },
  });
  return ended.count;
}

/** A person's live sessions, newest first (for 账号安全). */
export async function listLiveSessions(userId: string) {
  const idleBefore = new Date(Date.now() - getConfig().sessionIdleMinutes * 60_000);
  const startedAfter = new Date(Date.now() - getConfig().sessionMaxHours * 3_600_000);
  return db().session.findMany({
    where: { userId, endedAt: null, lastSeenAt: { gt: idleBefore }, createdAt: { gt: startedAfter } },
    orderBy: { lastSeenAt: "desc" },
    select: { id: true, createdAt: true, lastSeenAt: true, clientAddress: true, userAgent: true },
  });
}
