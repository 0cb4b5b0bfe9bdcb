import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { publicationFiguresColumns, readStoredFigures, sectionFiguresJoins } from "@/lib/db/table-figures";
import { REPORT_STATUSES } from "@/lib/domain/report-status";
import type { SummaryOrganRow } from "./summary";

// The 汇总's data in one query: every organ below the supervising one (any depth), its report of
// the year, the newest published version's values and, when asked, an approved report's values.
// Values leave the database as one short line of integers per report (the tableValues columns,
// lib/db/table-figures.ts); only a report holding a value that is not plain digits sends its
// cells' JSON (from Publication.digest, never the whole snapshot), to be read by the editor's own
// parser. Shipping every report's cells as JSON made a province's 汇总 take about a second. Indexes used:
// Organ(parentId), Report(organId, year), Publication(reportId, version), Section(reportId, key).

type Row = {
  id: string;
  name: string;
  code: string;
  path: string[];
  ord: number;
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

/** Every organ below the root with its path (the organs between, top first), numbered in the 汇总's order: by path, then name. */
const sortedBelow = (rootId: string) => Prisma.sql`tree AS (
      SELECT id, name, code, ARRAY[]::text[] AS path, 0 AS depth FROM "Organ" WHERE id = ${rootId}
      UNION ALL
      SELECT o.id, o.name, o.code, CASE WHEN t.depth = 0 THEN t.path ELSE t.path || t.name END, t.depth + 1
      FROM "Organ" o JOIN tree t ON o."parentId" = t.id
      WHERE t.depth < 32
    ),
    -- The order is decided on the organs alone: sorting the joined rows, tables and all, spilled
    -- megabytes to disk for a province.
    sorted AS (SELECT id, name, code, path, (row_number() OVER (ORDER BY path, name))::int AS ord FROM tree WHERE depth > 0)`;

/** Every organ below `rootId` in the 汇总's order, without reports (after a change of the tree, when the reports are kept). */
export async function loadSummaryOrgans(rootId: string): Promise<Array<Omit<SummaryOrganRow, "report">>> {
  const rows = await db().$queryRaw<Array<Pick<Row, "id" | "name" | "code" | "path">>>`WITH RECURSIVE ${sortedBelow(rootId)} SELECT id, name, code, path FROM sorted ORDER BY ord`;
  return rows.map((row) => ({ organId: row.id, name: row.name, code: row.code, path: row.path }));
}

/**
 * Every organ below `rootId` in the 汇总's order, with its report of the year; or only the organs
 * named (`organs`), whose place the caller already has (their `path` is then empty).
 */
export async function loadSummaryRows(options: { rootId: string; year: number; includeApproved: boolean; organs?: string[] }): Promise<SummaryOrganRow[]> {
  const { rootId, year, includeApproved, organs } = options;
  if (organs?.length === 0) return [];
  const sorted = organs ? Prisma.sql`sorted AS (SELECT id, name, code, ARRAY[]::text[] AS path, 0 AS ord FROM "Organ" WHERE id = ANY(${organs}::text[]))` : sortedBelow(rootId);
  const rows = await db().$queryRaw<Row[]>`
    WITH RECURSIVE ${sorted}
    SELECT t.id, t.name, t.code, t.path, t.ord,
           r.id AS "reportId", r.status::text AS status, r."withdrawnAt" IS NOT NULL AS withdrawn,
           p.version, p."publishedAt", p."indexNumber", p.values, p.tables,
           section_values.values AS "approvedValues", section_cells.tables AS "approvedTables"
    FROM sorted t
    LEFT JOIN "Report" r ON r."organId" = t.id AND r.year = ${year}
    LEFT JOIN LATERAL (
      SELECT version, "publishedAt", "indexNumber", ${publicationFiguresColumns("Publication")}
      FROM "Publication"
      WHERE "reportId" = r.id AND r."withdrawnAt" IS NULL
      ORDER BY version DESC
      LIMIT 1
    ) p ON true
    ${sectionFiguresJoins("r", Prisma.sql`${includeApproved}::boolean AND r.status = 'APPROVED'`)}`;
  rows.sort((a, b) => a.ord - b.ord);
  return rows.map((row) => ({
    organId: row.id,
    name: row.name,
    code: row.code,
    path: row.path,
    report:
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
  }));
}

/** The supervising organ's name (the page's heading). */
export function findOrganName(organId: string) {
  return db().organ.findUnique({ where: { id: organId }, select: { name: true } });
}
