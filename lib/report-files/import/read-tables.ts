// Tables 2–4 read from grids by their row and column labels, not by position: merged header
// cells (spread over the positions they cover), blank cells, "/" and "—", extra empty rows and
// numbers with stray spaces, a table split in two (the second part without its header), and the
// 2019 format's items (mapped to their 2021 replacement with a FORMAT finding, or reported). Pure.
import type { Finding } from "@/lib/report-format/findings";
import { read2019Key } from "@/lib/report-format/format-2019";
import {
  ALL_CELLS,
  cellLabel,
  TABLE2_BLOCKS,
  TABLE3_COLUMNS,
  TABLE3_ROWS,
  TABLE3_SUBGROUPS,
  TABLE4_BLOCKS,
  TABLE4_COLUMNS,
  TYPED_CELLS,
  type TableNumber,
} from "@/lib/report-format/format";
import type { Grid } from "./html-blocks";
import { cellValue, hasNumber, isValueLike, labelCore, labelKey } from "./labels";

export type TableRead = {
  cells: Record<string, string>;
  unrecognised: string[];
  findings: Finding[];
  /** Table 3's column of each position, for a continuation printed without its header. */
  columns?: Map<number, string>;
};

const SECTION_OF = { 2: "proactive", 3: "requests", 4: "appeals" } as const;

function formatFinding(table: TableNumber, message: string): Finding {
  return { id: "FORMAT", severity: "warning", section: SECTION_OF[table], message, cells: [] };
}

/** Which table a grid is, by its labels. */
export function tableOf(grid: Grid): TableNumber | null {
  const keys = new Set(grid.flat().map(labelKey));
  const has = (label: string) => keys.has(labelKey(label)) || [...keys].some((k) => k.includes(labelKey(label)));
  if (has("本年新收政府信息公开申请数量") || has("申请人情况") || has("本年度办理结果")) return 3;
  if (has("结果维持") && has("行政复议")) return 4;
  if (has("第二十条") || has("本年制发件数") || has("本年新制作数量") || has("行政许可") || has("行政事业性收费")) return 2;
  return null;
}

function rowText(row: string[]): string {
  return row.filter((cell, i) => cell && row[i - 1] !== cell).join(" | ");
}

// ---- 表二 ----

const TABLE2_ROW_LABELS = new Map<string, string>(TABLE2_BLOCKS.flatMap((b) => b.rows.map((r) => [labelKey(r.label), r.key] as const)));
const TABLE2_COLUMN_LABELS = new Map<string, string>(TABLE2_BLOCKS.flatMap((b) => b.columns.map((c) => [labelKey(c.label), c.key] as const)));
const TABLE2_OLD_ROWS = new Map([[labelKey("规范性文件"), "规范性文件"]]);

export function readTable2(grid: Grid): TableRead {
  const out: TableRead = { cells: {}, unrecognised: [], findings: [] };
  let columns = new Map<number, string>();
  for (const row of grid) {
    const first = row[0] ?? "";
    const rowKey = TABLE2_ROW_LABELS.get(labelKey(first)) ?? TABLE2_OLD_ROWS.get(labelKey(first));
    if (!rowKey) {
      const isHeader = row.slice(1).some((c) => c && !isValueLike(c));
      if (isHeader) {
        columns = new Map();
        row.forEach((c, i) => i > 0 && c && columns.set(i, c));
        continue;
      }
      if (row.every((c) => cellValue(c) === "") || /第二十条/.test(first)) continue;
      if (row.length === 1 || row.every((c) => c === first)) continue;
      out.unrecognised.push(`表二中未识别的行：${rowText(row)}`);
      continue;
    }
    const seen = new Set<string>();
    row.forEach((raw, i) => {
      if (i === 0) return;
      const label = columns.get(i);
      if (!label || seen.has(label)) return;
      seen.add(label);
      const is2019Row = !TABLE2_ROW_LABELS.has(labelKey(first));
      const column = TABLE2_COLUMN_LABELS.get(labelKey(label));
      const direct = !is2019Row && column ? `${rowKey}.${column}` : null;
      if (direct && TYPED_CELLS[2].includes(direct)) {
        out.cells[direct] ??= cellValue(raw);
        return;
      }
      const old = read2019Key(2, `${is2019Row ? rowKey : (TABLE2_ROW_LABELS.get(labelKey(first)) ?? first)}.${column ?? label}`);
      if (old?.replacement?.cell) {
        out.cells[old.replacement.cell] ??= cellValue(raw);
        out.findings.push(formatFinding(2, `“${first} / ${label}”是 2019 年格式的项目（${old.item}），已按 2021 年格式读入${old.replacement.label}。`));
      } else if (old) {
        out.findings.push(formatFinding(2, `“${first} / ${label}”是 2019 年格式的项目，2021 年格式已取消此项，其值“${cellValue(raw)}”未导入。`));
      } else if (cellValue(raw)) out.unrecognised.push(`表二“${first}”一行中“${label}”一栏不是本表的栏目，其值“${cellValue(raw)}”未导入。`);
    });
  }
  return out;
}

// ---- 表三 ----

