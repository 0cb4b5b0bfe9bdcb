// The 汇总 as files: an Excel workbook laid out like the official tables (one sheet per table with
// the form's merged headers from lib/report-format/table-layouts, and a sheet listing the organs
// included and missing), and a CSV of the sums in the form's reading order. With no organ
// included, both carry their headers only. No Next or Prisma imports.
//
// exceljs writes .xlsx with merged cells, borders and column widths, which the official headers
// need; it is maintained and published to npm (SheetJS's community build lacks styles and is no
// longer published there).
import { PassThrough } from "node:stream";
import { buffer } from "node:stream/consumers";
import ExcelJS from "exceljs";
import { layoutRows, TABLE_LAYOUTS, valueCells, type TableLayout } from "@/lib/report-format/table-layouts";
import { SUMMED_TABLES, type TableCells } from "@/lib/report-format/sum-tables";
import { summaryHeadline, type IncludedOrgan, type MissingOrgan } from "@/lib/supervision/summary";
import { csvDocument } from "@/lib/csv";

export type SummaryFileInput = {
  organName: string;
  year: number;
  includeApproved: boolean;
  included: ReadonlyArray<IncludedOrgan>;
  missing: ReadonlyArray<MissingOrgan>;
  sum: TableCells | null;
};

export const summaryFileName = (input: Pick<SummaryFileInput, "organName" | "year">, ext: string) => `${input.organName}${input.year}年度汇总.${ext}`;

/** The sums, one line per cell of the form in its reading order; headers only when no organ is included. */
export function summaryCsv(input: SummaryFileInput): string {
  const rows = [["表格", "项目", "合计"]];
  if (input.sum) {
    for (const table of SUMMED_TABLES) {
      for (const { cell, label } of valueCells(TABLE_LAYOUTS[table])) {
        const [tableName, ...rest] = label.split(" ");
        rows.push([tableName!, rest.join(" "), input.sum[table][cell] ?? ""]);
      }
    }
  }
  return csvDocument(rows);
}

const FONT = { name: "宋体", size: 10.5 };
const THIN = { style: "thin" as const, color: { argb: "FF000000" } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const SHEET_NAMES: Record<2 | 3 | 4, string> = { 2: "表二", 3: "表三", 4: "表四" };
// Label columns wide enough for the form's longest labels; the value columns narrow.
const COLUMN_WIDTHS: Record<2 | 3 | 4, number[]> = { 2: [22, 18, 18, 18], 3: [10, 12, 44], 4: [] };

/** Lays the table's rows onto the sheet from `top`, merging what the form merges; returns the row after it. */
function writeTable(sheet: ExcelJS.Worksheet, layout: TableLayout, cells: Record<string, string> | null, top: number) {
  const taken = new Set<string>(); // "row:column" covered by a merge from an earlier cell
  layoutRows(layout).forEach((row, i) => {
    const r = top + i;
    let c = 1;
    for (const cell of row.cells) {
      while (taken.has(`${r}:${c}`)) c++;
      const rowSpan = cell.kind === "label" ? (cell.rowSpan ?? 1) : 1;
      const colSpan = cell.colSpan ?? 1;
      const target = sheet.getCell(r, c);
      if (cell.kind === "label") {
        target.value = cell.text;
        target.font = { ...FONT, bold: cell.scope === "col" || cell.scope === "colgroup" };
        target.alignment = { vertical: "middle", horizontal: cell.scope === "row" ? "left" : "center", wrapText: true };
      } else {
        const text = cells?.[cell.cell];
        // Counts and the fee as numbers, so that the sheet adds them up; nothing at all with no organ included.
        target.value = text === undefined || text === "" ? null : Number(text);
        target.font = { ...FONT, bold: row.isTotal === true };
        target.alignment = { vertical: "middle", horizontal: "center" };
      }
      for (let dr = 0; dr < rowSpan; dr++) {
        for (let dc = 0; dc < colSpan; dc++) {
          taken.add(`${r + dr}:${c + dc}`);
          sheet.getCell(r + dr, c + dc).border = BORDER;
        }
      }
      if (rowSpan > 1 || colSpan > 1) sheet.mergeCells(r, c, r + rowSpan - 1, c + colSpan - 1);
      c += colSpan;
    }
  });
  return top + layoutRows(layout).length;
}

function titleRows(sheet: ExcelJS.Worksheet, width: number, title: string, headline: string) {
  sheet.getCell(1, 1).value = title;
  sheet.getCell(1, 1).font = { ...FONT, size: 14, bold: true };
  sheet.getCell(1, 1).alignment = { horizontal: "center" };
  sheet.mergeCells(1, 1, 1, width);
  sheet.getCell(2, 1).value = headline;
  sheet.getCell(2, 1).font = FONT;
  sheet.mergeCells(2, 1, 2, width);
}

/**
 * The workbook, written by exceljs's streaming writer: a province's organ list is 5,000 rows, which
 * the in-memory workbook took about 200 ms to write and the streaming writer (no shared strings)
 * about 100. Its order is the file's: column widths and the frozen header before any row is committed.
 */
export async function summaryXlsx(input: SummaryFileInput): Promise<Uint8Array<ArrayBuffer>> {
  const stream = new PassThrough();
  const written = buffer(stream); // every byte, once the writer ends the stream
  // Fast compression: the file is built on every download, and the best level took longer for a few kilobytes less.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false, zip: { zlib: { level: 1 } } });
  workbook.creator = "年报工作台";
  const headline = summaryHeadline(input);
  for (const table of SUMMED_TABLES) {
    const layout = TABLE_LAYOUTS[table];
    const sheet = workbook.addWorksheet(SHEET_NAMES[table]);
    for (let c = 1; c <= layout.width; c++) sheet.getColumn(c).width = COLUMN_WIDTHS[table][c - 1] ?? 11;
    titleRows(sheet, layout.width, `${input.organName}${input.year}年度汇总 · ${layout.title}`, headline);
    writeTable(sheet, layout, input.sum ? input.sum[table] : null, 4);
    sheet.commit();
  }
  const header = ["机关", "上级机关", "机关代码", "是否纳入汇总", "情况", "索引号"];
  const organs = workbook.addWorksheet("机关名单", { views: [{ state: "frozen", ySplit: 4 }] });
  [20, 24, 20, 14, 36, 28].forEach((width, i) => (organs.getColumn(i + 1).width = width));
  titleRows(organs, header.length, `${input.organName}${input.year}年度汇总 · 纳入和未纳入的机关`, headline);
  organs.addRow([]);
  const headerRow = organs.addRow(header); // row 4, frozen above
  headerRow.font = { ...FONT, bold: true };
  // No font set on each row (on a province's 5,000 rows that took a third of the file's time): the organs are in the workbook's default font.
  for (const o of input.included) organs.addRow([o.name, o.path.join(" › "), o.code, "纳入", o.source, o.indexNumber ?? ""]).commit();
  for (const o of input.missing) organs.addRow([o.name, o.path.join(" › "), o.code, "未纳入", o.reason, ""]).commit();
  organs.commit();
  await workbook.commit();
  return Uint8Array.from(await written);
}
