// Reading typed cells and computing the totals of tables 3 and 4. Pure.
import type { ReportSections } from "./content";
import { TABLE_SECTION, TYPED_CELLS, TABLE3_APPLICANT_COLUMNS, TABLE3_RESULT_ROWS, TABLE3_ROWS, TABLE4_BLOCKS, TABLE4_COLUMNS, type TableNumber } from "./format";

export type CellProblem = "empty" | "placeholder" | "negative" | "decimal" | "notNumber" | "tooPrecise" | "separator" | "tooLong" | "unit";
/** A value that is not a valid count or amount; `intended` when it plainly means one (1,234 or 12件). */
export type Parsed = { ok: true; value: number } | { ok: false; problem: CellProblem; intended?: number };

const FULL_WIDTH_DIGITS = /[０-９．－，]/g;
/** Full-width digits (common in text pasted from Chinese documents) read as ordinary ones. */
function normalise(raw: string) {
  return raw.trim().replace(FULL_WIDTH_DIGITS, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

const PLACEHOLDERS = new Set(["/", "／", "—", "——", "-", "－", "–", "无"]);
const MAX_DIGITS = 9;

/** What is wrong with a value that is neither empty nor a number, when it says something plain. */
function shapeProblem(text: string, decimals: boolean): Parsed | null {
  if (/^-\d+(\.\d+)?$/.test(text)) return { ok: false, problem: "negative" };
  const separated = decimals ? /^\d{1,3}(,\d{3})+(\.\d+)?$/ : /^\d{1,3}(,\d{3})+$/;
  if (separated.test(text)) return { ok: false, problem: "separator", intended: Number(text.replace(/,/g, "")) };
  const withUnit = /^(\d{1,9})\s*(件|条|个|起|宗|份|项|例|万元|元)$/.exec(text);
  if (withUnit) return { ok: false, problem: "unit", intended: Number(withUnit[1]) };
  if (/^\d{10,}(\.\d+)?$/.test(text)) return { ok: false, problem: "tooLong" };
  return null;
}

/** A count: a non-negative whole number. */
export function parseCount(raw: string | undefined): Parsed {
  const text = normalise(raw ?? "");
  if (text === "") return { ok: false, problem: "empty" };
  if (PLACEHOLDERS.has(text)) return { ok: false, problem: "placeholder" };
  if (/^\d{1,9}$/.test(text)) return { ok: true, value: Number(text) };
  if (/^\d+\.\d+$/.test(text)) return { ok: false, problem: "decimal" };
  return shapeProblem(text, false) ?? { ok: false, problem: "notNumber" };
}

/** The fee: a non-negative decimal in 万元 with at most four decimal places. */
export function parseAmount(raw: string | undefined): Parsed {
  const text = normalise(raw ?? "");
  if (text === "") return { ok: false, problem: "empty" };
  if (PLACEHOLDERS.has(text)) return { ok: false, problem: "placeholder" };
  if (/^\d{1,9}(\.\d{1,4})?$/.test(text)) return { ok: true, value: Number(text) };
  if (/^\d{1,9}\.\d{5,}$/.test(text)) return { ok: false, problem: "tooPrecise" };
  return shapeProblem(text, true) ?? { ok: false, problem: "notNumber" };
}

export const CELL_PROBLEM_MESSAGES: Record<CellProblem, string> = {
  empty: "不能为空，没有请填 0",
  placeholder: "不能填“/”“—”等符号，没有请填 0",
  negative: "不能为负数",
  decimal: "件数须为整数",
  notNumber: "须为数字",
  tooPrecise: "金额最多保留 4 位小数",
  separator: "请去掉千位分隔符",
  tooLong: `数字过长（最多 ${MAX_DIGITS} 位）`,
  unit: "只填数字，不带单位",
};

/** How a rule over sums reads a value: a count (or what it plainly means), a blank (counted as 0, as the form asks), or unreadable. */
export function countForSum(raw: string | undefined): { value: number; blank: boolean } | null {
  const parsed = parseCount(raw);
  if (parsed.ok) return { value: parsed.value, blank: false };
  if (parsed.problem === "empty" || parsed.problem === "placeholder") return { value: 0, blank: true };
  return parsed.intended !== undefined ? { value: parsed.intended, blank: false } : null;
}

function sum(values: ReadonlyArray<string | undefined>): string {
  let total = 0;
  for (const v of values) {
    const parsed = parseCount(v);
    if (!parsed.ok) return "";
    total += parsed.value;
  }
  return String(total);
}

/**
 * The table's cells with its totals filled in: for table 3 each row's 总计 and row
 * （七）总计; for table 4 each block's 总计. A total whose addends are not all valid
 * counts is left empty (the addends carry the errors).
 */
export function withTotals(table: TableNumber, typed: Record<string, string>): Record<string, string> {
  const cells = { ...typed };
  if (table === 3) {
    for (const column of TABLE3_APPLICANT_COLUMNS) {
      cells[`resultsTotal.${column}`] = sum(TABLE3_RESULT_ROWS.map((row) => cells[`${row}.${column}`]));
    }
    for (const row of TABLE3_ROWS) {
      cells[`${row.key}.total`] = sum(TABLE3_APPLICANT_COLUMNS.map((column) => cells[`${row.key}.${column}`]));
    }
  }
  if (table === 4) {
    for (const block of TABLE4_BLOCKS) {
      cells[`${block.key}.total`] = sum(TABLE4_COLUMNS.filter((c) => c.key !== "total").map((c) => cells[`${block.key}.${c.key}`]));
    }
  }
  return cells;
}

/** The sections with tables 3 and 4's totals computed from the typed cells, as the editor shows them. */
export function withComputedTotals(sections: ReportSections): ReportSections {
  const out = { ...sections };
  for (const table of [3, 4] as const) {
    const key = TABLE_SECTION[table];
    const content = sections[key];
    if (content.kind === "table") out[key] = { ...content, cells: withTotals(table, content.cells) };
  }
  return out;
}

/** The typed cells of a table that hold nothing (blank or only spaces), in the form's order. */
export function unfilledCells(table: TableNumber, cells: Record<string, string>): string[] {
  return TYPED_CELLS[table].filter((cell) => (cells[cell] ?? "").trim() === "");
}

/**
 * "未填写的单元格填 0": every typed cell that holds nothing becomes "0" (the form's word for none;
 * for the fee, 0 万元). Cells holding anything, even a wrong value or a "/", are left for the person
 * to see. Returns only the cells it changes.
 */
export function zerosForUnfilled(table: TableNumber, cells: Record<string, string>): Record<string, string> {
  return Object.fromEntries(unfilledCells(table, cells).map((cell) => [cell, "0"]));
}
