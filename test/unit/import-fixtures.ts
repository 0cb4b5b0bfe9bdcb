// Report files made by the tests: Word documents built with the `docx` package (the official
// layout and variants) and pages in the styles of a few disclosure platforms.
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from "docx";
import iconv from "iconv-lite";
import { withComputedTotals } from "@/lib/report-format/cells";
import type { ReportSections, TableContent } from "@/lib/report-format/content";
import { NUMBERED_SECTION_KEYS, SECTION_TABLE, SECTION_TITLES, TABLE_SECTION, type TableNumber } from "@/lib/report-format/format";
import { layoutRows, TABLE_LAYOUTS } from "@/lib/report-format/table-layouts";

export type FixtureCell = { text: string; colSpan?: number; rowSpan?: number };
export type FixtureTable = { rows: FixtureCell[][] };
export type FixturePart = string | FixtureTable;

/** A table as the official form lays it out, with the given cells (totals computed). */
export function officialTable(table: TableNumber, sections: ReportSections): FixtureTable {
  const cells = (withComputedTotals(sections)[TABLE_SECTION[table]] as TableContent).cells;
  return {
    rows: layoutRows(TABLE_LAYOUTS[table]).map((row) =>
      row.cells.map((c) => (c.kind === "label" ? { text: c.text, rowSpan: c.rowSpan, colSpan: c.colSpan } : { text: cells[c.cell] ?? "", colSpan: c.colSpan })),
    ),
  };
}

/** The parts of a report in the official order: title, intro, each heading, its text or table. */
export function reportParts(options: { title: string; intro?: string; sections: ReportSections; titles?: Partial<Record<string, string>> }): FixturePart[] {
  const parts: FixturePart[] = [options.title];
  if (options.intro) parts.push(...options.intro.split("\n"));
  for (const key of NUMBERED_SECTION_KEYS) {
    parts.push(options.titles?.[key] ?? SECTION_TITLES[key]);
    const content = options.sections[key];
    if (content.kind === "narrative") parts.push(...content.text.split("\n").filter(Boolean));
    else {
      parts.push(officialTable(SECTION_TABLE[key]!, options.sections));
      if (content.note) parts.push(...content.note.split("\n"));
    }
  }
  return parts;
}

export async function docxOf(parts: FixturePart[]): Promise<Uint8Array> {
  const children = parts.map((part) =>
    typeof part === "string"
      ? new Paragraph({ children: [new TextRun(part)] })
      : new Table({
          rows: part.rows.map(
            (row) =>
              new TableRow({
                children: row.map((c) => new TableCell({ rowSpan: c.rowSpan, columnSpan: c.colSpan, children: [new Paragraph(c.text)] })),
              }),
          ),
        }),
  );
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));
}

const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export function tableHtml(table: FixtureTable): string {
  const rows = table.rows.map(
    (row) =>
      `<tr>${row.map((c) => `<td${c.rowSpan ? ` rowspan="${c.rowSpan}"` : ""}${c.colSpan ? ` colspan="${c.colSpan}"` : ""}><p><span>${escape(c.text)}</span></p></td>`).join("")}</tr>`,
  );
  return `<table border="1" cellspacing="0"><tbody>${rows.join("\n")}</tbody></table>`;
}

/** A table flattened into text, one row a line with cells separated by "|", as some platforms print them. */
export function flattenedHtml(table: FixtureTable): string {
  return table.rows.map((row) => `<p>${escape(row.map((c) => c.text).join(" | "))}</p>`).join("\n");
}

/** A page as a county platform prints it: site header and navigation, a metadata table, the report in an editor's div, a footer. */
export function platformPage(options: { parts: FixturePart[]; charset?: string | null; style: "table-meta" | "line-meta"; flatten?: boolean }): string {
  const meta =
    options.style === "table-meta"
      ? `<table class="xxgk_table"><tr><td>索引号：</td><td>001008004005097/2025-01220</td><td>组配分类：</td><td>政府信息公开工作报告</td></tr>
<tr><td>发布机构：</td><td>洲泉镇</td><td>公开方式：</td><td>主动公开</td></tr>
<tr><td>发文日期：</td><td>2025-01-16</td><td>文件编号：</td><td></td></tr></table>`
      : `<div class="info"><span>索引号：11330483002566044K/2025-00012</span> <span>发布机构：洲泉镇人民政府</span><br/><span>发文日期：2025年01月16日</span>　<span>文件编号：洲政〔2025〕3号</span></div>`;
  const body = options.parts
    .slice(1)
    .map((part) => (typeof part === "string" ? `<p style="text-indent:2em">${escape(part)}</p>` : options.flatten ? flattenedHtml(part) : tableHtml(part)))
    .join("\n");
  const charset = options.charset === null ? "" : `<meta charset="${options.charset ?? "utf-8"}">`;
  return `<!DOCTYPE html><html><head>${charset}<title>桐乡市人民政府</title><script>var a = "一、总体情况";</script><style>p{}</style></head>
<body><div class="header">桐乡市人民政府 <a href="/">首页</a> <a href="/zwgk">政务公开</a></div>
<div class="crumb">当前位置：首页 &gt; 政府信息公开 &gt; 年度报告</div>
${options.style === "table-meta" ? meta : ""}
<div class="article"><h1>${escape(typeof options.parts[0] === "string" ? options.parts[0] : "")}</h1>${options.style === "line-meta" ? meta : ""}
<div class="TRS_Editor">${body}</div></div>
<div class="share">【打印本页】【关闭窗口】</div>
<div class="footer">主办单位：桐乡市人民政府办公室 网站标识码：3304830001 浙ICP备05000000号</div></body></html>`;
}

export function gbk(text: string): Uint8Array {
  return new Uint8Array(iconv.encode(text, "gbk"));
}
