// The open-data files of the public site, built from what was published. Pure.
// - a year's reports as CSV and JSON: one row per report (its newest version; withdrawn ones are
//   not public any more and are left out), with its 索引号, organ, title, date, version, public
//   address and every cell of tables 2–4, totals computed as on the report's page;
// - an Atom feed (RFC 4287) of publications, corrections and withdrawals;
// - a sitemap (sitemaps.org 0.9), split with an index above 50,000 addresses.
import { chinaDateOf } from "@/lib/domain/publication-metadata";
import { parseAmount, parseCount } from "@/lib/report-format/cells";
import { ALL_CELLS, cellLabel, TABLE2_FEE_CELL, type TableNumber } from "@/lib/report-format/format";
import { allCellTexts, fullTables, SUMMED_TABLES, type ReportFigures } from "@/lib/report-format/sum-tables";
import { csvLine } from "@/lib/csv";
import { homePath, openDataPath, organPath, reportPath } from "./public-paths";

export const OPEN_DATA_SCHEMA = "nianbao.open-data/2";

export type OpenDataReport = {
  organCode: string;
  organName: string;
  title: string;
  year: number;
  version: number;
  publishedAt: string;
  indexNumber: string;
  figures: ReportFigures;
};

/** The date as offices write it in China's time zone: 2026-01-15. */
const chinaDate = (iso: string) => chinaDateOf(new Date(iso));

const FIELDS = SUMMED_TABLES.flatMap((table) => ALL_CELLS[table].map((cell) => ({ table, cell, label: cellLabel(table, cell) })));

/** A cell as a number (count or fee), or null when what was published is not a valid value. */
function cellValue(table: TableNumber, cell: string, raw: string | undefined): number | null {
  const parsed = table === 2 && cell === TABLE2_FEE_CELL ? parseAmount(raw) : parseCount(raw);
  return parsed.ok ? parsed.value : null;
}

/**
 * Every cell of the form (FIELDS' order: allCellTexts' order, totals computed as on the report's
 * page) as text: a valid value written plainly (full-width digits as typed become ordinary ones);
 * anything else keeps its published text.
 */
function cellTexts(figures: ReportFigures): string[] {
  if ("values" in figures) return allCellTexts(figures.values);
  const tables = fullTables(figures.cells);
  return FIELDS.map(({ table, cell }) => {
    const value = cellValue(table, cell, tables[table][cell]);
    return value === null ? (tables[table][cell] ?? "") : String(value);
  });
}

/** The same cells as numbers, null for a value that is not valid. */
function cellNumbers(figures: ReportFigures): Array<number | null> {
  if ("values" in figures) return allCellTexts(figures.values).map(Number);
  const tables = fullTables(figures.cells);
  return FIELDS.map(({ table, cell }) => cellValue(table, cell, tables[table][cell]));
}

// A year file is made of one line per report, each a function of one immutable publication
// alone, so that a server may keep the lines and build the file again from them (open-data.ts).

const CSV_HEADER = csvLine(["索引号", "机关", "机关代码", "标题", "发布日期", "版本", "地址", ...FIELDS.map((f) => f.label)]);

/** A report's CSV line (no line break). */
export function openDataCsvLine(origin: string, r: OpenDataReport): string {
  return csvLine([
    r.indexNumber,
    r.organName,
    r.organCode,
    r.title,
    chinaDate(r.publishedAt),
    String(r.version),
    `${origin}${reportPath(r.organCode, r.year)}`,
    ...cellTexts(r.figures),
  ]);
}

/**
 * How a year file is made of its reports' lines: `head`, the lines with `separator` between them,
 * `tail`; or `empty` alone when there is no line.
 */
export type LinesLayout = { head: string; separator: string; tail: string; empty: string };

export const joinLines = (layout: LinesLayout, lines: ReadonlyArray<string>) => (lines.length ? `${layout.head}${lines.join(layout.separator)}${layout.tail}` : layout.empty);

