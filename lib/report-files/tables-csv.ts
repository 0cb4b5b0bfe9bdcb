// The tables of a published report as CSV: its metadata block, then one line per cell of the
// form, in its reading order (lib/report-format/table-layouts), with the official labels. Pure.
import { metadataRows, type PublicationMetadata } from "@/lib/domain/publication-metadata";
import { withComputedTotals } from "@/lib/report-format/cells";
import type { ReportSections } from "@/lib/report-format/content";
import { TABLE_SECTION, type TableNumber } from "@/lib/report-format/format";
import { TABLE_LAYOUTS, valueCells } from "@/lib/report-format/table-layouts";
import { csvDocument } from "@/lib/csv";

/** The tables' cells, after the metadata block (rows "发布信息", one per field, the date as YYYY-MM-DD). */
export function publicationCsv(sections: ReportSections, metadata?: PublicationMetadata): string {
  const full = withComputedTotals(sections);
  const rows: string[][] = [["表格", "项目", "单元格", "数值"]];
  if (metadata) for (const row of metadataRows(metadata)) rows.push(["发布信息", row.label, row.key, row.value]);
  for (const table of [2, 3, 4] as TableNumber[]) {
    const content = full[TABLE_SECTION[table]];
    if (content.kind !== "table") continue;
    for (const { cell, label } of valueCells(TABLE_LAYOUTS[table])) {
      const [tableName, ...rest] = label.split(" ");
      rows.push([tableName!, rest.join(" "), cell, content.cells[cell] ?? ""]);
    }
  }
  return csvDocument(rows);
}
