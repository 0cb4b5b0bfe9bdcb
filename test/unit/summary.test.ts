import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { ALL_CELLS, TYPED_CELLS, type TableNumber } from "@/lib/report-format/format";
import { readValues, valueOfCell, type TableCells } from "@/lib/report-format/sum-tables";
import { layoutRows, TABLE_LAYOUTS, valueCells } from "@/lib/report-format/table-layouts";
import { summaryCsv, summaryXlsx, type SummaryFileInput } from "@/lib/report-files/summary-files";
import { buildSummary, type SummaryOrganRow } from "@/lib/supervision/summary";
import { readSummaryQuery, summaryQueryString } from "@/lib/supervision/summary-query";

const NOW = new Date("2026-06-01T00:00:00+08:00");

function zeroTables(overrides: Partial<Record<TableNumber, Record<string, string>>> = {}): TableCells {
  const zeros = (t: TableNumber) => Object.fromEntries(TYPED_CELLS[t].map((c) => [c, "0"]));
  return { 2: { ...zeros(2), ...overrides[2] }, 3: { ...zeros(3), ...overrides[3] }, 4: { ...zeros(4), ...overrides[4] } };
}

const published = (version: number, tables: TableCells) => ({
  version,
  publishedAt: new Date("2026-02-01T00:00:00Z"),
  indexNumber: `X/2026-0000${version}`,
  figures: { cells: tables },
});

function row(name: string, report: SummaryOrganRow["report"], path: string[] = []): SummaryOrganRow {
  return { organId: `id-${name}`, name, code: `C${name.length}`, path, report };
}

describe("the 汇总's address", () => {
  it("takes a year from 2008 to next year, and says so in Chinese for anything else", () => {
    expect(readSummaryQuery({}, NOW)).toEqual({ ok: true, year: 2025, includeApproved: false, cell: null, includedPage: 1, missingPage: 1, cellPage: 1 });
    expect(readSummaryQuery({ year: "" }, NOW)).toMatchObject({ ok: true, year: 2025 });
    expect(readSummaryQuery({ year: "2008" }, NOW)).toMatchObject({ ok: true, year: 2008 });
    expect(readSummaryQuery({ year: "2027" }, NOW)).toMatchObject({ ok: true, year: 2027 });
    for (const year of ["2007", "2028", "abc", "2025.5", "-2025", "20255", " ", "２０２５"]) {
      expect(readSummaryQuery({ year }, NOW)).toEqual({ ok: false, message: "年度应为 2008 至 2027 年之间的年份。", includeApproved: false });
    }
    expect(readSummaryQuery({ year: ["2024", "2030"] }, NOW)).toMatchObject({ ok: true, year: 2024 });
  });

  it("counts approved reports only when asked, and lists a cell only when it is one of the form's", () => {
    expect(readSummaryQuery({ year: "2024", approved: "1", cell: "newRequests.natural" }, NOW)).toEqual({
      ok: true,
      year: 2024,
      includeApproved: true,
      cell: "newRequests.natural",
      includedPage: 1,
      missingPage: 1,
      cellPage: 1,
    });
    expect(readSummaryQuery({ approved: "yes", cell: "nonsense.cell" }, NOW)).toMatchObject({ includeApproved: false, cell: null });
    expect(readSummaryQuery({ cell: "resultsTotal.total" }, NOW)).toMatchObject({ cell: "resultsTotal.total" });
  });

  it("pages through the lists of organs (a province has thousands): malformed page numbers are the first page; the address keeps every choice", () => {
    expect(readSummaryQuery({ included: "3", missing: "2", cellPage: "5" }, NOW)).toMatchObject({ includedPage: 3, missingPage: 2, cellPage: 5 });
    for (const bad of ["0", "-1", "abc", "1.5", "999999999"])
      expect(readSummaryQuery({ included: bad, missing: bad, cellPage: bad }, NOW)).toMatchObject({ ok: true, includedPage: 1, missingPage: 1, cellPage: 1 });
    const query = { year: 2024, includeApproved: true, cell: "review.total", includedPage: 4, missingPage: 2, cellPage: 3 };
    const address = summaryQueryString(query);
    expect(address).toBe("?year=2024&approved=1&cell=review.total&included=4&missing=2&cellPage=3");
    expect(readSummaryQuery(Object.fromEntries(new URLSearchParams(address)), NOW)).toEqual({ ok: true, ...query });
    // A cell's page means nothing without the cell.
    expect(summaryQueryString({ year: 2024, includeApproved: false, cell: null, cellPage: 3 })).toBe("?year=2024");
    expect(summaryQueryString({ year: 2024, includeApproved: false, includedPage: 1, missingPage: 1, cellPage: 1 })).toBe("?year=2024");
  });
});

