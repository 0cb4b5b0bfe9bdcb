// The public site's open-data files: CSV and JSON of a year's reports, the Atom feed and the sitemap.
// XML is checked with saxes, a strict (well-formedness and namespace checking) parser (a dev
// dependency at the version exceljs already brings).
import { SaxesParser } from "saxes";
import { describe, expect, it } from "vitest";
import { TYPED_CELLS, ALL_CELLS, type TableNumber } from "@/lib/report-format/format";
import { readValues, type TableCells } from "@/lib/report-format/sum-tables";
import { atomFeed, openDataCsv, openDataJson, sitemapEntries, sitemapIndexXml, sitemapXml, xmlText, type FeedEvent, type OpenDataReport } from "@/lib/publish/open-data-files";
import { isOpenDataPath, openDataFile } from "@/lib/publish/open-data";

const ORIGIN = "https://gk.example.gov.cn";

function tables(overrides: Partial<Record<TableNumber, Record<string, string>>> = {}): TableCells {
  const zeros = (t: TableNumber) => Object.fromEntries(TYPED_CELLS[t].map((c) => [c, "0"]));
  return { 2: { ...zeros(2), ...overrides[2] }, 3: { ...zeros(3), ...overrides[3] }, 4: { ...zeros(4), ...overrides[4] } };
}

const report = (organName: string, title: string, overrides: Partial<Record<TableNumber, Record<string, string>>> = {}): OpenDataReport => ({
  organCode: "001008004005001",
  organName,
  title,
  year: 2025,
  version: 2,
  publishedAt: "2026-01-14T17:30:00.000Z", // 2026-01-15 in China
  indexNumber: "001008004005001/2026-00003",
  figures: { cells: tables(overrides) },
});

/** The same report as the database gives it when every value is plain: its values already read. */
function withValues(r: OpenDataReport): OpenDataReport {
  const read = "cells" in r.figures ? readValues(r.figures.cells) : null;
  if (!read?.ok) throw new Error("not a valid report");
  return { ...r, figures: { values: read.values } };
}

/** Parses a whole XML document strictly; returns its elements' names in order, or throws at the first error. */
function xmlElements(xml: string): string[] {
  const parser = new SaxesParser({ xmlns: true });
  const names: string[] = [];
  let failure: Error | null = null;
  parser.on("error", (e) => (failure ??= e));
  parser.on("opentag", (tag) => names.push(`${tag.uri}|${tag.local}`));
  parser.write(xml).close();
  if (failure) throw failure;
  return names;
}

/** Simple CSV reading (quoted fields, doubled quotes), enough for what csvDocument writes. */
function readCsv(csv: string): string[][] {
  expect(csv.startsWith("\uFEFF")).toBe(true);
  return csv
    .slice(1)
    .trimEnd()
    .split("\r\n")
    .map((line) => [...line.matchAll(/"((?:[^"]|"")*)"(?:,|$)/g)].map((m) => m[1]!.replaceAll('""', '"')));
}

describe("a year's reports as CSV", () => {
  it("one row per report: 索引号, organ, title, date, version, address, then every cell of tables 2–4 with totals, under the official labels", () => {
    const rows = readCsv(
      openDataCsv(ORIGIN, [
        report("青石镇", "青石镇2025年度政府信息公开工作年度报告", { 2: { "fees.amount": "１.５０" }, 3: { "newRequests.natural": "５", "disclosed.natural": "5" } }),
      ]),
    );
    const cells = ALL_CELLS[2].length + ALL_CELLS[3].length + ALL_CELLS[4].length;
    expect(rows[0]!.slice(0, 7)).toEqual(["索引号", "机关", "机关代码", "标题", "发布日期", "版本", "地址"]);
    expect(rows[0]).toHaveLength(7 + cells);
    expect(rows[0]).toContain("表三 一、本年新收政府信息公开申请数量 / 总计");
    const row = rows[1]!;
    expect(row.slice(0, 7)).toEqual([
      "001008004005001/2026-00003",
      "青石镇",
      "001008004005001",
      "青石镇2025年度政府信息公开工作年度报告",
      "2026-01-15",
      "2",
      `${ORIGIN}/gk/001008004005001/2025`,
    ]);
    const at = (label: string) => row[rows[0]!.indexOf(label)];
    // Values in their plain form (full-width digits as typed read as ordinary ones), totals computed.
    expect(at("表三 一、本年新收政府信息公开申请数量 / 自然人")).toBe("5");
    expect(at("表三 一、本年新收政府信息公开申请数量 / 总计")).toBe("5");
    expect(at("表三 （七）总计 / 总计")).toBe("5");
    expect(at("表二 行政事业性收费 / 本年收费金额（单位：万元）")).toBe("1.5");
  });

  it("the same file whether a report's values were read by the database or from its cells", () => {
    const reports = [report("青石镇", "报告", { 2: { "fees.amount": "12.0450" }, 3: { "newRequests.natural": "５", "disclosed.natural": "5" }, 4: { "review.upheld": "3" } })];
    expect(openDataCsv(ORIGIN, reports.map(withValues))).toBe(openDataCsv(ORIGIN, reports));
    expect(openDataJson(ORIGIN, 2025, reports.map(withValues))).toBe(openDataJson(ORIGIN, 2025, reports));
    expect(readCsv(openDataCsv(ORIGIN, reports.map(withValues)))[1]).toContain("12.045");
  });

  it("a published value that is not valid keeps its text in the CSV and has no number in the JSON", () => {
    const odd = [report("青石镇", "报告", { 3: { "newRequests.natural": "/" } })];
    const rows = readCsv(openDataCsv(ORIGIN, odd));
    expect(rows[1]![rows[0]!.indexOf("表三 一、本年新收政府信息公开申请数量 / 自然人")]).toBe("/");
    expect(rows[1]![rows[0]!.indexOf("表三 一、本年新收政府信息公开申请数量 / 总计")]).toBe("");
    const data = JSON.parse(openDataJson(ORIGIN, 2025, odd));
    const at = (key: string) => data.reports[0].values[data.fields.findIndex((f: { key: string }) => f.key === key)];
    expect([at("newRequests.natural"), at("newRequests.total"), at("newRequests.legal")]).toEqual([null, null, 0]);
  });

  it("quotes every field and neutralises formulas, as the report's own CSV does", () => {
    const csv = openDataCsv(ORIGIN, [report('=HYPERLINK("http://x")', '-1+2 "引号"')]);
    const lines = csv.split("\r\n");
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(lines[1]).toContain(`"'-1+2 ""引号"""`);
    expect(readCsv(csv)[1]![1]).toBe(`'=HYPERLINK("http://x")`);
  });

  it("no reports: the header only", () => {
    const rows = readCsv(openDataCsv(ORIGIN, []));
    expect(rows).toHaveLength(1);
    expect(rows[0]![0]).toBe("索引号");
  });
});

