// A report's tables 2–4 as the 汇总 and the open data read them: the integers PostgreSQL keeps in
// the tableValues columns (Publication's, and each table Section's; one short line per report),
// and the cells' JSON only for a report with a value that is not plain digits, which the
// editor's own parser then reads (migration 20261204000000_table_values says why).
import { z } from "zod";
import { Prisma } from "@/lib/db/generated/client";
import { readJsonColumn } from "@/lib/db/json-column";
import { readStoredValues, STORED_VALUE_CELLS, type ReportFigures, type TableCells } from "@/lib/report-format/sum-tables";

const cellsSchema = z.object({ cells: z.record(z.string(), z.string()) });
const tablesSchema = z.object({ proactive: cellsSchema, requests: cellsSchema, appeals: cellsSchema });

function readTables(json: unknown, column: string): TableCells {
  const t = readJsonColumn(tablesSchema, json, column);
  return { 2: t.proactive.cells, 3: t.requests.cells, 4: t.appeals.cells };
}

/** The select list for a publication row `alias`: "values" (the stored integers as text) and "tables" (the cells, only when needed). */
export function publicationFiguresColumns(alias: string) {
  const p = Prisma.raw(`"${alias}"`);
  return Prisma.sql`array_to_string(${p}."tableValues", ',', '') AS values,
    CASE WHEN cardinality(${p}."tableValues") <> ${STORED_VALUE_CELLS.length} OR array_position(${p}."tableValues", NULL) IS NOT NULL
         THEN ${p}.digest -> 'sections' END AS tables`;
}

/**
 * Two lateral joins giving a report's current tables (its three table sections) as "values" and,
 * only when needed, "tables", for the report row `reportAlias` when `when` holds (SQL).
 */
export function sectionFiguresJoins(reportAlias: string, when: Prisma.Sql) {
  const r = Prisma.raw(`"${reportAlias}"`);
  return Prisma.sql`
    LEFT JOIN LATERAL (
      SELECT string_agg(array_to_string(s."tableValues", ',', ''), ',' ORDER BY s.key) AS values,
             bool_or(array_position(s."tableValues", NULL) IS NOT NULL) OR sum(cardinality(s."tableValues")) <> ${STORED_VALUE_CELLS.length} AS odd
      FROM "Section" s
      WHERE ${when} AND s."reportId" = ${r}.id AND s.key IN ('proactive', 'requests', 'appeals')
      HAVING count(*) = 3
    ) section_values ON true
    LEFT JOIN LATERAL (
      SELECT jsonb_object_agg(s.key::text, jsonb_build_object('cells', s.content -> 'cells')) AS tables
      FROM "Section" s
      WHERE section_values.odd AND s."reportId" = ${r}.id AND s.key IN ('proactive', 'requests', 'appeals')
    ) section_cells ON true`;
}

/** The figures of a row selected with publicationFiguresColumns or sectionFiguresJoins (`column` names the JSON's source for errors). */
export function readStoredFigures(row: { values: string | null; tables: unknown }, column: string): ReportFigures {
  const values = row.values === null ? null : readStoredValues(row.values);
  return values ? { values } : { cells: readTables(row.tables, column) };
}
