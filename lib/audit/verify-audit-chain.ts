// Recomputes the audit log's hash chain from the first entry to the last.
import type { AppPrismaClient } from "@/lib/db/create-client";
import { findFirstBrokenEntry, GENESIS_HASH } from "./hash";

const BATCH = 2_000;

export type AuditChainReport = { checked: number; firstBroken: { id: bigint; createdAt: Date; action: string } | null };

export async function verifyAuditChain(prisma: AppPrismaClient): Promise<AuditChainReport> {
  let checked = 0;
  let prevHash = GENESIS_HASH;
  let afterId: bigint | undefined;
  for (;;) {
    const batch = await prisma.auditEntry.findMany({
      where: afterId === undefined ? {} : { id: { gt: afterId } },
      orderBy: { id: "asc" },
      take: BATCH,
    });
    if (batch.length === 0) return { checked, firstBroken: null };
    const broken = findFirstBrokenEntry(batch, prevHash);
    if (broken) {
      return { checked: checked + batch.indexOf(broken as (typeof batch)[number]), firstBroken: { id: BigInt(broken.id), createdAt: broken.createdAt, action: broken.action } };
    }
    checked += batch.length;
    prevHash = batch[batch.length - 1]!.hash;
    afterId = batch[batch.length - 1]!.id;
  }
}
