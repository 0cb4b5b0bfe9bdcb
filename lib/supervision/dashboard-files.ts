import "server-only";
import ExcelJS from "exceljs";
import { ORGAN_KIND_LABELS } from "@/lib/domain/organ-kinds";
import { csvDocument } from "@/lib/csv";
import { formatDateTime, formatDeadline } from "@/lib/format-time";
import type { OrganProgress } from "./organ-progress";

const COLUMNS: Array<{ header: string; width: number; value: (r: OrganProgress) => string | number }> = [
  { header: "机关", width: 24, value: (r) => r.organName },
  { header: "上级机关", width: 24, value: (r) => r.path.join(" › ") },
  { header: "类型", width: 8, value: (r) => ORGAN_KIND_LABELS[r.organKind] },
  { header: "状态", width: 22, value: (r) => r.statusText },
  { header: "经办", width: 14, value: (r) => r.holder },
  { header: "截止日期", width: 14, value: (r) => formatDeadline(r.deadline) },
  { header: "截止情况", width: 16, value: (r) => r.deadlineText },
  { header: "检查错误", width: 10, value: (r) => r.checkErrors ?? "" },
  { header: "检查提醒", width: 10, value: (r) => r.checkWarnings ?? "" },
  { header: "首次发布", width: 18, value: (r) => (r.firstPublishedAt ? formatDateTime(r.firstPublishedAt) : "") },
  { header: "版本", width: 6, value: (r) => r.latestVersion ?? "" },
  { header: "撤回", width: 18, value: (r) => (r.withdrawnAt ? formatDateTime(r.withdrawnAt) : "") },
  { header: "最近催办", width: 18, value: (r) => (r.lastReminderAt ? formatDateTime(r.lastReminderAt) : "") },
];

/** The dashboard's rows as CSV (UTF-8 with BOM, so Excel reads Chinese; spreadsheet formulas neutralised). */
export function dashboardCsv(rows: OrganProgress[]): string {
  return csvDocument([COLUMNS.map((c) => c.header), ...rows.map((r) => COLUMNS.map((c) => c.value(r)))]);
}

/** The same as an Excel workbook. */
export async function dashboardXlsx(rows: OrganProgress[], title: string): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("进度");
  sheet.columns = COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) {
    // A leading = or + in an organ's name is text, never a formula: cells are written as values.
    sheet.addRow(COLUMNS.map((c) => c.value(r)));
  }
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  workbook.title = title;
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
