import "server-only";
import { db } from "@/lib/db/client";
import type { AuditFilter } from "./audit-filter";

/** China's midnight of a date, as an instant. */
const shanghaiDay = (day: string, plusDays = 0) => new Date(Date.parse(`${day}T00:00:00+08:00`) + plusDays * 86_400_000);

/** An organ's audit entries, newest first, filtered. */
export function findAuditEntries(organId: string, filter: AuditFilter, limit: number) {
  return db().auditEntry.findMany({
    where: {
      organId,
      ...(filter.action ? { action: filter.action } : {}),
      ...(filter.actor ? { actorName: { contains: filter.actor } } : {}),
      ...(filter.report ? { targetId: filter.report } : {}),
      ...(filter.from || filter.to
        ? { createdAt: { ...(filter.from ? { gte: shanghaiDay(filter.from) } : {}), ...(filter.to ? { lt: shanghaiDay(filter.to, 1) } : {}) } }
        : {}),
    },
    orderBy: { id: "desc" },
    take: limit,
    select: { id: true, createdAt: true, actorName: true, action: true, targetType: true, targetId: true, details: true, clientAddress: true, contentHash: true, hash: true },
  });
}
