import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { readJsonColumn } from "@/lib/db/json-column";
import { REPORT_STATUSES } from "@/lib/domain/report-status";
import type { TableCells } from "@/lib/report-format/sum-tables";
import type { SummaryOrganRow } from "./summary";

// The 汇总's data in one query: every organ below the supervising one (any depth), its report of
// the year, the newest published version's tables and, when asked, an approved report's tables.
// Only the three tables' cells leave the database, read from Publication.digest (a few
// kilobytes), never from the snapshot: decompressing every whole snapshot made a province's
// query take seconds. Indexes used: Organ(parentId), Report(organId, year),
// Publication(reportId, version), Section(reportId, key).

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
  published: unknown;
  approved: unknown;
};

const cellsSchema = z.object({ cells: z.record(z.string(), z.string()) });
const tablesSchema = z.object({ proactive: cellsSchema, requests: cellsSchema, appeals: cellsSchema });
const statusSchema = z.enum(REPORT_STATUSES);

function readTables(json: unknown, column: string): TableCells {
  const t = readJsonColumn(tablesSchema, json, column);
  return { 2: t.proactive.cells, 3: t.requests.cells, 4: t.appeals.cells };
}

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
           p.version, p."publishedAt", p."indexNumber", p.tables AS published, a.tables AS approved
    FROM sorted t
    LEFT JOIN "Report" r ON r."organId" = t.id AND r.year = ${year}
    LEFT JOIN LATERAL (
      SELECT version, "publishedAt", "indexNumber", digest -> 'sections' AS tables
      FROM "Publication"
      WHERE "reportId" = r.id AND r."withdrawnAt" IS NULL
      ORDER BY version DESC
      LIMIT 1
    ) p ON true
    LEFT JOIN LATERAL (
      SELECT jsonb_object_agg(s.key::text, jsonb_build_object('cells', s.content -> 'cells')) AS tables
      FROM "Section" s
      WHERE ${includeApproved}::boolean AND r.status = 'APPROVED' AND s."reportId" = r.id AND s.key IN ('proactive', 'requests', 'appeals')
      HAVING count(*) = 3
    ) a ON true`;
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
                ? { version: row.version, publishedAt: row.publishedAt, indexNumber: row.indexNumber, tables: readTables(row.published, "Publication.digest") }
                : null,
            approved: row.approved ? readTables(row.approved, "Section.content") : null,
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
