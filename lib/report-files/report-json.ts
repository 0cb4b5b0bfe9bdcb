// The report as a JSON file: schema "nianbao.report/2" (documented in docs/report-json.md); files
// of "nianbao.report/1" (before the 引言) are still read.
// Exports carry every cell of the official form, totals included. Reading reports every
// structural problem in Chinese, naming the place in the form's own words (第 3 部分“三、…”,
// 表三 一、本年新收政府信息公开申请数量 / 自然人); items of the superseded 2019 format are FORMAT
// findings naming their 2021 replacement, never a refusal. Pure.
import { z } from "zod";
import { text } from "@/lib/validation/fields";
import { ORGAN_KIND_LABELS, ORGAN_KINDS, type OrganKind } from "@/lib/domain/organ-kinds";
import { metadataRows, type PublicationMetadata } from "@/lib/domain/publication-metadata";
import { withComputedTotals } from "@/lib/report-format/cells";
import type { Finding } from "@/lib/report-format/checks";
import { CELL_TEXT_LIMIT, emptySection, isEmptySection, narrativeTextField, tableNoteField, type ReportSections, type SectionContent } from "@/lib/report-format/content";
import {
  ALL_CELLS,
  cellLabel,
  FIRST_YEAR_OF_2021_FORMAT,
  INTRO_KEY,
  isOptionalSection,
  NUMBERED_SECTION_KEYS,
  SECTION_KEYS,
  SECTION_TABLE,
  SECTION_TITLES,
  TABLE_NAMES,
  TABLE2_BLOCKS,
  TABLE3_COLUMNS,
  TABLE3_ROWS,
  TABLE4_BLOCKS,
  TABLE4_COLUMNS,
  type SectionKey,
  type TableNumber,
} from "@/lib/report-format/format";
import { read2019Key } from "@/lib/report-format/format-2019";

export const REPORT_JSON_SCHEMA = "nianbao.report/2";
/** Version 1 had no 引言; its files read as reports without one. */
export const REPORT_JSON_SCHEMA_V1 = "nianbao.report/1";
const READABLE_SCHEMAS: ReadonlyArray<unknown> = [REPORT_JSON_SCHEMA, REPORT_JSON_SCHEMA_V1];

export type ReportJson = {
  schema: typeof REPORT_JSON_SCHEMA;
  organ: { name: string; code: string; kind: OrganKind };
  year: number;
  title: string;
  /** A published version's metadata block (absent for a draft); not read back by an import. */
  publication?: Record<"indexNumber" | "organ" | "disclosureMethod" | "issuedOn" | "category" | "documentNumber", string>;
  sections: Array<{ key: SectionKey; title: string; text: string } | { key: SectionKey; title: string; note: string; cells: Record<string, string> }>;
};

export function toReportJson(report: { organ: ReportJson["organ"]; year: number; title: string; sections: ReportSections; metadata?: PublicationMetadata }): ReportJson {
  const full = withComputedTotals(report.sections);
  return {
    schema: REPORT_JSON_SCHEMA,
    organ: report.organ,
    year: report.year,
    title: report.title,
    ...(report.metadata ? { publication: Object.fromEntries(metadataRows(report.metadata).map((r) => [r.key, r.value])) as NonNullable<ReportJson["publication"]> } : {}),
    // The 引言 is written only when there is one (a file without it reads the same).
    sections: SECTION_KEYS.filter((key) => !isOptionalSection(key) || !isEmptySection(full[key])).map((key) => {
      const content = full[key];
      return content.kind === "narrative"
        ? { key, title: SECTION_TITLES[key], text: content.text }
        : { key, title: SECTION_TITLES[key], note: content.note, cells: Object.fromEntries(ALL_CELLS[SECTION_TABLE[key]!].map((c) => [c, content.cells[c] ?? ""])) };
    }),
  };
}

export type ParsedReportJson =
  | {
      ok: true;
      organ: ReportJson["organ"];
      year: number;
      title: string;
      sections: ReportSections;
      findings: Finding[];
      /** What the file holds that a report in the 2021 format cannot: listed, never silently dropped. */
      notes: string[];
    }
  | { ok: false; problems: string[] };

// ---- Messages ----

const TYPE_NAMES: Record<string, string> = {
  string: "文字",
  number: "数字",
  int: "整数",
  object: "对象（{…}）",
  record: "对象（{…}）",
  array: "数组（[…]）",
  boolean: "true 或 false",
};
const count = (n: number | bigint) => Number(n).toLocaleString("zh-CN");