/** The year's CSV: a BOM, the header, a line per report, CRLF after each (lib/csv.ts). */
export const OPEN_DATA_CSV_LAYOUT: LinesLayout = { head: `\uFEFF${CSV_HEADER}\r\n`, separator: "\r\n", tail: "\r\n", empty: `\uFEFF${CSV_HEADER}\r\n` };

export const openDataCsv = (origin: string, reports: ReadonlyArray<OpenDataReport>) =>
  joinLines(
    OPEN_DATA_CSV_LAYOUT,
    reports.map((r) => openDataCsvLine(origin, r)),
  );

/** A report's JSON line: an object whose `values` follow the file's `fields`, null for a value that was published but is not valid. */
export function openDataJsonLine(origin: string, r: OpenDataReport): string {
  return JSON.stringify({
    indexNumber: r.indexNumber,
    organ: { name: r.organName, code: r.organCode },
    title: r.title,
    publishedAt: r.publishedAt,
    version: r.version,
    url: `${origin}${reportPath(r.organCode, r.year)}`,
    values: cellNumbers(r.figures),
  });
}

const JSON_FIELDS = FIELDS.map((f) =>
  JSON.stringify({ key: f.cell, table: `表${"二三四"[f.table - 2]}`, label: f.label, unit: f.table === 2 && f.cell === TABLE2_FEE_CELL ? "万元" : "件" }),
);

/**
 * The year as JSON: `fields` names each cell once (table, label, unit) and every report lists its
 * `values` in that order. One line per field and per report: a province's year stays a few
 * megabytes (keyed cells made it 22 M characters).
 */
export function openDataJsonLayout(year: number): LinesLayout {
  const start = `{"schema":${JSON.stringify(OPEN_DATA_SCHEMA)},"year":${year},\n"fields":[\n${JSON_FIELDS.join(",\n")}\n],\n"reports":`;
  return { head: `${start}[\n`, separator: ",\n", tail: "\n]}\n", empty: `${start}[]}\n` };
}

export const openDataJson = (origin: string, year: number, reports: ReadonlyArray<OpenDataReport>) =>
  joinLines(
    openDataJsonLayout(year),
    reports.map((r) => openDataJsonLine(origin, r)),
  );

// ---- XML ----

/** What the feed tells: a report published, corrected (a new version) or withdrawn. */
export type FeedEvent = {
  kind: "published" | "corrected" | "withdrawn";
  organCode: string;
  organName: string;
  year: number;
  version: number;
  title: string;
  indexNumber: string;
  at: string;
  /** The correction's note, or the withdrawal's reason. */
  note: string | null;
};

