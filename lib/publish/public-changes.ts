// Publishing, correcting and withdrawing change what the public site shows; every instance
// serving the same database must hear of it (each keeps its own page cache). The change is
// announced with PostgreSQL's NOTIFY inside the transaction that makes it, so it reaches
// every listening instance when, and only if, that transaction commits. Plain Node: the
// front server (scripts/server.ts) listens, the use cases announce.
import type { Tx } from "@/lib/db/client";

export const PUBLIC_CHANGES_CHANNEL = "nianbao_public_changes";

/** One organ's year (a publication, a correction, a withdrawal), or everything. */
export type PublicChange = { organCode: string; year: number } | { all: true };

export async function announcePublicChange(tx: Tx, change: PublicChange) {
  await tx.$executeRaw`SELECT pg_notify(${PUBLIC_CHANGES_CHANNEL}, ${JSON.stringify(change)})`;
}

/** A notification's payload; anything unexpected is taken as "everything changed". */
export function readPublicChange(payload: string): PublicChange {
  try {
    const value = JSON.parse(payload) as { organCode?: unknown; year?: unknown };
    if (typeof value.organCode === "string" && Number.isInteger(value.year)) return { organCode: value.organCode, year: value.year as number };
  } catch {
    /* fall through */
  }
  return { all: true };
}