describe("which organs the 汇总 counts", () => {
  const a = zeroTables({ 3: { "disclosed.natural": "2", "newRequests.natural": "2" } });
  const b = zeroTables({ 3: { "disclosed.natural": "5", "newRequests.natural": "5" } });
  const c = zeroTables({ 3: { "disclosed.natural": "7", "newRequests.natural": "7" } });
  const rows: SummaryOrganRow[] = [
    row("已发布镇", { status: "PUBLISHED", withdrawn: false, published: published(2, a), approved: null }, ["某县"]),
    row("更正中镇", { status: "DRAFT", withdrawn: false, published: published(1, b), approved: null }),
    row("待发布更正镇", { status: "APPROVED", withdrawn: false, published: published(1, a), approved: { cells: c } }),
    row("待发布镇", { status: "APPROVED", withdrawn: false, published: null, approved: { cells: b } }),
    row("撤回镇", { status: "WITHDRAWN", withdrawn: true, published: null, approved: null }),
    row("草稿镇", { status: "DRAFT", withdrawn: false, published: null, approved: null }),
    row("审核镇", { status: "IN_REVIEW", withdrawn: false, published: null, approved: null }),
    row("无报告镇", null),
    row("坏数据镇", { status: "PUBLISHED", withdrawn: false, published: published(1, { ...a, 3: { ...a[3], "disclosed.natural": "/" } }), approved: null }),
  ];

  it("published reports by default, each with its newest published version; the rest listed with the reason", () => {
    const summary = buildSummary(rows, { includeApproved: false });
    expect(summary.included.map((o) => [o.name, o.source])).toEqual([
      ["已发布镇", "已发布（第 2 版）"],
      ["更正中镇", "已发布（第 1 版）"],
      ["待发布更正镇", "已发布（第 1 版）"],
    ]);
    expect(summary.missing.map((o) => [o.name, o.reason])).toEqual([
      ["待发布镇", "尚未发布（待发布）"],
      ["撤回镇", "已撤回"],
      ["草稿镇", "尚未发布（草稿）"],
      ["审核镇", "尚未发布（审核中）"],
      ["无报告镇", "未创建报告"],
      ["坏数据镇", "表格数据不完整（表三 （一）予以公开 / 自然人）"],
    ]);
    expect(summary.sum![3]["disclosed.natural"]).toBe("9");
    expect(summary.sum![3]["resultsTotal.total"]).toBe("9");
    expect(summary.included[0]!.path).toEqual(["某县"]);
    expect(valueOfCell(summary.included[0]!.values, 3, "disclosed.total")).toBe("2"); // each organ's totals, for the cell breakdown
  });

  it("approved ones too when asked: an approved correction counts with its new text", () => {
    const summary = buildSummary(rows, { includeApproved: true });
    expect(summary.included.map((o) => [o.name, o.source])).toEqual([
      ["已发布镇", "已发布（第 2 版）"],
      ["更正中镇", "已发布（第 1 版）"],
      ["待发布更正镇", "待发布的更正（已发布第 1 版）"],
      ["待发布镇", "待发布"],
    ]);
    expect(summary.sum![3]["disclosed.natural"]).toBe(String(2 + 5 + 7 + 5));
  });

  it("keeps the sum it was brought up to date from while the same figures are included, and adds up afresh otherwise", () => {
    const report = (tables: TableCells): SummaryOrganRow["report"] => {
      const read = readValues(tables);
      if (!read.ok) throw new Error("fixture");
      return { status: "PUBLISHED", withdrawn: false, published: { ...published(1, tables), figures: { values: read.values } }, approved: null };
    };
    const [ra, rb, rc] = [report(a), report(b), report(c)];
    const first = buildSummary([row("甲镇", ra), row("乙镇", rb)], { includeApproved: false });
    expect(first.sum![3]["disclosed.natural"]).toBe("7");
    // Renamed and reordered, the same reports: the same sum.
    const renamed = buildSummary([row("乙镇改", rb), row("甲镇", ra)], { includeApproved: false }, first);
    expect(renamed.sum).toBe(first.sum);
    expect(renamed.included.map((o) => o.name)).toEqual(["乙镇改", "甲镇"]);
    // Another report's figures, an organ more or one fewer: added up again.
    const fresh = (list: SummaryOrganRow[]) => buildSummary(list, { includeApproved: false }).sum;
    for (const list of [[row("甲镇", ra), row("乙镇", rc)], [row("甲镇", ra), row("乙镇", rb), row("丙镇", rc)], [row("甲镇", ra)]]) {
      const summary = buildSummary(list, { includeApproved: false }, renamed);
      expect(summary.sum).toEqual(fresh(list));
      expect(summary.sum).not.toEqual(first.sum);
    }
  });

  it("nothing to count: no sum", () => {
    expect(buildSummary([row("草稿镇", { status: "DRAFT", withdrawn: false, published: null, approved: null })], { includeApproved: true })).toMatchObject({
      included: [],
      sum: null,
    });
    expect(buildSummary([], { includeApproved: false })).toEqual({ included: [], missing: [], sum: null });
  });
});