/** One zod issue in Chinese, at a place named in the form's words; `value` is what the file holds there. */
function describe(place: string, issue: z.core.$ZodIssue, value: unknown): string {
  const length = typeof value === "string" ? `（现为 ${count([...value].length)} 个）` : "";
  const message = (() => {
    switch (issue.code) {
      case "invalid_type":
        return value === undefined ? "缺少此项" : `应为${TYPE_NAMES[issue.expected] ?? issue.expected}`;
      case "too_big":
        return issue.origin === "string"
          ? `不能超过 ${count(issue.maximum)} 个字符${length}`
          : issue.origin === "array"
            ? `最多 ${count(issue.maximum)} 项`
            : `不能大于 ${count(issue.maximum)}`;
      case "too_small":
        if (issue.origin === "string") return Number(issue.minimum) <= 1 ? "不能为空" : `至少 ${count(issue.minimum)} 个字符`;
        return issue.origin === "array" ? `至少 ${count(issue.minimum)} 项` : `不能小于 ${count(issue.minimum)}`;
      case "invalid_value":
        return issue.values.length === 1 ? `应为 ${JSON.stringify(issue.values[0])}` : `应为 ${issue.values.map((v) => JSON.stringify(v)).join("、")} 之一`;
      case "invalid_union":
        return "应为文字或数字";
      case "custom":
        return issue.message.replace(/^本部分/, "");
      default:
        return "格式不对";
    }
  })();
  return `${place}：${message}`;
}

/** Checks a value against a schema; its problems, described at `place`, go to `problems`. */
function field<T>(schema: z.ZodType<T>, value: unknown, place: string, problems: string[]): T | undefined {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const at = issue.path.reduce<unknown>((v, k) => (v && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[k as PropertyKey] : undefined), value);
  problems.push(describe(place, issue, at));
  return undefined;
}

const ORGAN_KIND_LIST = ORGAN_KINDS.map((k) => `${k}（${ORGAN_KIND_LABELS[k]}）`).join("、");
const organName = text().min(1).max(60);
const organCode = text().min(1).max(40);
const year = z.number().int().min(2008).max(2100);
const title = text().max(200);
const cellValue = z.union([z.string(), z.number()]);
const cellText = text().max(CELL_TEXT_LIMIT);

// ---- Reading ----

/** Where a table's unknown key went wrong, in the form's words. */
function unknownCell(table: TableNumber, key: string): string {
  const [row, column] = key.split(".");
  const rows: Array<{ key: string; label: string }> =
    table === 2
      ? TABLE2_BLOCKS.flatMap((b) => b.rows)
      : table === 3
        ? [...TABLE3_ROWS]
        : TABLE4_BLOCKS.map((b) => ({ key: b.key, label: "parent" in b ? `${b.parent}（${b.label}）` : b.label }));
  const known = rows.find((r) => r.key === row);
  if (!known) return `${TABLE_NAMES[table]}没有单元格“${key}”（行名应为 ${rows.map((r) => r.key).join("、")} 之一）`;
  const columns =
    table === 2 ? TABLE2_BLOCKS.find((b) => b.rows.some((r) => r.key === row))!.columns.map((c) => c.key) : (table === 3 ? TABLE3_COLUMNS : TABLE4_COLUMNS).map((c) => c.key);
  return `${TABLE_NAMES[table]} ${known.label} 没有“${column ?? ""}”这一列（应为 ${columns.join("、")} 之一）`;
}

