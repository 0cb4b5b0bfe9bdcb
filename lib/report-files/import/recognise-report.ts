// From the blocks of a document (paragraphs and tables, in order) to a recognised report: the
// title, the metadata block, the opening paragraph, the six sections by their headings (exact
// titles, common variants, and the titles of the reports written before the 2019 revision, with
// a FORMAT finding), the sub-headings of 一, tables 2–4, and what was not recognised. Pure.
import { emptySections, type TableContent } from "@/lib/report-format/content";
import type { Finding } from "@/lib/report-format/findings";
import {
  INTRO_KEY,
  NUMBERED_SECTION_KEYS,
  OVERVIEW_SUBHEADINGS,
  SECTION_KEYS,
  SECTION_TABLE,
  SECTION_TITLES,
  TABLE_NAMES,
  TABLE_SECTION,
  type NumberedSectionKey,
  type SectionKey,
  type TableNumber,
} from "@/lib/report-format/format";
import type { Block } from "./html-blocks";
import { labelKey } from "./labels";
import { readTable2, readTable3, readTable4, tableOf, type TableRead } from "./read-tables";
import type { ImportedMetadata, ReadResult, RecognisedReport } from "./recognised-report";

type HeadingVariant = { title: string; older?: boolean };

const HEADINGS: Record<NumberedSectionKey, HeadingVariant[]> = {
  overview: [{ title: "总体情况" }, { title: "概述", older: true }, { title: "基本情况", older: true }],
  proactive: [{ title: "主动公开政府信息情况" }, { title: "主动公开政府信息" }, { title: "主动公开政府信息的情况" }],
  requests: [
    { title: "收到和处理政府信息公开申请情况" },
    { title: "收到和处理政府信息公开申请的情况" },
    { title: "依申请公开政府信息情况", older: true },
    { title: "依申请公开政府信息的情况", older: true },
  ],
  appeals: [
    { title: "政府信息公开行政复议、行政诉讼情况" },
    { title: "政府信息公开行政复议行政诉讼情况" },
    { title: "行政复议、行政诉讼情况" },
    { title: "因政府信息公开申请提起行政复议、行政诉讼的情况", older: true },
    { title: "因政府信息公开申请行政复议、提起行政诉讼的情况", older: true },
    { title: "因政府信息公开申请提起行政复议、行政诉讼情况", older: true },
  ],
  problems: [
    { title: "存在的主要问题及改进情况" },
    { title: "存在的主要问题和改进情况" },
    { title: "主要问题及改进情况" },
    { title: "政府信息公开工作存在的主要问题及改进情况", older: true },
    { title: "政府信息公开工作存在的主要问题及改进措施", older: true },
  ],
  other: [{ title: "其他需要报告的事项" }, { title: "其他需要报告事项" }],
};
/** Parts of the reports written before the 2019 revision that the present format has no place for. */
const DROPPED_HEADINGS = ["政府信息公开的收费及减免情况", "政府信息公开收费及减免情况"];

const headingKey = (text: string) => labelKey(text).replace(/[、，,]/g, "");
const HEADING_LOOKUP = new Map<string, { key: NumberedSectionKey; older: boolean }>(
  NUMBERED_SECTION_KEYS.flatMap((key) => HEADINGS[key].map((v) => [headingKey(v.title), { key, older: v.older ?? false }] as const)),
);
const DROPPED_LOOKUP = new Set(DROPPED_HEADINGS.map(headingKey));

/** A line that is a section heading: 一、…七、 (or "一." "一，" "一 ") followed by a known title. */
function headingOf(line: string): { key: NumberedSectionKey; older: boolean } | "dropped" | null {
  const match = /^\s*[一二三四五六七八][、.．，,\s]\s*(.+)$/.exec(line) ?? /^\s*第[一二三四五六七八]部分[、.．，,:：\s]*(.+)$/.exec(line);
  if (!match || line.length > 40) return null;
  const body = headingKey(match[1]!.replace(/[:：。]$/, ""));
  if (DROPPED_LOOKUP.has(body)) return "dropped";
  return HEADING_LOOKUP.get(body) ?? null;
}

