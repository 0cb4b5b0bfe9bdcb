// Tables 2–4 laid out like the official form, described once as data: header and
// row labels with their spans, and the value cells in reading order. The editor, the
// review screen, the public page (components/report/form-table.tsx), the Word export
// and the CSV all read these layouts. Built from the rows and columns in format.ts.
// Pure and browser-safe.
import {
  cellLabel,
  TABLE2_BLOCKS,
  TABLE3_COLUMNS,
  TABLE3_HEADER_NOTE,
  TABLE3_RESULTS_HEADING,
  TABLE3_ROWS,
  TABLE3_SUBGROUPS,
  TABLE4_BLOCKS,
  TABLE4_COLUMNS,
  type TableNumber,
} from "./format";

/**
 * A printed label. `scope` says what a header cell names (for screen readers); a cell
 * without one is not a header (the form's note in table 3's corner). `look` marks the
 * two labels printed differently: a table-2 block's caption row and table 3's note.
 */
export type LabelCell = {
  kind: "label";
  text: string;
  scope?: "col" | "colgroup" | "row" | "rowgroup";
  rowSpan?: number;
  colSpan?: number;
  look?: "blockCaption" | "note";
};

/** A number of the form: its cell key ("row.column"), its human name, and whether it is a computed total. */
export type ValueCell = {
  kind: "value";
  cell: string;
  label: string;
  colSpan?: number;
  computed: boolean;
  /** The fee of table 2, a decimal amount in 万元 rather than a count. */
  isAmount: boolean;
};

export type LayoutCell = LabelCell | ValueCell;
/** `isTotal`: table 3's （七）总计 row, printed in bold in the editor. */
export type LayoutRow = { key: string; cells: ReadonlyArray<LayoutCell>; isTotal?: boolean };

export type TableLayout = {
  table: TableNumber;
  /** The table's title, e.g. "表三 收到和处理政府信息公开申请情况". */
  title: string;
  /** Columns of the printed form; every row's cells (with the rowspans reaching into it) fill exactly this many. */
  width: number;
  head: ReadonlyArray<LayoutRow>;
  /** Groups of body rows (table 2: one per block, each with its own header rows). */
  bodies: ReadonlyArray<ReadonlyArray<LayoutRow>>;
};

const label = (text: string, scope: LabelCell["scope"], spans: Pick<LabelCell, "rowSpan" | "colSpan" | "look"> = {}): LabelCell => ({
  kind: "label",
  text,
  ...(scope ? { scope } : {}),
  ...spans,
});

const value = (table: TableNumber, cell: string, options: { computed?: boolean; isAmount?: boolean; colSpan?: number } = {}): ValueCell => ({
  kind: "value",
  cell,
  label: cellLabel(table, cell),
  computed: options.computed ?? false,
  isAmount: options.isAmount ?? false,
  ...(options.colSpan ? { colSpan: options.colSpan } : {}),
});

// ---- 表二: four blocks, each with its caption row, a header row and its rows; one-column blocks span three ----

const TABLE2_WIDTH = 4;

const table2: TableLayout = {
  table: 2,
  title: "表二 主动公开政府信息情况",
  width: TABLE2_WIDTH,
  head: [],
  bodies: TABLE2_BLOCKS.map((block) => {
    const span = (TABLE2_WIDTH - 1) / block.columns.length;
    const colSpan = span === 1 ? {} : { colSpan: span };
    return [
      { key: `caption:${block.caption}`, cells: [label(block.caption, "colgroup", { colSpan: TABLE2_WIDTH, look: "blockCaption" })] },
      { key: `columns:${block.caption}`, cells: [label("信息内容", "col"), ...block.columns.map((c) => label(c.label, "col", colSpan))] },
      ...block.rows.map((r) => ({
        key: r.key,
        cells: [label(r.label, "row"), ...block.columns.map((c) => value(2, `${r.key}.${c.key}`, { isAmount: block.isAmount, ...colSpan }))],
      })),
    ];
  }),
};

// ---- 表三: the note in the corner, 申请人情况 over 自然人 / 法人或其他组织 (five kinds) / 总计;
// row labels three columns wide, nested under 三、本年度办理结果 and its （三）–（六） groups ----

