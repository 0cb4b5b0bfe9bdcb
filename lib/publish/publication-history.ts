import "server-only";
import { db } from "@/lib/db/client";

/** A report's published versions (newest first) and its withdrawal, for the staff report page. */
export async function getPublicationHistory(reportId: string) {
  const [versions, report] = await Promise.all([
    db().publication.findMany({
      where: { reportId },
      orderBy: { version: "desc" },
      select: { version: true, indexNumber: true, publishedAt: true, correctionNote: true },
    }),
    db().report.findUniqueOrThrow({ where: { id: reportId }, select: { withdrawnAt: true, withdrawReason: true } }),
  ]);
  return { versions, withdrawnAt: report.withdrawnAt, withdrawReason: report.withdrawReason };
}