// ---- Metadata ----

const METADATA_LABELS: Array<{ field: keyof ImportedMetadata | null; labels: string[] }> = [
  { field: "indexNumber", labels: ["索引号", "索 引 号"] },
  { field: "publisher", labels: ["发布机构", "发文机关", "发布单位", "发文单位"] },
  { field: "issuedOn", labels: ["发文日期", "成文日期", "发布日期", "公开日期"] },
  { field: "documentNumber", labels: ["文件编号", "发文字号", "文号"] },
  { field: "category", labels: ["组配分类"] },
  // Printed in the same block; read only to know where the previous value ends.
  {
    field: null,
    labels: [
      "公开方式",
      "主题分类",
      "体裁分类",
      "信息分类",
      "内容分类",
      "公开范围",
      "公开时限",
      "有效性",
      "生成日期",
      "信息来源",
      "来源",
      "信息名称",
      "名称",
      "标题",
      "浏览次数",
      "点击数",
      "时效",
      "公开形式",
    ],
  },
];
const LABEL_PATTERN = METADATA_LABELS.flatMap((m) => m.labels)
  .sort((a, b) => b.length - a.length)
  .map((l) => l.replace(/ /g, "\\s*"))
  .join("|");

function fieldOf(label: string): keyof ImportedMetadata | null | undefined {
  const compact = label.replace(/\s+/g, "");
  return METADATA_LABELS.find((m) => m.labels.some((l) => l.replace(/ /g, "") === compact))?.field;
}

/** The date a metadata value states, as YYYY-MM-DD. */
export function readDate(text: string): string | undefined {
  const match = /(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})/.exec(text);
  if (!match) return undefined;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** The metadata fields a line states ("索引号：…  发布机构：…"); null when it states none. */
function metadataOf(line: string): ImportedMetadata | null {
  const matches = [...line.matchAll(new RegExp(`(${LABEL_PATTERN})\\s*[:：]`, "g"))];
  if (!matches.length || matches[0]!.index! > 2) return null;
  const found: ImportedMetadata = {};
  matches.forEach((m, i) => {
    const field = fieldOf(m[1]!);
    const end = matches[i + 1]?.index ?? line.length;
    const value = line.slice(m.index! + m[0].length, end).trim();
    if (!field || !value) return;
    if (field === "issuedOn") {
      const date = readDate(value);
      if (date) found.issuedOn = date;
    } else found[field] = value;
  });
  return found;
}

/** A table of the metadata block as lines "label：value", a label cell followed by its value cell. */
function metadataLines(rows: string[][]): string[] {
  return rows.map((row) =>
    row
      .filter((cell, i) => cell && row[i - 1] !== cell)
      .map((cell) => (fieldOf(cell.replace(/[:：]\s*$/, "")) !== undefined && !/[:：]\s*$/.test(cell) ? `${cell}：` : cell))
      .join(" "),
  );
}

// ---- The end of the report on a page ----

