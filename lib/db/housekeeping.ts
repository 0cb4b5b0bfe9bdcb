import "server-only";
import { db } from "./client";

// Counters that anyone can make grow (a refused request, a failed sign-in with any name) are
// pruned once they can no longer matter, so that a scripted attacker cannot fill the database.
// Run from the paths that write them, at most once a minute per instance (the timestamp below is
// only a saving: pruning twice, or from every instance, is harmless).

const EVERY_MS = 60_000;
let lastRun = 0;

/** Refusal tallies older than a day; throttle rows neither locked nor counting within the last day. */
export async function pruneCounters(now = new Date()) {
  if (now.getTime() - lastRun < EVERY_MS) return;
  lastRun = now.getTime();
  const dayAgo = new Date(now.getTime() - 86_400_000);
  await db().refusalTally.deleteMany({ where: { minute: { lt: dayAgo } } });
  await db().loginThrottle.deleteMany({
    where: { AND: [{ OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] }, { OR: [{ failedLoginWindowStart: null }, { failedLoginWindowStart: { lt: dayAgo } }] }] },
  });
}
