import "server-only";
import { computeAuditHash, GENESIS_HASH } from "./hash";
import type { AuditAction } from "./actions";
import type { Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";

// Fixed key of the advisory lock that serialises appends, so that two
// transactions never chain onto the same previous entry.
const AUDIT_CHAIN_LOCK = 72_707_370;

export type AuditInput = {
  action: AuditAction;
  actor: { id: string; displayName: string } | null;
  /** For events without an actor (e.g. a failed login), who it concerns. */
  actorNameFallback?: string;
  targetType?: string;
  targetId?: string;
  organId?: string | null;
  clientAddress: string | null;
  details?: Record<string, unknown>;
  contentHash?: string;
};

/** Appends one entry inside the caller's transaction: it commits or rolls back with the change it records. */
export async function appendAuditEntry(tx: Tx, input: AuditInput) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`;
  const last = await tx.auditEntry.findFirst({ orderBy: { id: "desc" }, select: { hash: true } });
  const prevHash = last?.hash ?? GENESIS_HASH;
  const fields = {
    createdAt: new Date(),
    actorId: input.actor?.id ?? null,
    actorName: input.actor?.displayName ?? input.actorNameFallback ?? null,
    action: input.action,
    targetType: input.targetType ?? null,
    targetId: input.targetId ?? null,
    organId: input.organId ?? null,
    clientAddress: input.clientAddress,
    details: input.details ?? {},
    contentHash: input.contentHash ?? null,
  };
  const hash = computeAuditHash(prevHash, fields);
  await tx.auditEntry.create({ data: { ...fields, details: fields.details as Prisma.InputJsonObject, prevHash, hash } });
}
