// The audit log's hash chain. Each entry's hash covers its own fields and the
// previous entry's hash, so editing or deleting a row breaks every later link.
import { createHash } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

export type HashedAuditFields = {
  createdAt: Date;
  actorId: string | null;
  actorName: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  organId: string | null;
  clientAddress: string | null;
  details: unknown;
  contentHash: string | null;
};

/** JSON with object keys sorted, so the same value always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/** Hashes exactly the fields above (a stored row also has id and hash, which must not count). */
export function computeAuditHash(prevHash: string, f: HashedAuditFields): string {
  const payload = canonicalJson({
    createdAt: f.createdAt.toISOString(),
    actorId: f.actorId,
    actorName: f.actorName,
    action: f.action,
    targetType: f.targetType,
    targetId: f.targetId,
    organId: f.organId,
    clientAddress: f.clientAddress,
    details: f.details,
    contentHash: f.contentHash,
    prevHash,
  });
  return createHash("sha256").update(payload).digest("hex");
}

export type ChainedEntry = HashedAuditFields & { id: bigint | number | string; prevHash: string; hash: string };

/** The id of the first entry whose link is broken, or null when the whole chain holds. */
export function findFirstBrokenEntry(entries: Iterable<ChainedEntry>, startHash = GENESIS_HASH): ChainedEntry | null {
  let expectedPrev = startHash;
  for (const entry of entries) {
    if (entry.prevHash !== expectedPrev || computeAuditHash(entry.prevHash, entry) !== entry.hash) return entry;
    expectedPrev = entry.hash;
  }
  return null;
}