// Characters XML 1.0 cannot hold at all (the text schemas refuse them on input; dropped here all the same).
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };
const NEEDS_CARE = /[&<>"'\u0000-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
/** Text for XML content or an attribute value (most text, a sitemap's 20,000 addresses among it, needs nothing done). */
export const xmlText = (text: string) => (NEEDS_CARE.test(text) ? text.replace(NOT_XML, "").replace(/[&<>"']/g, (c) => ESCAPES[c]!) : text);

const EVENT_WORDS: Record<FeedEvent["kind"], string> = { published: "发布", corrected: "更正", withdrawn: "撤回" };

/** The feed: every event with a permanent id, its date, a link to the page and a short text. */
export function atomFeed(origin: string, events: ReadonlyArray<FeedEvent>): string {
  const updated = events[0]?.at ?? new Date(0).toISOString();
  const entries = events.map((e) => {
    // A publication or correction has its version's fixed address; a withdrawal, the report's address (which then says why).
    const link = `${origin}${e.kind === "withdrawn" ? reportPath(e.organCode, e.year) : reportPath(e.organCode, e.year, e.version)}`;
    const id = e.kind === "withdrawn" ? `${link}#withdrawn-${Date.parse(e.at)}` : link;
    const title = `${EVENT_WORDS[e.kind]}：${e.title}${e.kind === "corrected" ? `（第 ${e.version} 版）` : ""}`;
    const summary =
      e.kind === "published"
        ? `${e.organName}发布${e.title}，索引号 ${e.indexNumber}。`
        : e.kind === "corrected"
          ? `${e.organName}更正${e.title}，发布第 ${e.version} 版。更正说明：${e.note ?? ""}`
          : `${e.organName}撤回${e.title}。撤回理由：${e.note ?? ""}`;
    return [
      "  <entry>",
      `    <id>${xmlText(id)}</id>`,
      `    <title>${xmlText(title)}</title>`,
      `    <updated>${e.at}</updated>`,
      `    <author><name>${xmlText(e.organName)}</name></author>`,
      `    <link rel="alternate" type="text/html" href="${xmlText(link)}"/>`,
      `    <summary>${xmlText(summary)}</summary>`,
      "  </entry>",
    ].join("\n");
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-Hans">',
    `  <id>${xmlText(`${origin}${homePath()}`)}</id>`,
    "  <title>政府信息公开工作年度报告 · 发布动态</title>",
    "  <subtitle>年度报告的发布、更正和撤回</subtitle>",
    `  <updated>${updated}</updated>`,
    "  <author><name>政府信息公开工作年度报告</name></author>",
    `  <link rel="self" type="application/atom+xml" href="${xmlText(`${origin}/gk/feed.atom`)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlText(`${origin}${homePath()}`)}"/>`,
    ...entries,
    "</feed>",
    "",
  ].join("\n");
}

export const SITEMAP_LIMIT = 50_000;
export type SitemapEntry = { path: string; hantPath: string; lastModified: string | null };

/** Every public page worth indexing: the home and open-data pages, each organ, each report's plain address (its 繁體 form as an alternate). */
export function sitemapEntries(data: { organCodes: ReadonlyArray<string>; reports: ReadonlyArray<{ organCode: string; year: number; lastModified: string }> }): SitemapEntry[] {
  const reports = [...data.reports].sort((a, b) => (a.organCode === b.organCode ? a.year - b.year : a.organCode < b.organCode ? -1 : 1));
  return [
    { path: homePath(), hantPath: homePath("hant"), lastModified: null },
    { path: openDataPath(), hantPath: openDataPath("hant"), lastModified: null },
    ...data.organCodes.map((code) => ({ path: organPath(code), hantPath: organPath(code, "hant"), lastModified: null })),
    ...reports.map((r) => ({ path: reportPath(r.organCode, r.year), hantPath: reportPath(r.organCode, r.year, undefined, "hant"), lastModified: chinaDate(r.lastModified) })),
  ];
}

export function sitemapXml(origin: string, entries: ReadonlyArray<SitemapEntry>): string {
  const urls = entries.map((e) =>
    [
      "  <url>",
      `    <loc>${xmlText(origin + e.path)}</loc>`,
      ...(e.lastModified ? [`    <lastmod>${e.lastModified}</lastmod>`] : []),
      `    <xhtml:link rel="alternate" hreflang="zh-Hans" href="${xmlText(origin + e.path)}"/>`,
      `    <xhtml:link rel="alternate" hreflang="zh-Hant" href="${xmlText(origin + e.hantPath)}"/>`,
      "  </url>",
    ].join("\n"),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ...urls,
    "</urlset>",
    "",
  ].join("\n");
}

/** The index of a sitemap split into parts of at most `limit` addresses (/gk/sitemap-1.xml, …). */
export function sitemapIndexXml(origin: string, parts: number): string {
  const items = Array.from({ length: parts }, (_, i) => `  <sitemap><loc>${xmlText(`${origin}/gk/sitemap-${i + 1}.xml`)}</loc></sitemap>`);
  return ['<?xml version="1.0" encoding="utf-8"?>', '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', ...items, "</sitemapindex>", ""].join("\n");
}
