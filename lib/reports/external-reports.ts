import "server-only";
import { cache } from "react";
import { db } from "@/lib/db/client";
import { readJsonColumn } from "@/lib/db/json-column";
import { storedSectionsSchema, type ReportSections } from "@/lib/report-format/content";

/** An 外部导入 report's sections as stored. */
export const readExternalSections = (json: unknown): ReportSections => readJsonColumn(storedSectionsSchema, json, "ExternalReport.sections");

/** The organ's 外部导入 report of a year, as sections; null when there is none. */
export const findExternalSections = cache(async (organId: string, year: number): Promise<ReportSections | null> => {
  const row = await db().externalReport.findUnique({ where: { organId_year: { organId, year } }, select: { sections: true } });
  return row ? readExternalSections(row.sections) : null;
});

export function listExternalReports(organId: string) {
  return db().externalReport.findMany({
    where: { organId },
    orderBy: { year: "desc" },
    select: { id: true, year: true, title: true, source: true, sourceUrl: true, indexNumber: true, issuedOn: true, version: true, createdByName: true, updatedAt: true },
  });
}

export async function findExternalReport(organId: string, year: number) {
  const row = await db().externalReport.findUnique({ where: { organId_year: { organId, year } } });
  return row && { ...row, sections: readExternalSections(row.sections) };
}
