import "server-only";
import { getConfig } from "@/lib/config";
import type { Tx } from "@/lib/db/client";
import { CLEARED_LOCKOUT, isLocked, recordFailure, type LockoutPolicy, type LockoutState } from "./lockout";

// Failed password checks (sign-in, and confirming one's password to change it) counted per login
// name — whether or not such an account exists, so that locking tells an attacker nothing — and
// per client address, so that one machine cannot try name after name. State in PostgreSQL: it
// holds across app instances.

export type ThrottleKeys = { name: string; address: string | null };
const keysOf = (keys: ThrottleKeys) => [`name:${keys.name}`, ...(keys.address ? [`address:${addressKey(keys.address)}`] : [])];

/**
 * The unit an address is counted in: an IPv4 address itself, an IPv6 address by its /64 network
 * (one subscriber usually holds a whole /64, and could otherwise try from a new address each time).
 */
export function addressKey(address: string): string {
  const plain = address
    .replace(/^\[|\]$/g, "")
    .split("%")[0]!
    .toLowerCase();
  if (!plain.includes(":")) return plain;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(plain);
  if (mapped) return mapped[1]!;
  const [head = "", tail = ""] = plain.split("::");
  const headGroups = head ? head.split(":") : [];
  const tailGroups = tail ? tail.split(":") : [];
  const groups = plain.includes("::") ? [...headGroups, ...Array<string>(Math.max(0, 8 - headGroups.length - tailGroups.length)).fill("0"), ...tailGroups] : headGroups;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+/, "") || "0")
    .join(":")}::/64`;
}

function policies(): { name: LockoutPolicy; address: LockoutPolicy } {
  const config = getConfig();
  return { name: config.lockout, address: { ...config.lockout, maxFailures: config.addressMaxFailures } };
}

/** Reads (and row-locks, for the rest of the transaction) the throttle state of a name and an address. */
async function lockStates(tx: Tx, keys: ThrottleKeys): Promise<Map<string, LockoutState>> {
  const all = keysOf(keys);
  await tx.$executeRaw`INSERT INTO "LoginThrottle" (key) SELECT unnest(${all}::text[]) ON CONFLICT (key) DO NOTHING`;
  const rows = await tx.$queryRaw<Array<LockoutState & { key: string }>>`
    SELECT key, "failedLoginCount", "failedLoginWindowStart", "lockedUntil" FROM "LoginThrottle" WHERE key = ANY(${all}::text[]) ORDER BY key FOR UPDATE`;
  return new Map(rows.map(({ key, ...state }) => [key, state]));
}

/** Whether the name or the address is locked now. */
export async function throttled(tx: Tx, keys: ThrottleKeys, now: Date): Promise<"name" | "address" | null> {
  const states = await lockStates(tx, keys);
  if (isLocked(states.get(`name:${keys.name}`) ?? CLEARED_LOCKOUT, now)) return "name";
  if (keys.address && isLocked(states.get(`address:${addressKey(keys.address)}`) ?? CLEARED_LOCKOUT, now)) return "address";
  return null;
}

/** Counts one failure against the name and the address; says which of them it locked. */
export async function recordPasswordFailure(tx: Tx, keys: ThrottleKeys, now: Date) {
  const states = await lockStates(tx, keys);
  const policy = policies();
  const locked: Array<{ scope: "name" | "address"; until: Date | null; maxFailures: number }> = [];
  for (const key of keysOf(keys)) {
    const scope = key.startsWith("name:") ? "name" : "address";
    const next = recordFailure(states.get(key) ?? CLEARED_LOCKOUT, now, policy[scope]);
    await tx.loginThrottle.update({ where: { key }, data: next.state });
    if (next.lockedNow) locked.push({ scope, until: next.state.lockedUntil, maxFailures: policy[scope].maxFailures });
  }
  return locked;
}

/** A correct password clears the name's count (not the address's: it decays with its window). */
export async function clearNameThrottle(tx: Tx, name: string) {
  await tx.loginThrottle.deleteMany({ where: { key: `name:${name}` } });
}

/** Login names locked now, among these (for the admin's list of people). */
export async function lockedNames(tx: Pick<Tx, "loginThrottle">, names: string[], now = new Date()): Promise<Set<string>> {
  const rows = await tx.loginThrottle.findMany({ where: { key: { in: names.map((n) => `name:${n}`) }, lockedUntil: { gt: now } }, select: { key: true } });
  return new Set(rows.map((r) => r.key.slice("name:".length)));
}
