import "server-only";
import { cache } from "react";
import { db, type Tx } from "@/lib/db/client";
import { chinaDateOf } from "@/lib/domain/publication-metadata";
import type { AppPrismaClient } from "@/lib/db/create-client";
import { readSnapshotSections } from "./snapshot";

/** A report's published versions (newest first) and its withdrawal, for the staff report page. */
export const getPublicationHistory = cache(async (reportId: string) => {
  const [rows, report] = await Promise.all([
    db().publication.findMany({
      where: { reportId },
      orderBy: { version: "desc" },
      select: { version: true, indexNumber: true, publishedAt: true, correctionNote: true, issuedOn: true, documentNumber: true },
    }),
    db().report.findUniqueOrThrow({ where: { id: reportId }, select: { withdrawnAt: true, withdrawReason: true } }),
  ]);
  // 发文日期 as the calendar day it is (a DATE column reads as midnight UTC); before it could be chosen, the day of publication.
  const versions = rows.map((r) => ({ ...r, issuedOn: r.issuedOn ? r.issuedOn.toISOString().slice(0, 10) : chinaDateOf(r.publishedAt) }));
  return { versions, withdrawnAt: report.withdrawnAt, withdrawReason: report.withdrawReason };
});

/** The newest published version's sections, which a correction is compared with (also inside the publishing transaction). */
export async function getLastPublishedSections(reportId: string, client: Tx | AppPrismaClient = db()) {
  const last = await client.publication.findFirst({ where: { reportId }, orderBy: { version: "desc" }, select: { version: true, snapshot: true } });
  return last ? { version: last.version, sections: readSnapshotSections(last.snapshot) } : null;
}
