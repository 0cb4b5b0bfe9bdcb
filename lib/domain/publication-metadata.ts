// The publication metadata a disclosure platform shows above a report (report-format.md §8):
// 索引号, 发布机构, 公开方式, 发文日期, 组配分类, 文件编号. The rules on what a 发布人 may enter, and
// the platform's 索引号 `{organ code}/{year of 发文日期}-{serial}`. Pure; browser-safe.
import { CHINA_OFFSET_MS } from "./report-progress";

export const DISCLOSURE_METHOD = "主动公开";
export const CATEGORY = "政府信息公开工作报告";
/** The platform's serial is zero-padded to five digits (a larger one keeps all its digits). */
export const SERIAL_DIGITS = 5;
export const MAX_SERIAL = 9_999_999;
export const INDEX_NUMBER_MAX_LENGTH = 60;
export const DOCUMENT_NUMBER_MAX_LENGTH = 60;

export type PublicationMetadata = {
  indexNumber: string;
  organName: string;
  /** 发文日期, YYYY-MM-DD (China's calendar). */
  issuedOn: string;
  /** 文件编号; empty when there is none (usual for an annual report). */
  documentNumber: string;
};

/** The block in the platforms' order, as label and value (the public page, Word, CSV and JSON all print it). */
export function metadataRows(m: PublicationMetadata): Array<{ key: string; label: string; value: string }> {
  return [
    { key: "indexNumber", label: "索引号", value: m.indexNumber },
    { key: "organ", label: "发布机构", value: m.organName },
    { key: "disclosureMethod", label: "公开方式", value: DISCLOSURE_METHOD },
    { key: "issuedOn", label: "发文日期", value: m.issuedOn },
    { key: "category", label: "组配分类", value: CATEGORY },
    { key: "documentNumber", label: "文件编号", value: m.documentNumber },
  ];
}

/** The calendar day of a moment in China (Asia/Shanghai), as YYYY-MM-DD (by arithmetic: a time-zone formatter per report cost a province's open-data files tens of milliseconds). */
export const chinaDateOf = (at: Date): string => new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);

/** Whether a YYYY-MM-DD string names a real day. */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export const yearOfDate = (date: string) => Number(date.slice(0, 4));

/** "2025年1月16日" for a YYYY-MM-DD day. */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}

/**
 * What is wrong with a 发文日期, or null: not in the future (China's today), not before the day
 * the final stage approved the text.
 */
export function issuedOnProblem(issuedOn: string, bounds: { today: string; approvedOn: string }): string | null {
  if (!isCalendarDate(issuedOn)) return "请填写有效的发文日期（年-月-日）。";
  if (issuedOn > bounds.today) return `发文日期不能晚于今天（${chineseDate(bounds.today)}）。`;
  if (issuedOn < bounds.approvedOn) return `发文日期不能早于终审通过的日期（${chineseDate(bounds.approvedOn)}）。`;
  return null;
}

/** The platform's 索引号 for a serial. */
export function platformIndexNumber(organCode: string, year: number, serial: number): string {
  return `${organCode}/${year}-${String(serial).padStart(SERIAL_DIGITS, "0")}`;
}

/**
 * What is wrong with a 索引号 another platform allocated, or null. Platforms differ in layout
 * (`001008004005097/2025-01220`, `11330521MB1957874K/2025-00023`, `FJ00142-0200-2025-00009`), so
 * the check is of shape, not of one layout: letters, digits and the separators / - _ . only, and
 * the year of the 发文日期 in it as a number of its own (the 索引号's year is that year).
 */
export function externalIndexNumberProblem(value: string, issuedYear: number): string | null {
  if (value === "") return "请填写其他平台分配的索引号。";
  if (value.length > INDEX_NUMBER_MAX_LENGTH) return `索引号不能超过 ${INDEX_NUMBER_MAX_LENGTH} 个字符。`;
  if (/[\uFF01-\uFF5E\u3000]/.test(value)) return "索引号应使用半角字母、数字和符号，请不要使用全角字符。";
  if (!/^[0-9A-Za-z][0-9A-Za-z/_.-]*[0-9A-Za-z]$/.test(value)) return "索引号只能包含字母、数字和“/”“-”“_”“.”，并以字母或数字开头和结尾。";
  if (!/[0-9A-Za-z]+[/_.-]/.test(value) || !/\d/.test(value)) return "索引号格式不对：应由机关代码、年份和顺序号组成，如 001008004005097/2025-01220。";
  const years: string[] = value.match(/(?<!\d)\d{4}(?!\d)/g) ?? [];
  if (!years.includes(String(issuedYear))) return `索引号中应有发文日期的年份 ${issuedYear}（如 …/${issuedYear}-00001）。`;
  return null;
}

/** The metadata block of a published version from its snapshot (early snapshots: 发文日期 the day of publication, no 文件编号). */
export function snapshotMetadata(snapshot: {
  indexNumber: string;
  organ: { name: string };
  publishedAt: string;
  issuedOn?: string;
  documentNumber?: string | null;
}): PublicationMetadata {
  return {
    indexNumber: snapshot.indexNumber,
    organName: snapshot.organ.name,
    issuedOn: snapshot.issuedOn ?? chinaDateOf(new Date(snapshot.publishedAt)),
    documentNumber: snapshot.documentNumber ?? "",
  };
}