describe("a year's reports as JSON", () => {
  it("describes its fields and gives each report's values as numbers, with its address", () => {
    const data = JSON.parse(openDataJson(ORIGIN, 2025, [report("白沙镇", "白沙镇2025年度报告", { 2: { "fees.amount": "0.1" }, 4: { "review.upheld": "3" } })]));
    expect(data.schema).toBe("nianbao.open-data/2");
    expect(data.year).toBe(2025);
    expect(data.fields).toHaveLength(ALL_CELLS[2].length + ALL_CELLS[3].length + ALL_CELLS[4].length);
    expect(data.fields).toContainEqual({ key: "review.total", table: "表四", label: "表四 行政复议 / 总计", unit: "件" });
    expect(data.fields).toContainEqual({ key: "fees.amount", table: "表二", label: "表二 行政事业性收费 / 本年收费金额（单位：万元）", unit: "万元" });
    expect(data.reports).toEqual([
      expect.objectContaining({
        indexNumber: "001008004005001/2026-00003",
        organ: { name: "白沙镇", code: "001008004005001" },
        title: "白沙镇2025年度报告",
        publishedAt: "2026-01-14T17:30:00.000Z",
        version: 2,
        url: `${ORIGIN}/gk/001008004005001/2025`,
      }),
    ]);
    const at = (key: string) => data.reports[0].values[data.fields.findIndex((f: { key: string }) => f.key === key)];
    expect(at("review.upheld")).toBe(3);
    expect(at("review.total")).toBe(3);
    expect(at("fees.amount")).toBe(0.1);
    expect(at("newRequests.total")).toBe(0);
    expect(data.reports[0].values).toHaveLength(data.fields.length);
    expect(JSON.parse(openDataJson(ORIGIN, 2024, [])).reports).toEqual([]);
  });
});

