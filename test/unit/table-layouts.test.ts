import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { FormTable } from "@/components/report/form-table";
import { withTotals } from "@/lib/report-format/cells";
import { ALL_CELLS, cellLabel, TYPED_CELLS, type TableNumber } from "@/lib/report-format/format";
import { layoutRows, TABLE_LAYOUTS, valueCells, type LayoutRow, type TableLayout } from "@/lib/report-format/table-layouts";

const TABLES: TableNumber[] = [2, 3, 4];

/**
 * Lays a group of rows (a thead or a tbody: rowspans never leave their group) onto a
 * grid, and returns how many columns each row fills, counting the cells that rowspans
 * from rows above reach into it. Throws where a rowspan reaches past the group's end.
 */
function filledWidths(rows: ReadonlyArray<LayoutRow>): number[] {
  const carried: number[] = []; // per row below: columns taken by rowspans from above
  return rows.map((row, r) => {
    let width = carried[r] ?? 0;
    for (const cell of row.cells) {
      const colSpan = cell.colSpan ?? 1;
      width += colSpan;
      const rowSpan = cell.kind === "label" ? (cell.rowSpan ?? 1) : 1;
      if (r + rowSpan > rows.length) throw new Error(`a rowspan of ${rowSpan} at row ${row.key} leaves its row group`);
      for (let below = r + 1; below < r + rowSpan; below++) carried[below] = (carried[below] ?? 0) + colSpan;
    }
    return width;
  });
}

describe("the layouts of tables 2–4", () => {
  it.each(TABLES)("table %i holds every cell of ALL_CELLS exactly once as a value cell, in ALL_CELLS' order", (table) => {
    const keys = valueCells(TABLE_LAYOUTS[table]).map((c) => c.cell);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual(ALL_CELLS[table]);
  });

  it.each(TABLES)("table %i: the typed cells are exactly TYPED_CELLS, in order; the computed ones exactly the totals withTotals fills", (table) => {
    const cells = valueCells(TABLE_LAYOUTS[table]);
    expect(cells.filter((c) => !c.computed).map((c) => c.cell)).toEqual(TYPED_CELLS[table]);
    const totals = Object.keys(withTotals(table, {})).sort();
    expect(
      cells
        .filter((c) => c.computed)
        .map((c) => c.cell)
        .sort(),
    ).toEqual(totals);
  });

  it.each(TABLES)("table %i names each value cell as cellLabel does", (table) => {
    for (const cell of valueCells(TABLE_LAYOUTS[table])) expect(cell.label).toBe(cellLabel(table, cell.cell));
  });

  it("marks only table 2's fee as an amount", () => {
    const amounts = TABLES.flatMap((t) =>
      valueCells(TABLE_LAYOUTS[t])
        .filter((c) => c.isAmount)
        .map((c) => c.cell),
    );
    expect(amounts).toEqual(["fees.amount"]);
  });

  it.each(TABLES)("table %i: every row, header rows included, fills the table's width exactly, rowspans counted", (table) => {
    const layout: TableLayout = TABLE_LAYOUTS[table];
    for (const group of [layout.head, ...layout.bodies]) {
      expect(filledWidths(group)).toEqual(group.map(() => layout.width));
    }
  });

  it("has the official titles, widths and merged headers", () => {
    expect(TABLES.map((t) => [TABLE_LAYOUTS[t].title, TABLE_LAYOUTS[t].width])).toEqual([
      ["表二 主动公开政府信息情况", 4],
      ["表三 收到和处理政府信息公开申请情况", 10],
      ["表四 政府信息公开行政复议、行政诉讼情况", 15],
    ]);
    const headerTexts = (t: TableNumber) => TABLE_LAYOUTS[t].head.map((row) => row.cells.map((c) => (c.kind === "label" ? c.text : c.cell)));
    expect(headerTexts(3)[0]![1]).toBe("申请人情况");
    expect(headerTexts(3)[1]).toEqual(["自然人", "法人或其他组织", "总计"]);
    expect(headerTexts(4).slice(0, 2)).toEqual([
      ["行政复议", "行政诉讼"],
      ["未经复议直接起诉", "复议后起诉"],
    ]);
    // Table 2: one row group per block, each with its caption row and its 信息内容 header row.
    expect(TABLE_LAYOUTS[2].bodies.map((body) => body.map((row) => row.cells[0]!.kind === "label" && row.cells[0]!.text))).toEqual([
      ["第二十条第（一）项", "信息内容", "规章", "行政规范性文件"],
      ["第二十条第（五）项", "信息内容", "行政许可"],
      ["第二十条第（六）项", "信息内容", "行政处罚", "行政强制"],
      ["第二十条第（八）项", "信息内容", "行政事业性收费"],
    ]);
    // Table 3: the results heading spans every results row, each （三）–（六） group its members.
    const spans = layoutRows(TABLE_LAYOUTS[3])
      .flatMap((row) => row.cells.filter((c) => c.kind === "label" && c.scope === "rowgroup"))
      .map((c) => c.kind === "label" && [c.text, c.rowSpan]);
    expect(spans).toEqual([
      ["三、本年度办理结果", 22],
      ["（三）不予公开", 8],
      ["（四）无法提供", 3],
      ["（五）不予处理", 5],
      ["（六）其他处理", 3],
    ]);
  });
});

describe("the form table's keyboard grid (the editor's arrows and spreadsheet paste)", () => {
  /** Each value cell rendered as "cell@row,col". */
  const positions = (table: TableNumber) => {
    const html = renderToStaticMarkup(createElement(FormTable, { layout: TABLE_LAYOUTS[table], className: "form", renderValue: (cell, at) => `${cell.cell}@${at.row},${at.col}` }));
    return [...html.matchAll(/<td[^>]*>([^<]+@\d+,\d+)<\/td>/g)].map((m) => m[1]);
  };

  it("numbers the rows that hold value cells and the value cells within each row", () => {
    expect(positions(4)).toEqual(ALL_CELLS[4].map((cell, i) => `${cell}@0,${i}`));
    expect(positions(3)).toEqual(ALL_CELLS[3].map((cell, i) => `${cell}@${Math.floor(i / 7)},${i % 7}`));
    expect(positions(2)).toEqual([
      "regulations.made@0,0",
      "regulations.repealed@0,1",
      "regulations.current@0,2",
      "normativeDocuments.made@1,0",
      "normativeDocuments.repealed@1,1",
      "normativeDocuments.current@1,2",
      "licensing.decisions@2,0",
      "punishment.decisions@3,0",
      "enforcement.decisions@4,0",
      "fees.amount@5,0",
    ]);
  });

  it("renders the spans and scopes of the layout, with the title as caption or as the accessible name", () => {
    const render = (title: "caption" | "label") => renderToStaticMarkup(createElement(FormTable, { layout: TABLE_LAYOUTS[3], className: "form", title, renderValue: () => "0" }));
    const html = render("caption");
    expect(html).toContain("<caption>表三 收到和处理政府信息公开申请情况</caption>");
    expect(html).toContain('<td rowSpan="3" colSpan="3" class="header-note">');
    expect(html).toContain('<th scope="colgroup" colSpan="7">申请人情况</th>');
    expect(html).toContain('<th scope="rowgroup" rowSpan="22">三、本年度办理结果</th>');
    expect(html).toContain('<tr class="total-row"><th scope="row" colSpan="2">（七）总计</th>');
    expect(render("label")).toMatch(/^<table class="form" aria-label="表三 收到和处理政府信息公开申请情况"><thead>/);
  });
});
