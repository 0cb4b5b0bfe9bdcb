import "server-only";
import { db } from "@/lib/db/client";
import { refreshCheckCounts } from "@/lib/reports/report-checks";

/** At most this many reports' checks are run in one request; the rest show "—" until their next save or the next look. */
const AT_MOST = 100;

/**
 * The check counts of reports written before the counts were kept (each write keeps them since):
 * computed now and stored, a bounded number per request.
 */
export async function refreshCheckCountsNow(reportIds: string[]): Promise<Map<string, { errors: number; warnings: number }>> {
  const counts = new Map<string, { errors: number; warnings: number }>();
  for (const id of reportIds.slice(0, AT_MOST)) {
    const stored = await db().$transaction(async (tx) => {
      if (!(await tx.report.findUnique({ where: { id }, select: { id: true } }))) return null;
      await refreshCheckCounts(tx, id);
      return tx.report.findUniqueOrThrow({ where: { id }, select: { checkErrors: true, checkWarnings: true } });
    });
    if (stored) counts.set(id, { errors: stored.checkErrors ?? 0, warnings: stored.checkWarnings ?? 0 });
  }
  return counts;
}