describe("the Atom feed", () => {
  const events: FeedEvent[] = [
    {
      kind: "withdrawn",
      organCode: "C1",
      organName: "江南<街道>",
      year: 2024,
      version: 1,
      title: "报告 & 附件",
      indexNumber: "C1/2025-00001",
      at: "2026-03-01T00:00:00.000Z",
      note: '理由："错误"\u0007',
    },
    {
      kind: "corrected",
      organCode: "C1",
      organName: "江南<街道>",
      year: 2024,
      version: 2,
      title: "报告 & 附件",
      indexNumber: "C1/2025-00001",
      at: "2026-02-01T00:00:00.000Z",
      note: "更正 <b>表三</b>",
    },
    {
      kind: "published",
      organCode: "C2",
      organName: "白沙镇",
      year: 2025,
      version: 1,
      title: "白沙镇2025年度报告",
      indexNumber: "C2/2026-00001",
      at: "2026-01-15T00:00:00.000Z",
      note: null,
    },
  ];

  it("is well-formed Atom with one entry per event, people's text escaped", () => {
    const xml = atomFeed(ORIGIN, events);
    const atom = "http://www.w3.org/2005/Atom|";
    const elements = xmlElements(xml);
    expect(elements[0]).toBe(`${atom}feed`);
    expect(elements.filter((e) => e === `${atom}entry`)).toHaveLength(3);
    for (const required of ["id", "title", "updated", "author", "link"]) expect(elements).toContain(`${atom}${required}`);
    expect(xml).toContain("<updated>2026-03-01T00:00:00.000Z</updated>"); // the newest event
    expect(xml).toContain("<title>撤回：报告 &amp; 附件</title>");
    expect(xml).toContain("<title>更正：报告 &amp; 附件（第 2 版）</title>");
    expect(xml).toContain("更正说明：更正 &lt;b&gt;表三&lt;/b&gt;");
    expect(xml).toContain("<name>江南&lt;街道&gt;</name>");
    expect(xml).toContain("撤回理由：理由：&quot;错误&quot;</summary>"); // a control character XML cannot hold is dropped
    expect(xml).not.toContain("<b>");
  });

  it("links publications and corrections to their versions' fixed addresses, a withdrawal to the report's address, each with its own id", () => {
    const xml = atomFeed(ORIGIN, events);
    expect(xml).toContain(`<link rel="alternate" type="text/html" href="${ORIGIN}/gk/C2/2025/v/1"/>`);
    expect(xml).toContain(`<link rel="alternate" type="text/html" href="${ORIGIN}/gk/C1/2024/v/2"/>`);
    expect(xml).toContain(`<link rel="alternate" type="text/html" href="${ORIGIN}/gk/C1/2024"/>`);
    const ids = [...xml.matchAll(/<entry>\s*<id>([^<]+)<\/id>/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(3);
    expect(ids[0]).toBe(`${ORIGIN}/gk/C1/2024#withdrawn-${Date.parse("2026-03-01T00:00:00.000Z")}`);
  });

  it("with nothing published yet, is still a valid feed", () => {
    expect(xmlElements(atomFeed(ORIGIN, []))).toEqual(expect.arrayContaining(["http://www.w3.org/2005/Atom|feed", "http://www.w3.org/2005/Atom|updated"]));
  });
});

describe("the sitemap", () => {
  const entries = sitemapEntries({
    organCodes: ["B2", "A1"],
    reports: [
      { organCode: "A1", year: 2025, lastModified: "2026-01-14T17:30:00.000Z" },
      { organCode: "A1", year: 2024, lastModified: "2025-02-01T00:00:00.000Z" },
    ],
  });

  it("lists the home, open-data, organ and report pages with their 繁體 alternates, as well-formed XML", () => {
    expect(entries.map((e) => e.path)).toEqual(["/gk", "/gk/open-data", "/gk/B2", "/gk/A1", "/gk/A1/2024", "/gk/A1/2025"]);
    const xml = sitemapXml(ORIGIN, entries);
    const elements = xmlElements(xml);
    expect(elements[0]).toBe("http://www.sitemaps.org/schemas/sitemap/0.9|urlset");
    expect(elements.filter((e) => e.endsWith("|url"))).toHaveLength(6);
    expect(xml).toContain(`<loc>${ORIGIN}/gk/A1/2025</loc>`);
    expect(xml).toContain("<lastmod>2026-01-15</lastmod>");
    expect(xml).toContain(`<xhtml:link rel="alternate" hreflang="zh-Hant" href="${ORIGIN}/gk/A1/2025/hant"/>`);
  });

  it("escapes what goes into addresses, and splits into an index of parts above the limit", () => {
    expect(xmlText(`${ORIGIN}/gk?a=1&b="2"`)).toBe(`${ORIGIN}/gk?a=1&amp;b=&quot;2&quot;`);
    const index = sitemapIndexXml(ORIGIN, 3);
    expect(xmlElements(index).filter((e) => e.endsWith("|sitemap"))).toHaveLength(3);
    expect(index).toContain(`<loc>${ORIGIN}/gk/sitemap-3.xml</loc>`);
  });
});

describe("open-data addresses", () => {
  it("never take an organ's address (organ codes hold only letters and digits)", () => {
    for (const first of ["open-data", "feed.atom", "sitemap.xml", "sitemap-2.xml"]) expect(isOpenDataPath(first)).toBe(true);
    for (const first of ["opendata", "001008004005001", "sitemap", "sitemap-0.xml", "feed", undefined]) expect(isOpenDataPath(first)).toBe(false);
  });

  it("answer nothing (a 404) for a year file outside 2008 to next year, another format, a 繁體 form of a file or a deeper address, without reading the database", async () => {
    const next = Number(new Intl.DateTimeFormat("en", { year: "numeric", timeZone: "Asia/Shanghai" }).format(new Date())) + 1;
    for (const name of ["2007.csv", `${next + 1}.json`, "2025.xml", "2025.CSV", "２０２５.csv", "2025.csv.gz", "12025.csv", ""]) {
      expect(await openDataFile(["open-data", name], "hans"), name).toBeNull();
    }
    expect(await openDataFile(["open-data", "2025.csv"], "hant")).toBeNull();
    expect(await openDataFile(["open-data", "2025.csv", "x"], "hans")).toBeNull();
    expect(await openDataFile(["feed.atom", "x"], "hans")).toBeNull();
  });
});