/** Reads a report file. Structure problems refuse it; a missing, misplaced or misnamed section is a SECTIONS finding. */
export function parseReportJson(raw: unknown): ParsedReportJson {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return { ok: false, problems: ["文件：应为一个 JSON 对象（{…}）"] };
  const file = raw as Record<string, unknown>;
  const problems: string[] = [];
  if (!READABLE_SCHEMAS.includes(file.schema))
    problems.push(`schema：应为 "${REPORT_JSON_SCHEMA}" 或 "${REPORT_JSON_SCHEMA_V1}"${file.schema === undefined ? "" : `（现为 ${JSON.stringify(file.schema)}）`}`);
  const keys: ReadonlyArray<SectionKey> = file.schema === REPORT_JSON_SCHEMA_V1 ? NUMBERED_SECTION_KEYS : SECTION_KEYS;
  const organ = file.organ && typeof file.organ === "object" ? (file.organ as Record<string, unknown>) : null;
  if (!organ) problems.push(`机关（organ）：${file.organ === undefined ? "缺少此项" : "应为对象（{…}）"}`);
  const name = organ ? field(organName, organ.name, "机关名称（organ.name）", problems) : undefined;
  const code = organ ? field(organCode, organ.code, "机关代码（organ.code）", problems) : undefined;
  const kind = organ && (ORGAN_KINDS as ReadonlyArray<unknown>).includes(organ.kind) ? (organ.kind as OrganKind) : undefined;
  if (organ && !kind) problems.push(`机关类型（organ.kind）：${organ.kind === undefined ? "缺少此项，" : `为 ${JSON.stringify(organ.kind)}，`}应为 ${ORGAN_KIND_LIST} 之一`);
  const reportYear = field(year, file.year, "年度（year）", problems);
  const reportTitle = field(title, file.title, "标题（title）", problems);
  const list = field(z.array(z.unknown()).max(keys.length), file.sections, "各部分（sections）", problems);
  if (problems.length || !list) return { ok: false, problems };

  const findings: Finding[] = [];
  const notes: string[] = [];
  const sections = {} as ReportSections;
  // The parts in the order expected: the 引言, when the file has one, comes first.
  const hasIntro = list.some((item) => item && typeof item === "object" && (item as Record<string, unknown>).key === INTRO_KEY);
  const expected: ReadonlyArray<SectionKey> = hasIntro ? keys : NUMBERED_SECTION_KEYS;
  list.forEach((item, index) => {
    const place = `第 ${index + 1} 部分`;
    if (!item || typeof item !== "object" || Array.isArray(item)) return problems.push(`${place}：应为对象（{…}）`);
    const section = item as Record<string, unknown>;
    if (typeof section.key !== "string" || !(keys as ReadonlyArray<string>).includes(section.key)) {
      return problems.push(`${place}：key ${section.key === undefined ? "缺少" : `为 ${JSON.stringify(section.key)}`}，应为 ${keys.join("、")} 之一`);
    }
    const key = section.key as SectionKey;
    const named = `${place}“${SECTION_TITLES[key]}”`;
    const table = SECTION_TABLE[key];
    if (sections[key]) return problems.push(`${named}：与前面的部分重复`);
    const sectionTitle = field(text(), section.title, `${named}的标题（title）`, problems);
    if (expected[index] !== key) {
      findings.push({ id: "SECTIONS", severity: "error", section: key, message: `${SECTION_TITLES[key]}：位置不对，应为第 ${expected.indexOf(key) + 1} 部分`, cells: [] });
    }
    if (sectionTitle !== undefined && sectionTitle !== SECTION_TITLES[key]) {
      findings.push({ id: "SECTIONS", severity: "error", section: key, message: `第 ${index + 1} 部分标题为“${sectionTitle}”，应为“${SECTION_TITLES[key]}”`, cells: [] });
    }
    if (!table) {
      const body = field(narrativeTextField, section.text, `${named}的正文（text）`, problems);
      if (body !== undefined) sections[key] = { kind: "narrative", text: body };
      return;
    }
    const note = section.note === undefined ? "" : field(tableNoteField, section.note, `${named}的表格说明（note）`, problems);
    const cells = field(z.record(z.string(), z.unknown()), section.cells, `${named}的单元格（cells，${TABLE_NAMES[table]}）`, problems);
    if (note === undefined || !cells) return;
    const allowed = new Set(ALL_CELLS[table]);
    const values: Record<string, string> = {};
    for (const [cell, value] of Object.entries(cells)) {
      if (!allowed.has(cell)) {
        readOldItem(key, table, cell, value, reportYear!, findings, notes, problems);
        continue;
      }
      const label = cellLabel(table, cell);
      const typed = field(cellValue, value, label, problems);
      if (typed === undefined) continue;
      if (typeof typed === "number" && !Number.isFinite(typed)) {
        problems.push(`${label}：应为数字或文字`);
        continue;
      }
      const checked = field(cellText, String(typed), label, problems);
      if (checked !== undefined) values[cell] = checked;
    }
    sections[key] = { kind: "table", note, cells: Object.fromEntries(ALL_CELLS[table].map((c) => [c, values[c] ?? ""])) };
  });
  for (const key of SECTION_KEYS) {
    if (!sections[key]) {
      if (!problems.length && !isOptionalSection(key)) findings.push({ id: "SECTIONS", severity: "error", section: key, message: `缺少“${SECTION_TITLES[key]}”`, cells: [] });
      sections[key] = emptySection(key) as SectionContent;
    }
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, organ: { name: name!, code: code!, kind: kind! }, year: reportYear!, title: reportTitle!, sections, findings, notes };
}

/**
 * A cell key the 2021 form does not have: a 2019-format item is a FORMAT error naming its 2021
 * replacement (for a report of 2021 or later) or, in an older report, a note that the item was
 * not read; anything else refuses the file.
 */
function readOldItem(key: SectionKey, table: TableNumber, cell: string, value: unknown, year: number, findings: Finding[], notes: string[], problems: string[]) {
  const old = read2019Key(table, cell);
  if (!old) {
    problems.push(`${SECTION_TITLES[key]}：${unknownCell(table, cell)}`);
    return;
  }
  const shown = typeof value === "string" || typeof value === "number" ? `“${String(value).slice(0, 20)}”` : "";
  const replacement = old.replacement ? `“${old.replacement.label}”` : null;
  if (year >= FIRST_YEAR_OF_2021_FORMAT) {
    findings.push({
      id: "FORMAT",
      severity: "error",
      section: key,
      message: `${SECTION_TITLES[key]}：“${cell}”是 2019 年格式的项目（${old.item}），${year} 年度报告应使用 2021 年格式：${replacement ? `改为${replacement}` : "2021 年格式已取消此项"}；此项的值${shown}未读入`,
      cells: old.replacement?.cell ? [{ table, cell: old.replacement.cell }] : [],
    });
  } else {
    notes.push(
      `${SECTION_TITLES[key]}：“${cell}”是 2019 年格式的项目（${old.item}），本系统按 2021 年格式保存报告，此项的值${shown}未读入${replacement ? `（2021 年格式对应${replacement}）` : "（2021 年格式无对应项目）"}`,
    );
  }
}
