import "server-only";
import { db } from "@/lib/db/client";
import type { AuditFilter } from "./audit-filter";

/** China's midnight of a date, as an instant. */
const shanghaiDay = (day: string, plusDays = 0) => new Date(Date.parse(`${day}T00:00:00+08:00`) + plusDays * 86_400_000);

/**
 * An organ's audit entries, newest first, filtered: what happened in the organ, and
 * what happened to its people's accounts (logins, lockouts, password resets carry
 * no organ of their own).
 */
export async function findAuditEntries(organId: string, filter: AuditFilter, limit: number) {
  const members = await db().membership.findMany({ where: { organId }, select: { userId: true }, distinct: ["userId"] });
  return db().auditEntry.findMany({
    where: {
      OR: [{ organId }, { organId: null, targetType: "user", targetId: { in: members.map((m) => m.userId) } }],
      ...(filter.action ? { action: filter.action } : {}),
      ...(filter.actor ? { actorName: { contains: filter.actor } } : {}),
      ...(filter.report ? { targetId: filter.report } : {}),
      ...(filter.from || filter.to ? { createdAt: { ...(filter.from ? { gte: shanghaiDay(filter.from) } : {}), ...(filter.to ? { lt: shanghaiDay(filter.to, 1) } : {}) } } : {}),
    },
    orderBy: { id: "desc" },
    take: limit,
    select: { id: true, createdAt: true, actorName: true, action: true, targetType: true, targetId: true, details: true, clientAddress: true, contentHash: true, hash: true },
  });
}
