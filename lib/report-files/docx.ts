// The report as a Word document laid out like the official one: title, the six
// sections, and tables 2–4 with their merged headers. No Next or Prisma imports.
import {
  AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType,
  type ITableCellOptions,
} from "docx";
import { withComputedTotals } from "@/lib/report-format/cells";
import { paragraphsOf, type ReportSections, type TableContent } from "@/lib/report-format/content";
import {
  SECTION_KEYS, SECTION_TABLE, SECTION_TITLES, TABLE2_BLOCKS, TABLE3_COLUMNS, TABLE3_HEADER_NOTE, TABLE3_RESULTS_HEADING,
  TABLE3_ROWS, TABLE3_SUBGROUPS, TABLE4_BLOCKS, TABLE4_COLUMNS,
} from "@/lib/report-format/format";

// Official documents: 仿宋 三号 body, 黑体 headings, 小标宋 title (宋体 as the common fallback).
const BODY = { font: "仿宋_GB2312", size: 32 };
const HEADING = { font: "黑体", size: 32 };
const TITLE = { font: "方正小标宋简体", size: 44 };
const TABLE_TEXT = { font: "宋体", size: 21 };
const border = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
const borders = { top: border, bottom: border, left: border, right: border };

function cell(text: string, options: Omit<ITableCellOptions, "children"> = {}, bold = false) {
  return new TableCell({
    borders,
    verticalAlign: VerticalAlign.CENTER,
    ...options,
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, bold, ...TABLE_TEXT })] })],
  });
}

const fullWidth = { size: 100, type: WidthType.PERCENTAGE };

function table2(cells: Record<string, string>) {
  const rows: TableRow[] = [];
  for (const block of TABLE2_BLOCKS) {
    rows.push(new TableRow({ children: [cell(block.caption, { columnSpan: 4 }, true)] }));
    const span = block.columns.length === 1 ? 3 : 1;
    rows.push(new TableRow({ children: [cell("信息内容", {}, true), ...block.columns.map((c) => cell(c.label, { columnSpan: span }, true))] }));
    for (const r of block.rows) {
      rows.push(new TableRow({ children: [cell(r.label), ...block.columns.map((c) => cell(cells[`${r.key}.${c.key}`] ?? "", { columnSpan: span }))] }));
    }
  }
  return new Table({ width: fullWidth, rows });
}

function table3(cells: Record<string, string>) {
  const header = [
    new TableRow({ children: [cell(TABLE3_HEADER_NOTE, { rowSpan: 3, columnSpan: 3 }), cell("申请人情况", { columnSpan: 7 }, true)] }),
    new TableRow({
      children: [cell("自然人", { rowSpan: 2 }, true), cell("法人或其他组织", { columnSpan: 5 }, true), cell("总计", { rowSpan: 2 }, true)],
    }),
    new TableRow({ children: TABLE3_COLUMNS.slice(1, 6).map((c) => cell(c.label, {}, true)) }),
  ];
  const results = TABLE3_ROWS.filter((r) => r.group === "results");
  const body = TABLE3_ROWS.map((row) => {
    const labels: TableCell[] = [];
    if (!row.group) labels.push(cell(row.label, { columnSpan: 3 }));
    else {
      if (row === results[0]) labels.push(cell(TABLE3_RESULTS_HEADING, { rowSpan: results.length }));
      if (!row.subgroup) labels.push(cell(row.label, { columnSpan: 2 }));
      else {
        const members = TABLE3_ROWS.filter((r) => r.subgroup === row.subgroup);
        if (members[0] === row) labels.push(cell(TABLE3_SUBGROUPS[row.subgroup]!, { rowSpan: members.length }));
        labels.push(cell(row.label));
      }
    }
    return new TableRow({ children: [...labels, ...TABLE3_COLUMNS.map((c) => cell(cells[`${row.key}.${c.key}`] ?? ""))] });
  });
  return new Table({ width: fullWidth, rows: [...header, ...body] });
}

function table4(cells: Record<string, string>) {
  return new Table({
    width: fullWidth,
    rows: [
      new TableRow({ children: [cell("行政复议", { columnSpan: 5, rowSpan: 2 }, true), cell("行政诉讼", { columnSpan: 10 }, true)] }),
      new TableRow({ children: [cell("未经复议直接起诉", { columnSpan: 5 }, true), cell("复议后起诉", { columnSpan: 5 }, true)] }),
      new TableRow({ children: TABLE4_BLOCKS.flatMap(() => TABLE4_COLUMNS.map((c) => cell(c.label, {}, true))) }),
      new TableRow({ children: TABLE4_BLOCKS.flatMap((b) => TABLE4_COLUMNS.map((c) => cell(cells[`${b.key}.${c.key}`] ?? ""))) }),
    ],
  });
}

const bodyParagraph = (text: string, bold = false) =>
  new Paragraph({ indent: { firstLine: 640 }, spacing: { line: 560 }, children: [new TextRun({ text, bold, ...BODY })] });

export async function reportToDocx(report: { title: string; sections: ReportSections }): Promise<Buffer> {
  const sections = withComputedTotals(report.sections);
  const children: Array<Paragraph | Table> = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 400 }, children: [new TextRun({ text: report.title, ...TITLE })] }),
  ];
  for (const key of SECTION_KEYS) {
    children.push(new Paragraph({ spacing: { before: 200, line: 560 }, indent: { firstLine: 640 }, children: [new TextRun({ text: SECTION_TITLES[key], ...HEADING })] }));
    const content = sections[key];
    if (content.kind === "narrative") {
      for (const p of paragraphsOf(content.text)) children.push(bodyParagraph(p.text, p.kind === "heading"));
      continue;
    }
    const table = content as TableContent;
    const number = SECTION_TABLE[key];
    children.push(number === 2 ? table2(table.cells) : number === 3 ? table3(table.cells) : table4(table.cells));
    if (table.note.trim()) for (const p of paragraphsOf(table.note)) children.push(bodyParagraph(p.text));
  }
  const document = new Document({
    title: report.title,
    sections: [{ properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } } }, children }],
  });
  return Packer.toBuffer(document);
}