const TABLE3_COLUMN_LABELS = new Map<string, string>(TABLE3_COLUMNS.map((c) => [labelKey(c.label), c.key]));
/** Row labels by their full key, and by their core (without numbering) when the core names one row and is not a column's label. */
const TABLE3_ROW_LABELS = (() => {
  const map = new Map<string, string>();
  const cores = new Map<string, string[]>();
  for (const row of TABLE3_ROWS) {
    map.set(labelKey(row.label), row.key);
    const core = labelCore(row.label);
    cores.set(core, [...(cores.get(core) ?? []), row.key]);
  }
  for (const [core, rows] of cores) if (rows.length === 1 && !TABLE3_COLUMN_LABELS.has(core) && !map.has(core)) map.set(core, rows[0]!);
  // 部分公开 is often printed without its long bracketed explanation.
  map.set(labelKey("（二）部分公开"), "partlyDisclosed");
  map.set(labelKey("部分公开"), "partlyDisclosed");
  return map;
})();
const TABLE3_SUBGROUP_KEYS = new Map(Object.entries(TABLE3_SUBGROUPS).map(([key, label]) => [labelKey(label), key]));

function table3RowOf(row: string[]): { key: string; index: number } | { subgroup: string; index: number } | null {
  for (let i = row.length - 1; i >= 0; i--) {
    const cell = row[i]!;
    if (isValueLike(cell)) continue;
    const key = TABLE3_ROW_LABELS.get(labelKey(cell));
    if (key) return { key, index: i };
    const subgroup = TABLE3_SUBGROUP_KEYS.get(labelKey(cell));
    if (subgroup) return { subgroup, index: i };
    return null;
  }
  return null;
}

/**
 * Table 3's columns are found by their labels, each position counted from the right edge of the
 * table: the numbers always stand at the right, while the label columns on the left vary (a
 * continuation after a page break may lack the merged 三、本年度办理结果 column).
 */
export function readTable3(grid: Grid, previousColumns?: Map<number, string>): TableRead {
  const out: TableRead = { cells: {}, unrecognised: [], findings: [] };
  let columns = new Map<number, string>();
  let dataSeen = false;
  for (const row of grid) {
    const found = table3RowOf(row);
    if (!found) {
      if (row.every((c) => cellValue(c) === "")) continue;
      if (!dataSeen) {
        row.forEach((c, i) => {
          const column = TABLE3_COLUMN_LABELS.get(labelKey(c));
          if (column) columns.set(row.length - 1 - i, column);
        });
        continue;
      }
      out.unrecognised.push(`表三中未识别的行：${rowText(row)}`);
      continue;
    }
    dataSeen = true;
    if (columns.size === 0 && previousColumns) columns = previousColumns;
    const values = row.slice(found.index + 1);
    if ("subgroup" in found) {
      if (found.subgroup === "otherHandling" && values.some(hasNumber)) {
        out.findings.push(formatFinding(3, "表三“（六）其他处理”是一行（2019 年格式），2021 年格式分为 1.至 3. 三行，无法分摊，此行的数字未导入，请在三行中填写。"));
      }
      continue;
    }
    if (columns.size === 0) {
      if (values.length === 7 || values.length === 6) values.forEach((raw, i) => (out.cells[`${found.key}.${TABLE3_COLUMNS[i]!.key}`] ??= cellValue(raw)));
      else out.unrecognised.push(`表三“${row[found.index]}”一行缺少栏目标题，无法确定各数字所属的栏目，未导入。`);
      continue;
    }
    const seen = new Set<string>();
    values.forEach((raw, offset) => {
      const column = columns.get(values.length - 1 - offset);
      if (!column || seen.has(column)) return;
      seen.add(column);
      out.cells[`${found.key}.${column}`] ??= cellValue(raw);
    });
  }
  out.columns = columns.size ? columns : previousColumns;
  return out;
}

// ---- 表四 ----

const TABLE4_BLOCK_LABELS = new Map<string, string>(TABLE4_BLOCKS.map((b) => [labelKey(b.label), b.key]));
const TABLE4_COLUMN_LABELS = new Map<string, string>(TABLE4_COLUMNS.map((c) => [labelKey(c.label), c.key]));

export function readTable4(grid: Grid): TableRead {
  const out: TableRead = { cells: {}, unrecognised: [], findings: [] };
  const resultsRow = grid.findIndex((row) => row.filter((c) => TABLE4_COLUMN_LABELS.has(labelKey(c))).length >= 3);
  if (resultsRow < 0) {
    out.unrecognised.push("表四的栏目标题（结果维持、结果纠正等）未找到，表四未导入。");
    return out;
  }
  const header = grid.slice(0, resultsRow);
  const positions = grid[resultsRow]!.map((c, i) => {
    const column = TABLE4_COLUMN_LABELS.get(labelKey(c));
    const block = header
      .map((row) => TABLE4_BLOCK_LABELS.get(labelKey(row[i] ?? "")))
      .filter(Boolean)
      .pop();
    return column && block ? `${block}.${column}` : null;
  });
  const rest = grid.slice(resultsRow + 1).filter((row) => row.every(isValueLike));
  const data = rest.find((row) => row.some(hasNumber)) ?? rest[0];
  if (!data) {
    out.unrecognised.push("表四没有数字行，表四未导入。");
    return out;
  }
  data.forEach((raw, i) => {
    const cell = positions[i];
    if (cell) out.cells[cell] ??= cellValue(raw);
  });
  for (const row of grid.slice(resultsRow + 1)) if (!row.every(isValueLike)) out.unrecognised.push(`表四中未识别的行：${rowText(row)}`);
  return out;
}

/** Cells of the official form not read from the file, by their human names. */
export function missingCells(table: TableNumber, cells: Record<string, string>): string[] {
  return ALL_CELLS[table].filter((c) => !(c in cells)).map((c) => cellLabel(table, c));
}
