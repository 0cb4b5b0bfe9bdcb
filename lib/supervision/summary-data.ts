import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { publicationFiguresColumns, readStoredFigures, sectionFiguresJoins } from "@/lib/db/table-figures";
import { REPORT_STATUSES } from "@/lib/domain/report-status";
import type { SummaryOrganRow } from "./summary";

// The 汇总's data in one query: the organs' reports of the year, the newest published version's
// values and, when asked, an approved report's values.
// Values leave the database as one short line of integers per report (the tableValues columns,
// lib/db/table-figures.ts); only a report holding a value that is not plain digits sends its
// cells' JSON (from Publication.digest, never the whole snapshot), to be read by the editor's own
// parser. Shipping every report's cells as JSON made a province's 汇总 take about a second. Indexes used:
// Organ(id), Report(organId, year), Publication(reportId, version), Section(reportId, key).

type Row = {
  id: string;
  reportId: string | null;
  status: string | null;
  withdrawn: boolean | null;
  version: number | null;
  publishedAt: Date | null;
  indexNumber: string | null;
  values: string | null;
  tables: unknown;
  approvedValues: string | null;
  approvedTables: unknown;
};

const statusSchema = z.enum(REPORT_STATUSES);

/**
 * The report of `year` of each organ named, as the 汇总 needs it (null: no report for the year);
 * an organ deleted meanwhile is left out. The organs and their places come from the dashboard's
 * kept reading (organ-progress.ts: organsInOrder).
 */
export async function loadSummaryReports(options: { year: number; includeApproved: boolean; organs: string[] }): Promise<Map<string, SummaryOrganRow["report"]>> {
  const { year, includeApproved, organs } = options;
  if (organs.length === 0) return new Map();
  const rows = await db().$queryRaw<Row[]>`
    SELECT o.id,
           r.id AS "reportId", r.status::text AS status, r."withdrawnAt" IS NOT NULL AS withdrawn,
           p.version, p."publishedAt", p."indexNumber", p.values, p.tables,
           section_values.values AS "approvedValues", section_cells.tables AS "approvedTables"
    FROM "Organ" o
    LEFT JOIN "Report" r ON r."organId" = o.id AND r.year = ${year}
    LEFT JOIN LATERAL (
      SELECT version, "publishedAt", "indexNumber", ${publicationFiguresColumns("Publication")}
      FROM "Publication"
      WHERE "reportId" = r.id AND r."withdrawnAt" IS NULL
      ORDER BY version DESC
      LIMIT 1
    ) p ON true
    ${sectionFiguresJoins("r", Prisma.sql`${includeApproved}::boolean AND r.status = 'APPROVED'`)}
    WHERE o.id = ANY(${organs}::text[])`;
  return new Map(
    rows.map((row) => [
      row.id,
      row.reportId === null
        ? null
        : {
            status: statusSchema.parse(row.status),
            withdrawn: row.withdrawn === true,
            published:
              row.version !== null && row.publishedAt && row.indexNumber
                ? { version: row.version, publishedAt: row.publishedAt, indexNumber: row.indexNumber, figures: readStoredFigures(row, "Publication.digest") }
                : null,
            approved: row.approvedValues === null ? null : readStoredFigures({ values: row.approvedValues, tables: row.approvedTables }, "Section.content"),
          },
    ]),
  );
}

/** The supervising organ's name (the page's heading). */
export function findOrganName(organId: string) {
  return db().organ.findUnique({ where: { id: organId }, select: { name: true } });
}