describe("the 汇总's files", () => {
  const summary = buildSummary(
    [
      row("青石镇", {
        status: "PUBLISHED",
        withdrawn: false,
        published: published(1, zeroTables({ 2: { "fees.amount": "0.1" }, 3: { "newRequests.natural": "3", "disclosed.natural": "3" } })),
        approved: null,
      }),
      row(
        "=白沙镇",
        { status: "PUBLISHED", withdrawn: false, published: published(1, zeroTables({ 2: { "fees.amount": "0.2" }, 4: { "review.pending": "4" } })), approved: null },
        ["某县"],
      ),
      row("江南街道", null),
    ],
    { includeApproved: false },
  );
  const input: SummaryFileInput = { organName: "云溪市", year: 2025, includeApproved: false, ...summary };
  const empty: SummaryFileInput = { organName: "云溪市", year: 2025, includeApproved: false, included: [], missing: [], sum: null };

  it("CSV: the sums in the form's reading order with the official labels, quoted; headers only when nothing is counted", () => {
    const csv = summaryCsv(input);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const lines = csv.slice(1).trimEnd().split("\r\n");
    expect(lines[0]).toBe('"表格","项目","合计"');
    expect(lines).toHaveLength(1 + ALL_CELLS[2].length + ALL_CELLS[3].length + ALL_CELLS[4].length);
    expect(lines).toContain('"表二","行政事业性收费 / 本年收费金额（单位：万元）","0.3"');
    expect(lines).toContain('"表三","一、本年新收政府信息公开申请数量 / 总计","3"');
    expect(lines).toContain('"表四","行政复议 / 总计","4"');
    expect(summaryCsv(empty)).toBe('\uFEFF"表格","项目","合计"\r\n');
  });

  async function parse(bytes: Uint8Array) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    return workbook;
  }
  /** The numbers of a sheet in reading order, each merged range once. */
  const numbers = (sheet: ExcelJS.Worksheet) => {
    const values: number[] = [];
    sheet.eachRow((r) => r.eachCell((cell) => void (typeof cell.value === "number" && cell.master.address === cell.address && values.push(cell.value))));
    return values;
  };

  it("Excel: one sheet per table with the form's merged headers, the sums as numbers in reading order, and the organs included and missing", async () => {
    const workbook = await parse(await summaryXlsx(input));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["表二", "表三", "表四", "机关名单"]);
    for (const table of [2, 3, 4] as TableNumber[]) {
      const sheet = workbook.getWorksheet(`表${"二三四"[table - 2]}`)!;
      expect(numbers(sheet)).toEqual(valueCells(TABLE_LAYOUTS[table]).map((c) => Number(summary.sum![table][c.cell])));
      // Every spanning label of the layout is one merged range of its size, holding its text.
      const merges: string[] = (sheet as unknown as { model: { merges: string[] } }).model.merges;
      const spanning = layoutRows(TABLE_LAYOUTS[table]).flatMap((r) => r.cells.filter((c) => c.kind === "label" && ((c.rowSpan ?? 1) > 1 || (c.colSpan ?? 1) > 1)));
      const valueSpans = valueCells(TABLE_LAYOUTS[table]).filter((c) => (c.colSpan ?? 1) > 1);
      expect(merges).toHaveLength(2 + spanning.length + valueSpans.length); // two title rows
      for (const label of spanning) {
        if (label.kind !== "label") continue;
        const range = merges.find((m) => sheet.getCell(m.split(":")[0]!).value === label.text);
        expect(range, label.text).toBeDefined();
        const [from, to] = range!.split(":").map((a) => sheet.getCell(a!));
        expect([Number(to!.row) - Number(from!.row) + 1, Number(to!.col) - Number(from!.col) + 1]).toEqual([label.rowSpan ?? 1, label.colSpan ?? 1]);
      }
    }
    const t3 = workbook.getWorksheet("表三")!;
    expect(t3.getCell("D4").value).toBe("申请人情况");
    expect(t3.getCell("A1").value).toBe("云溪市2025年度汇总 · 表三 收到和处理政府信息公开申请情况");
    expect(workbook.getWorksheet("表二")!.getCell("A2").value).toBe("云溪市所属机关 2025 年度汇总：纳入 2 个机关（已发布的报告），未纳入 1 个");
    expect(numbers(workbook.getWorksheet("表二")!)).toContain(0.3);

    const organs: unknown[][] = [];
    // An empty text is an empty cell.
    workbook.getWorksheet("机关名单")!.eachRow((r) => organs.push(Array.from({ length: 6 }, (_, i) => r.getCell(i + 1).value ?? "")));
    expect(organs.slice(2)).toEqual([
      ["机关", "上级机关", "机关代码", "是否纳入汇总", "情况", "索引号"],
      ["青石镇", "", "C3", "纳入", "已发布（第 1 版）", "X/2026-00001"],
      ["=白沙镇", "某县", "C4", "纳入", "已发布（第 1 版）", "X/2026-00001"],
      ["江南街道", "", "C4", "未纳入", "未创建报告", ""],
    ]);
    // Text is written as text: a name starting with "=" is no formula.
    expect(workbook.getWorksheet("机关名单")!.getCell("A5").type).toBe(ExcelJS.ValueType.String);
    // The list's header stays in view, its columns wide enough, its header bold; the forms' label columns wide.
    expect(workbook.getWorksheet("机关名单")!.views[0]).toMatchObject({ state: "frozen", ySplit: 4 });
    expect(workbook.getWorksheet("机关名单")!.getColumn(5).width).toBe(36);
    expect(workbook.getWorksheet("机关名单")!.getCell("A4").font?.bold).toBe(true);
    expect(t3.getColumn(3).width).toBe(44);
    expect(t3.getCell("D4").border?.top?.style).toBe("thin");
  });

  it("Excel with nothing counted: the headers only, no number anywhere", async () => {
    const workbook = await parse(await summaryXlsx(empty));
    for (const sheet of workbook.worksheets) expect(numbers(sheet)).toEqual([]);
    expect(workbook.getWorksheet("表三")!.getCell("D4").value).toBe("申请人情况");
    expect(workbook.getWorksheet("机关名单")!.rowCount).toBe(4);
  });

  it("each organ's values in the breakdown are its own, totals included", () => {
    expect(summary.included.map((o) => valueOfCell(o.values, 4, "review.total"))).toEqual(["0", "4"]);
    expect(summary.included.map((o) => valueOfCell(o.values, 2, "fees.amount"))).toEqual(["0.1", "0.2"]);
  });
});
