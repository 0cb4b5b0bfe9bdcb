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

export async function loadSummaryRows(options: { rootId: string; year: number; includeApproved: boolean }): Promise<SummaryOrganRow[]> {
  const { rootId, year, includeApproved } = options;
  const rows = await db().$queryRaw<Row[]>`
    WITH RECURSIVE tree AS (
      SELECT id, name, code, ARRAY[]::text[] AS path, 0 AS depth FROM "Organ" WHERE id = ${rootId}
      UNION ALL
      SELECT o.id, o.name, o.code, CASE WHEN t.depth = 0 THEN t.path ELSE t.path || t.name END, t.depth + 1
      FROM "Organ" o JOIN tree t ON o."parentId" = t.id
      WHERE t.depth < 32
    ),
    -- The order is decided on the organs alone: sorting the joined rows, tables and all, spilled
    -- megabytes to disk for a province.
    sorted AS (SELECT id, name, code, path, (row_number() OVER (ORDER BY path, name))::int AS ord FROM tree WHERE depth > 0)
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

/**
 * What the 汇总 depends on, as one short text: the organs below (names, codes, places) and each
 * one's report of the year (status, withdrawal, newest published version). Published versions
 * never change, and an approved report's text cannot (nothing is written past 提交), so this
 * changes whenever the 汇总 would. It reads no JSON: a few tens of milliseconds for a province.
 */
export async function findSummaryFingerprint(options: { rootId: string; year: number }): Promise<string> {
  const [row] = await db().$queryRaw<Array<{ fingerprint: string | null }>>`
    WITH RECURSIVE tree AS (
      SELECT id, name, code, "parentId", 0 AS depth FROM "Organ" WHERE id = ${options.rootId}
      UNION ALL
      SELECT o.id, o.name, o.code, o."parentId", t.depth + 1 FROM "Organ" o JOIN tree t ON o."parentId" = t.id WHERE t.depth < 32
    )
    SELECT md5(string_agg(
             concat_ws('|', t.id, t.name, t.code, t."parentId", r.id, r.status, r."withdrawnAt",
                       (SELECT max(p.version) FROM "Publication" p WHERE p."reportId" = r.id)),
             ',' ORDER BY t.id)) AS fingerprint
    FROM tree t LEFT JOIN "Report" r ON r."organId" = t.id AND r.year = ${options.year}`;
  return row?.fingerprint ?? "";
}

/** The supervising organ's name (the page's heading). */
export function findOrganName(organId: string) {
  return db().organ.findUnique({ where: { id: organId }, select: { name: true } });
}
