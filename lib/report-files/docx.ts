// The report as a Word document laid out like the official one: title, the 引言 (when there
// is one), the six sections, and tables 2–4 with their merged headers (from lib/report-format/table-layouts).
// No Next or Prisma imports.
import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType, type ITableCellOptions } from "docx";
import { chineseDate, metadataRows, type PublicationMetadata } from "@/lib/domain/publication-metadata";
import { withComputedTotals } from "@/lib/report-format/cells";
import { paragraphsOf, type ReportSections, type TableContent } from "@/lib/report-format/content";
import { NUMBERED_SECTION_KEYS, SECTION_TABLE, SECTION_TITLES } from "@/lib/report-format/format";
import { layoutRows, TABLE_LAYOUTS, type TableLayout } from "@/lib/report-format/table-layouts";

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

/** A table from its layout: header labels (those naming columns) in bold, row labels plain, cells as typed (totals computed). */
function formTable(layout: TableLayout, cells: Record<string, string>) {
  return new Table({
    width: fullWidth,
    rows: layoutRows(layout).map(
      (row) =>
        new TableRow({
          children: row.cells.map((c) =>
            c.kind === "label"
              ? cell(c.text, { rowSpan: c.rowSpan, columnSpan: c.colSpan }, c.scope === "col" || c.scope === "colgroup")
              : cell(cells[c.cell] ?? "", { columnSpan: c.colSpan }),
          ),
        }),
    ),
  });
}

const bodyParagraph = (text: string, bold = false) => new Paragraph({ indent: { firstLine: 640 }, spacing: { line: 560 }, children: [new TextRun({ text, bold, ...BODY })] });

/** The platforms' metadata block above a published report: three rows of two label–value pairs. */
function metadataTable(metadata: PublicationMetadata) {
  const rows = metadataRows(metadata).map((r) => ({ ...r, value: r.key === "issuedOn" ? chineseDate(r.value) : r.value }));
  const pairs = [rows.slice(0, 2), rows.slice(2, 4), rows.slice(4, 6)];
  const small = (text: string, bold = false) => new TableCell({ borders, children: [new Paragraph({ children: [new TextRun({ text, bold, ...TABLE_TEXT })] })] });
  return new Table({
    width: fullWidth,
    rows: pairs.map((pair) => new TableRow({ children: pair.flatMap((r) => [small(r.label, true), small(r.value)]) })),
  });
}

/** The report as Word; a published version carries its metadata block (索引号, 发文日期 …) above the title. */
export async function reportToDocx(report: { title: string; sections: ReportSections; metadata?: PublicationMetadata }): Promise<Buffer> {
  const sections = withComputedTotals(report.sections);
  const children: Array<Paragraph | Table> = report.metadata ? [metadataTable(report.metadata), new Paragraph({ children: [] })] : [];
  children.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 400 }, children: [new TextRun({ text: report.title, ...TITLE })] }));
  // The 引言, when there is one, opens the report without a heading, as in the official documents.
  if (sections.intro.kind === "narrative") for (const p of paragraphsOf(sections.intro.text)) children.push(bodyParagraph(p.text, p.kind === "heading"));
  for (const key of NUMBERED_SECTION_KEYS) {
    children.push(new Paragraph({ spacing: { before: 200, line: 560 }, indent: { firstLine: 640 }, children: [new TextRun({ text: SECTION_TITLES[key], ...HEADING })] }));
    const content = sections[key];
    if (content.kind === "narrative") {
      for (const p of paragraphsOf(content.text)) children.push(bodyParagraph(p.text, p.kind === "heading"));
      continue;
    }
    const table = content as TableContent;
    children.push(formTable(TABLE_LAYOUTS[SECTION_TABLE[key]!], table.cells));
    if (table.note.trim()) for (const p of paragraphsOf(table.note)) children.push(bodyParagraph(p.text));
  }
  const document = new Document({
    title: report.title,
    sections: [{ properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } } }, children }],
  });
  return Packer.toBuffer(document);
}
