// The 汇总 of a supervising office: which organs below count for a year and why the others do
// not, and the sum of their tables 2–4. Pure: the rows come from summary-data.ts.
import type { ReportStatus } from "@/lib/domain/report-status";
import { addValues, readFigures, type ReportFigures, type TableCells, type TableValues } from "@/lib/report-format/sum-tables";

/** An organ below the supervising one, with its report of the year as far as the 汇总 needs it. */
export type SummaryOrganRow = {
  organId: string;
  name: string;
  code: string;
  /** Names of the organs between the supervising organ and this one's parent (root first; empty for a direct child). */
  path: string[];
  report: {
    status: ReportStatus;
    withdrawn: boolean;
    /** The newest published version (never for a withdrawn report). */
    published: { version: number; publishedAt: Date; indexNumber: string; figures: ReportFigures } | null;
    /** The approved text's tables (待发布), loaded only when approved reports are asked for. */
    approved: ReportFigures | null;
  } | null;
};

export type IncludedOrgan = {
  organId: string;
  name: string;
  code: string;
  path: string[];
  /** Where its figures come from, in Chinese, e.g. "已发布（第 2 版）". */
  source: string;
  indexNumber: string | null;
  /** Its typed values, read (valueOfCell gives any cell of the form, totals included). */
  values: TableValues;
};
export type MissingOrgan = { organId: string; name: string; code: string; path: string[]; reason: string };

export type Summary = {
  included: IncludedOrgan[];
  missing: MissingOrgan[];
  /** The sum, every cell of the form; null when no organ is included. */
  sum: TableCells | null;
};

const NOT_INCLUDED: Record<ReportStatus, string> = {
  DRAFT: "尚未发布（草稿）",
  IN_REVIEW: "尚未发布（审核中）",
  APPROVED: "尚未发布（待发布）",
  PUBLISHED: "尚未发布",
  WITHDRAWN: "已撤回",
};

type Choice = { source: string; indexNumber: string | null; figures: ReportFigures } | { reason: string };

function choose(row: SummaryOrganRow, includeApproved: boolean): Choice {
  const report = row.report;
  if (!report) return { reason: "未创建报告" };
  if (report.withdrawn) return { reason: "已撤回" };
  const { published, approved } = report;
  // An approved correction of a published report counts with its new text when approved reports are asked for.
  if (includeApproved && report.status === "APPROVED" && approved) {
    return { source: published ? `待发布的更正（已发布第 ${published.version} 版）` : "待发布", indexNumber: published?.indexNumber ?? null, figures: approved };
  }
  // A report being corrected stays public, and counts, with its newest published version.
  if (published) return { source: `已发布（第 ${published.version} 版）`, indexNumber: published.indexNumber, figures: published.figures };
  return { reason: NOT_INCLUDED[report.status] };
}

type Entry = { included: IncludedOrgan } | { missing: MissingOrgan };

function entryOf(row: SummaryOrganRow, includeApproved: boolean): Entry {
  const organ = { organId: row.organId, name: row.name, code: row.code, path: row.path };
  const choice = choose(row, includeApproved);
  if ("reason" in choice) return { missing: { ...organ, reason: choice.reason } };
  // Published and approved reports passed every error check; anything else is listed, never summed silently.
  const read = readFigures(choice.figures);
  if (!read.ok) {
    return { missing: { ...organ, reason: `表格数据不完整（${read.invalid.slice(0, 3).join("；")}${read.invalid.length > 3 ? ` 等 ${read.invalid.length} 处` : ""}）` } };
  }
  return { included: { ...organ, source: choice.source, indexNumber: choice.indexNumber, values: read.values } };
}

// Each row's entry, kept with the row object: a kept reading's rows stay the same objects until
// their organ or report changes, so a province's 汇总 after one organ's change works out one entry, not 5,000.
const entries = new WeakMap<SummaryOrganRow, { includeApproved: boolean; entry: Entry }>();

/**
 * Published reports (each one's newest version, withdrawn ones excluded), and approved ones when
 * asked; the rest listed with the reason. Rows are not to be changed once passed here. `previous`:
 * the summary these rows were brought up to date from, whose sum is kept when the same figures are
 * included (only names or places changed).
 */
export function buildSummary(rows: ReadonlyArray<SummaryOrganRow>, options: { includeApproved: boolean }, previous?: Summary): Summary {
  const included: IncludedOrgan[] = [];
  const missing: MissingOrgan[] = [];
  for (const row of rows) {
    let known = entries.get(row);
    if (known?.includeApproved !== options.includeApproved) {
      known = { includeApproved: options.includeApproved, entry: entryOf(row, options.includeApproved) };
      entries.set(row, known);
    }
    if ("included" in known.entry) included.push(known.entry.included);
    else missing.push(known.entry.missing);
  }
  return { included, missing, sum: included.length ? sumOf(included, previous) : null };
}

function sumOf(included: ReadonlyArray<IncludedOrgan>, previous: Summary | undefined): TableCells {
  if (previous?.sum && previous.included.length === included.length) {
    const before = new Set(previous.included.map((organ) => organ.values));
    if (included.every((organ) => before.has(organ.values))) return previous.sum;
  }
  return addValues(included.map((organ) => organ.values));
}

/** One line saying what the 汇总 covers (the page, and the files' second row). */
export function summaryHeadline(input: { organName: string; year: number; includeApproved: boolean; included: ReadonlyArray<unknown>; missing: ReadonlyArray<unknown> }) {
  return `${input.organName}所属机关 ${input.year} 年度汇总：纳入 ${input.included.length} 个机关（${input.includeApproved ? "已发布和待发布的报告" : "已发布的报告"}），未纳入 ${input.missing.length} 个`;
}
