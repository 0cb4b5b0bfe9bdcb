// What the 汇总 page and its downloads are asked for, read from the address: the year
// (2008 to next year; anything else is told in Chinese), whether approved reports (待发布)
// count too, and the cell whose per-organ values are listed. Pure.
import { z } from "zod";
import { currentReportYear, FIRST_REPORT_YEAR, reportYearProblem, yearInChina } from "@/lib/domain/report-progress";
import { tableOfCell } from "@/lib/report-format/sum-tables";

/** The years a 汇总 may be asked for (those a report may be for) and the one shown first. */
export function summaryYears(now: Date) {
  return { first: FIRST_REPORT_YEAR, last: yearInChina(now) + 1, byDefault: currentReportYear(now) };
}

/** The lists of organs (included, missing, a cell's values) are shown this many at a time; the Excel file has them all. */
export const SUMMARY_LIST_PAGE_SIZE = 100;

export type SummaryQuery = { year: number; includeApproved: boolean; cell: string | null; includedPage: number; missingPage: number; cellPage: number };
export type SummaryQueryResult = ({ ok: true } & SummaryQuery) | { ok: false; message: string; includeApproved: boolean };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const listPage = z.coerce.number().int().min(1).max(100_000).default(1).catch(1);

export function readSummaryQuery(params: Record<string, string | string[] | undefined>, now: Date): SummaryQueryResult {
  const years = summaryYears(now);
  const message = reportYearProblem(Number.NaN, now)!; // the one message for any year out of range
  const schema = z.object({
    year: z
      .string()
      .trim()
      .regex(/^\d{4}$/, message)
      .transform(Number)
      .pipe(z.number().int().min(years.first, message).max(years.last, message))
      .default(years.byDefault),
    // A checkbox: present ("1") or absent.
    approved: z
      .string()
      .optional()
      .transform((v) => v === "1"),
    // A convenience, like a filter: a malformed cell is ignored rather than refused.
    cell: z
      .string()
      .optional()
      .transform((v) => (v && tableOfCell(v) ? v : null)),
    // Page numbers, like filters: anything malformed is the first page.
    included: listPage,
    missing: listPage,
    cellPage: listPage,
  });
  const yearText = first(params.year);
  const parsed = schema.safeParse({
    year: yearText === "" ? undefined : yearText,
    approved: first(params.approved),
    cell: first(params.cell),
    included: first(params.included),
    missing: first(params.missing),
    cellPage: first(params.cellPage),
  });
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? message, includeApproved: first(params.approved) === "1" };
  const { year, approved, cell, included, missing, cellPage } = parsed.data;
  return { ok: true, year, includeApproved: approved, cell, includedPage: included, missingPage: missing, cellPage };
}

/** The query string of a summary address (the page, a cell's breakdown, a page of a list, the downloads). */
export function summaryQueryString(query: { year: number; includeApproved: boolean; cell?: string | null; includedPage?: number; missingPage?: number; cellPage?: number }) {
  const params = new URLSearchParams({ year: String(query.year) });
  if (query.includeApproved) params.set("approved", "1");
  if (query.cell) params.set("cell", query.cell);
  if (query.includedPage && query.includedPage > 1) params.set("included", String(query.includedPage));
  if (query.missingPage && query.missingPage > 1) params.set("missing", String(query.missingPage));
  if (query.cell && query.cellPage && query.cellPage > 1) params.set("cellPage", String(query.cellPage));
  return `?${params.toString()}`;
}
