// The arithmetic of tables 3 and 4 (T3-BALANCE, T3-RESULTS, T3-ROWTOTAL, T4-TOTAL). In a report
// file the totals are printed, and a blank cell counts as 0 (the form asks for 0 where there is
// none), so a blank never switches a sum off: "总计为空；各类申请人之和为 4". In a draft the totals
// are computed, and a rule waits until its cells are all filled. Pure.
import { countForSum, parseCount } from "./cells";
import type { CellRef, Finding } from "./findings";
import { cellLabel, TABLE3_COLUMNS, TABLE3_RESULT_ROWS, TABLE3_ROWS, TABLE3_SUBGROUPS, TABLE4_BLOCKS, TABLE4_COLUMNS } from "./format";

/** "printed": totals as typed in a file; "computed": totals the editor computed from the typed cells. */
export type TotalsMode = "printed" | "computed";

type Cell = { key: string; label: string };
type Read = { values: number[]; blanks: string[] };

/** The cells' values; null when one cannot be read as a count (its CELL finding says why), or, for computed totals, is blank. */
function read(cells: Record<string, string>, keys: Cell[], mode: TotalsMode): Read | null {
  const values: number[] = [];
  const blanks: string[] = [];
  for (const { key, label } of keys) {
    if (mode === "computed") {
      const parsed = parseCount(cells[key]);
      if (!parsed.ok) return null;
      values.push(parsed.value);
      continue;
    }
    const value = countForSum(cells[key]);
    if (!value) return null;
    if (value.blank) blanks.push(label);
    values.push(value.value);
  }
  return { values, blanks };
}

const add = (values: number[]) => values.reduce((a, b) => a + b, 0);
const blankNote = (blanks: string[]) => (blanks.length ? `（${blanks.join("、")}为空，按 0 计）` : "");

/** A total and its parts: null when they agree (or cannot be read), else the finding's words. */
function sumRule(cells: Record<string, string>, parts: Cell[], total: Cell, mode: TotalsMode): { sum: number; total: number | null; note: string } | null {
  const partValues = read(cells, parts, mode);
  const totalValue = read(cells, [total], mode);
  if (!partValues || !totalValue) return null;
  const sum = add(partValues.values);
  if (totalValue.blanks.length) {
    if (partValues.blanks.length === parts.length) return null; // nothing filled yet
    return { sum, total: null, note: blankNote(partValues.blanks) };
  }
  if (totalValue.values[0] === sum) return null;
  return { sum, total: totalValue.values[0]!, note: blankNote(partValues.blanks) };
}

/** A row of table 3 in a few words: 一, （一）予以公开, （三）1, （七）总计. */
function shortRow(key: string): string {
  const row = TABLE3_ROWS.find((r) => r.key === key)!;
  if (row.subgroup) return `${TABLE3_SUBGROUPS[row.subgroup]!.slice(0, 3)}${row.label.split(".")[0]}`;
  if (!row.group) return row.label.split("、")[0]!;
  return row.label.replace(/（[^）]*）$/, "");
}

const said = (total: number | null) => (total === null ? "为空；" : `为 ${total}，但`);

export function checkTable3(cells: Record<string, string>, mode: TotalsMode): Finding[] {
  const findings: Finding[] = [];
  const ref = (cell: string): CellRef => ({ table: 3, cell });
  for (const { key: column, label: columnLabel } of TABLE3_COLUMNS) {
    const c = (row: string): Cell => ({ key: `${row}.${column}`, label: shortRow(row) });
    const balance = read(cells, ["newRequests", "carriedIn", "resultsTotal", "carriedOut"].map(c), mode);
    if (balance && balance.blanks.length < 4) {
      const [one, two, seven, four] = balance.values as [number, number, number, number];
      if (one + two !== seven + four) {
        findings.push({
          id: "T3-BALANCE",
          severity: "error",
          section: "requests",
          message: `表三 ${columnLabel}列：一+二=${one + two}，（七）总计+四=${seven + four}，两者应相等${blankNote(balance.blanks)}`,
          cells: ["newRequests", "carriedIn", "resultsTotal", "carriedOut"].map((row) => ref(`${row}.${column}`)),
        });
      }
    }
    const results = sumRule(cells, TABLE3_RESULT_ROWS.map(c), c("resultsTotal"), mode);
    if (results) {
      findings.push({
        id: "T3-RESULTS",
        severity: "error",
        section: "requests",
        message: `表三 ${columnLabel}列：（七）总计${said(results.total)}（一）至（六）各项之和为 ${results.sum}${results.note}`,
        cells: [ref(`resultsTotal.${column}`)],
      });
    }
  }
  for (const row of TABLE3_ROWS) {
    const parts = TABLE3_COLUMNS.filter((x) => x.key !== "total").map((x) => ({ key: `${row.key}.${x.key}`, label: x.label }));
    const rule = sumRule(cells, parts, { key: `${row.key}.total`, label: "总计" }, mode);
    if (rule) {
      findings.push({
        id: "T3-ROWTOTAL",
        severity: "error",
        section: "requests",
        message: `表三 ${row.label}：总计${said(rule.total)}各类申请人之和为 ${rule.sum}${rule.note}`,
        cells: [ref(`${row.key}.total`)],
      });
    }
  }
  return findings;
}

export function checkTable4(cells: Record<string, string>, mode: TotalsMode): Finding[] {
  const findings: Finding[] = [];
  for (const block of TABLE4_BLOCKS) {
    const parts = TABLE4_COLUMNS.filter((c) => c.key !== "total").map((c) => ({ key: `${block.key}.${c.key}`, label: c.label }));
    const rule = sumRule(cells, parts, { key: `${block.key}.total`, label: "总计" }, mode);
    if (rule) {
      findings.push({
        id: "T4-TOTAL",
        severity: "error",
        section: "appeals",
        message: `${cellLabel(4, `${block.key}.total`)}：总计${said(rule.total)}维持、纠正、其他、尚未审结之和为 ${rule.sum}${rule.note}`,
        cells: [{ table: 4, cell: `${block.key}.total` }],
      });
    }
  }
  return findings;
}