const natural = TABLE3_COLUMNS[0];
const organisations = TABLE3_COLUMNS.slice(1, 6);
const total3 = TABLE3_COLUMNS[6];
const resultRows = TABLE3_ROWS.filter((r) => r.group === "results");

function table3RowLabels(row: (typeof TABLE3_ROWS)[number]): LabelCell[] {
  if (!row.group) return [label(row.label, "row", { colSpan: 3 })];
  const labels: LabelCell[] = [];
  if (row === resultRows[0]) labels.push(label(TABLE3_RESULTS_HEADING, "rowgroup", { rowSpan: resultRows.length }));
  if (!row.subgroup) return [...labels, label(row.label, "row", { colSpan: 2 })];
  const members = TABLE3_ROWS.filter((r) => r.subgroup === row.subgroup);
  if (members[0] === row) labels.push(label(TABLE3_SUBGROUPS[row.subgroup]!, "rowgroup", { rowSpan: members.length }));
  return [...labels, label(row.label, "row")];
}

const table3: TableLayout = {
  table: 3,
  title: "表三 收到和处理政府信息公开申请情况",
  width: 3 + TABLE3_COLUMNS.length,
  head: [
    {
      key: "applicants",
      cells: [label(TABLE3_HEADER_NOTE, undefined, { rowSpan: 3, colSpan: 3, look: "note" }), label("申请人情况", "colgroup", { colSpan: TABLE3_COLUMNS.length })],
    },
    {
      key: "kinds",
      cells: [label(natural.label, "col", { rowSpan: 2 }), label("法人或其他组织", "colgroup", { colSpan: organisations.length }), label(total3.label, "col", { rowSpan: 2 })],
    },
    { key: "organisations", cells: organisations.map((c) => label(c.label, "col")) },
  ],
  bodies: [
    TABLE3_ROWS.map((row) => {
      const isTotal = row.key === "resultsTotal";
      return {
        key: row.key,
        ...(isTotal ? { isTotal } : {}),
        cells: [...table3RowLabels(row), ...TABLE3_COLUMNS.map((c) => value(3, `${row.key}.${c.key}`, { computed: isTotal || c.key === "total" }))],
      };
    }),
  ],
};

// ---- 表四: 行政复议 | 行政诉讼 (未经复议直接起诉, 复议后起诉), five result columns each, one row of numbers ----

const blockWidth = TABLE4_COLUMNS.length;
const review = TABLE4_BLOCKS[0];
const litigation = TABLE4_BLOCKS.slice(1);

const table4: TableLayout = {
  table: 4,
  title: "表四 政府信息公开行政复议、行政诉讼情况",
  width: TABLE4_BLOCKS.length * blockWidth,
  head: [
    {
      key: "kinds",
      cells: [label(review.label, "colgroup", { colSpan: blockWidth, rowSpan: 2 }), label(TABLE4_BLOCKS[1].parent, "colgroup", { colSpan: litigation.length * blockWidth })],
    },
    { key: "litigation", cells: litigation.map((b) => label(b.label, "colgroup", { colSpan: blockWidth })) },
    { key: "results", cells: TABLE4_BLOCKS.flatMap(() => TABLE4_COLUMNS.map((c) => label(c.label, "col"))) },
  ],
  bodies: [[{ key: "values", cells: TABLE4_BLOCKS.flatMap((b) => TABLE4_COLUMNS.map((c) => value(4, `${b.key}.${c.key}`, { computed: c.key === "total" }))) }]],
};

export const TABLE_LAYOUTS: Record<TableNumber, TableLayout> = { 2: table2, 3: table3, 4: table4 };

/** Every row of the table, header rows first. */
export function layoutRows(layout: TableLayout): LayoutRow[] {
  return [...layout.head, ...layout.bodies.flat()];
}

/** The table's value cells in reading order (row by row, left to right): the order of ALL_CELLS. */
export function valueCells(layout: TableLayout): ValueCell[] {
  return layoutRows(layout).flatMap((row) => row.cells.filter((c): c is ValueCell => c.kind === "value"));
}