const PAGE_FOOTER =
  /^(【|\[|打印|关闭|分享|扫一扫|上一篇|下一篇|相关(链接|文件|附件|阅读|信息|稿件)|网站地图|版权所有|主办单位|主办[:：]|承办|网站标识码|.*ICP备|.*公网安备|联系我们|返回顶部|视力保护|字体|字号[:：]|责任编辑|附件下载|我要纠错|政策解读|收藏|保存本页)/;
const DATE_LINE = /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/;
const FLATTENED = /([|｜].*){3,}/;

/** The report's title: names 政府信息公开 and ends with 报告; not a breadcrumb ("首页 > … > 年度报告"). */
function isTitle(line: string) {
  return line.length <= 80 && /政府信息公开/.test(line) && /报告$/.test(line) && !/[>＞»]|当前位置|您的位置/.test(line) && !headingOf(line);
}

/**
 * The opening paragraph: what stands between the title and 一、总体情况. Without a title (a page
 * whose title is in its own header), only lines that read as sentences; the rest is not the report.
 */
function introOf(before: string[], title: string | null, unrecognised: string[]): string {
  if (title) return before.join("\n");
  const prose = before.filter((line) => /[。：:]$/.test(line) && line.length >= 15);
  const rest = before.length - prose.length;
  if (rest) unrecognised.push(`“一、总体情况”之前的 ${rest} 行文字（如网站名称、导航）未导入。`);
  return prose.join("\n");
}

/** The report in the blocks; a problem in Chinese when they are not an annual report. */
export function recogniseReport(blocks: Block[]): ReadResult {
  const sections = emptySections();
  for (const key of ["proactive", "requests", "appeals"] as const) (sections[key] as TableContent).cells = {};
  const found = Object.fromEntries(SECTION_KEYS.map((k) => [k, false])) as Record<SectionKey, boolean>;
  const texts = Object.fromEntries(SECTION_KEYS.map((k) => [k, [] as string[]])) as Record<SectionKey, string[]>;
  const tableSources: RecognisedReport["tableSources"] = { 2: "missing", 3: "missing", 4: "missing" };
  const unrecognised: string[] = [];
  const findings: Finding[] = [];
  const metadata: ImportedMetadata = {};
  const before: string[] = [];
  let title: string | null = null;
  let current: SectionKey | "dropped" | null = null;
  let ended = false;
  let after = 0;
  let table3Columns: Map<number, string> | undefined;
  const flattenedSaid = new Set<TableNumber>();

  const addMetadata = (fields: ImportedMetadata) => {
    for (const [k, v] of Object.entries(fields) as Array<[keyof ImportedMetadata, string]>) metadata[k] ??= v;
  };
  const mergeTable = (table: TableNumber, read: TableRead) => {
    const content = sections[TABLE_SECTION[table]] as TableContent;
    for (const [cell, value] of Object.entries(read.cells)) if (!(cell in content.cells) || (content.cells[cell] === "" && value !== "")) content.cells[cell] = value;
    unrecognised.push(...read.unrecognised);
    findings.push(...read.findings);
    tableSources[table] = "table";
  };

  for (const block of blocks) {
    if (ended) {
      after++;
      continue;
    }
    if (block.kind === "table") {
      const table = tableOf(block.rows);
      if (table === 2) mergeTable(2, readTable2(block.rows));
      else if (table === 3) {
        const read = readTable3(block.rows, table3Columns);
        table3Columns = read.columns;
        mergeTable(3, read);
      } else if (table === 4) mergeTable(4, readTable4(block.rows));
      else if (current === "requests" && table3Columns && block.rows.length) {
        // The rest of table 3 after a page break, printed without its header.
        mergeTable(3, readTable3(block.rows, table3Columns));
      } else {
        const lines = metadataLines(block.rows);
        const fields = lines.map(metadataOf).filter((f): f is ImportedMetadata => f !== null);
        if (fields.length) fields.forEach(addMetadata);
        else if (current && current !== "dropped") {
          // A table that is not one of the form's (a layout table of a page): its text, as paragraphs.
          for (const line of lines) if (line) texts[current].push(line);
        } else unrecognised.push(`未识别的表格：${lines.filter(Boolean).slice(0, 2).join(" ").slice(0, 60)}…`);
      }
      continue;
    }
    const line = block.text;
    const heading = headingOf(line);
    if (heading === "dropped") {
      current = "dropped";
      findings.push({ id: "FORMAT", severity: "warning", section: "other", message: `“${line}”是 2019 年以前格式的部分，现行格式没有此部分，其内容未导入。`, cells: [] });
      continue;
    }
    if (heading) {
      if (found[heading.key]) {
        unrecognised.push(`“${line}”再次出现，其后的文字接在该部分之后。`);
      } else if (heading.older) {
        findings.push({
          id: "FORMAT",
          severity: "warning",
          section: heading.key,
          message: `“${line}”是 2019 年以前格式的标题，已按现行格式读入“${SECTION_TITLES[heading.key]}”。`,
          cells: [],
        });
      }
      found[heading.key] = true;
      current = heading.key;
      continue;
    }
    const fields = metadataOf(line);
    if (fields) {
      addMetadata(fields);
      continue;
    }
    if (current === null) {
      if (!title && isTitle(line)) {
        title = line;
        // What came before the title on a page (navigation, the site's name) is not the report.
        if (before.length) unrecognised.push(`标题之前的 ${before.length} 行文字（如网站名称、导航）未导入。`);
        before.length = 0;
      } else before.push(line);
      continue;
    }
    if (PAGE_FOOTER.test(line)) {
      ended = true;
      after++;
      continue;
    }
    if (current === "dropped") {
      unrecognised.push(`未导入（现行格式没有此部分）：${line.slice(0, 60)}`);
      continue;
    }
    const table = SECTION_TABLE[current];
    if (table && (FLATTENED.test(line) || /(\t.*){3,}/.test(line))) {
      tableSources[table] = tableSources[table] === "table" ? "table" : "flattened";
      if (!flattenedSaid.has(table)) {
        flattenedSaid.add(table);
        if (tableSources[table] === "flattened")
          unrecognised.push(`${TABLE_NAMES[table]}在文件中不是表格，而是以“|”等符号分隔的文字，数字未导入，请在${TABLE_NAMES[table]}中逐格填写。`);
      }
      continue;
    }
    texts[current].push(line);
  }

  const foundCount = NUMBERED_SECTION_KEYS.filter((k) => found[k]).length;
  const tablesRead = ([2, 3, 4] as const).filter((t) => tableSources[t] === "table").length;
  if (foundCount < 3 && tablesRead === 0) {
    return {
      ok: false,
      problem: "这不像是一份政府信息公开工作年度报告：没有找到“一、总体情况”“二、主动公开政府信息情况”等部分标题，也没有找到表二至表四。请确认选择的文件。",
    };
  }

  // The sign-off (the organ's name and the date) at the end of the last part is not part of the report's text.
  const last = [...SECTION_KEYS].reverse().find((k) => texts[k].length);
  if (last) {
    const lines = texts[last];
    const signOff: string[] = [];
    if (lines.length && DATE_LINE.test(lines[lines.length - 1]!)) {
      signOff.unshift(lines.pop()!);
      const organ = lines[lines.length - 1];
      if (organ && organ.length <= 30 && !/[。；：，]/.test(organ)) signOff.unshift(lines.pop()!);
    }
    if (signOff.length) unrecognised.push(`落款“${signOff.join(" ")}”未导入（报告发布时自动署名）。`);
  }
  if (after) unrecognised.push(`正文之后的 ${after} 段文字（如网页页脚、相关链接）未导入。`);

  for (const key of SECTION_KEYS) {
    const lines = texts[key].map((line) => line.replace(/^\(([一二三四五六七八九十])\)/, "（$1）"));
    const content = sections[key];
    if (content.kind === "narrative") content.text = lines.join("\n");
    else content.note = lines.join("\n");
  }
  for (const table of [2, 3, 4] as const) {
    if (tableSources[table] === "missing" && found[TABLE_SECTION[table]]) {
      unrecognised.push(`文件中没有${TABLE_NAMES[table]}，其单元格留空，请逐格填写。`);
    }
  }
  const overviewLines = texts.overview.map(labelKey);
  const foundSubheadings = OVERVIEW_SUBHEADINGS.filter((h) => overviewLines.some((l) => l.startsWith(labelKey(h))));
  const readCells = Object.fromEntries(([2, 3, 4] as const).map((t) => [t, Object.keys((sections[TABLE_SECTION[t]] as TableContent).cells)])) as Record<TableNumber, string[]>;
  const yearMatch = title ? /((?:19|20)\d{2})\s*年/.exec(title) : null;
  // The opening paragraph is the report's 引言 part; "found" when there is one.
  const intro = introOf(before, title, unrecognised);
  sections[INTRO_KEY] = { kind: "narrative", text: intro };
  found[INTRO_KEY] = intro !== "";

  return {
    ok: true,
    report: {
      title,
      year: yearMatch ? Number(yearMatch[1]) : null,
      intro,
      sections,
      foundSections: found,
      readCells,
      tableSources,
      foundSubheadings,
      metadata,
      unrecognised,
      findings,
    },
  };
}
