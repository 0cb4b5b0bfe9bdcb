// Reading reports from Word files, saved pages and pasted text (issue 13, items 1 and 2).
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { reportToDocx } from "@/lib/report-files/docx";
import { inspectDocx, MAX_IMPORT_FILE_BYTES, readDocxReport, readPageReport, readPastedReport } from "@/lib/report-files/import/read-report-file";
import type { RecognisedReport } from "@/lib/report-files/import/recognised-report";
import { withComputedTotals } from "@/lib/report-format/cells";
import type { ReportSections, TableContent } from "@/lib/report-format/content";
import { ALL_CELLS, NUMBERED_SECTION_KEYS, SECTION_KEYS, TABLE3_COLUMNS, TABLE3_ROWS, TABLE_SECTION } from "@/lib/report-format/format";
import { docxOf, gbk, platformPage, reportParts, type FixturePart, type FixtureTable } from "./import-fixtures";
import { richDraft } from "./report-fixtures";

const TITLE = "洲泉镇2024年度政府信息公开工作年度报告";
const INTRO = "根据《中华人民共和国政府信息公开条例》规定，现将洲泉镇2024年度政府信息公开工作情况报告如下：";

function expectOk(result: { ok: true; report: RecognisedReport } | { ok: false; problem: string }): RecognisedReport {
  if (!result.ok) throw new Error(`not read: ${result.problem}`);
  return result.report;
}

function cellsOf(sections: ReportSections, table: 2 | 3 | 4) {
  return (sections[TABLE_SECTION[table]] as TableContent).cells;
}

/** The same figures: every cell of the official form, totals computed. */
function expectSameTables(read: ReportSections, expected: ReportSections) {
  const full = withComputedTotals(expected);
  for (const table of [2, 3, 4] as const) {
    const want = Object.fromEntries(ALL_CELLS[table].map((c) => [c, cellsOf(full, table)[c] ?? ""]));
    expect(cellsOf(read, table)).toEqual(want);
  }
}

describe("the project's own Word export", () => {
  it("imports back to exactly the same content", async () => {
    const sections = richDraft();
    (sections.proactive as TableContent).note = "注：本表数据来源于本机关政务服务系统。";
    sections.intro = { kind: "narrative", text: INTRO };
    const bytes = await reportToDocx({ title: TITLE, sections });
    const report = expectOk(await readDocxReport(new Uint8Array(bytes)));
    expect(report.title).toBe(TITLE);
    expect(report.year).toBe(2024);
    expect(report.intro).toBe(INTRO);
    expect(report.foundSections.intro).toBe(true);
    expect(report.unrecognised).toEqual([]);
    expect(report.findings).toEqual([]);
    expect(NUMBERED_SECTION_KEYS.every((k) => report.foundSections[k])).toBe(true);
    expect(report.foundSubheadings).toHaveLength(5);
    for (const key of SECTION_KEYS) {
      const content = sections[key];
      if (content.kind === "narrative") expect(report.sections[key]).toEqual(content);
      else expect((report.sections[key] as TableContent).note).toBe(content.note);
    }
    expectSameTables(report.sections, sections);
  });

  it("reads back the metadata block of a published version's Word file", async () => {
    const metadata = { indexNumber: "001008004005097/2025-01220", organName: "洲泉镇", issuedOn: "2025-01-16", documentNumber: "洲政〔2025〕3号" };
    const report = expectOk(await readDocxReport(new Uint8Array(await reportToDocx({ title: TITLE, sections: richDraft(), metadata }))));
    expect(report.metadata).toMatchObject({ indexNumber: metadata.indexNumber, publisher: "洲泉镇", issuedOn: "2025-01-16", documentNumber: metadata.documentNumber });
    expect(report.unrecognised).toEqual([]);
    expectSameTables(report.sections, richDraft());
  });
});

describe("Word files in the official layout and its variants", () => {
  it("reads the opening paragraph apart from 一、总体情况", async () => {
    const report = expectOk(await readDocxReport(await docxOf(reportParts({ title: TITLE, intro: INTRO, sections: richDraft() }))));
    expect(report.intro).toBe(INTRO);
    expect(report.sections.intro).toEqual({ kind: "narrative", text: INTRO });
    expect(report.sections.overview.kind === "narrative" && report.sections.overview.text.startsWith("（一）主动公开")).toBe(true);
    expectSameTables(report.sections, richDraft());
  });

  it("reads numbers with stray spaces, '/' and '—' as printed, and skips extra empty rows", async () => {
    const sections = richDraft();
    const parts = reportParts({ title: TITLE, sections });
    const t3 = parts.find((p): p is FixtureTable => typeof p !== "string" && p.rows.length > 20)!;
    const newRequests = t3.rows.find((r) => r[0]!.text.startsWith("一、"))!;
    newRequests[1]!.text = " 1 0 ";
    newRequests[3]!.text = "/";
    newRequests[4]!.text = "—";
    t3.rows.splice(
      5,
      0,
      Array.from({ length: 10 }, () => ({ text: "" })),
    );
    t3.rows.push([{ text: "", colSpan: 3 }, ...Array.from({ length: 7 }, () => ({ text: "" }))]);
    const report = expectOk(await readDocxReport(await docxOf(parts)));
    const cells = cellsOf(report.sections, 3);
    expect(cells["newRequests.natural"]).toBe("10");
    expect(cells["newRequests.research"]).toBe("/");
    expect(cells["newRequests.social"]).toBe("—");
    expect(report.unrecognised).toEqual([]);
  });

  it("reads a table split in two across a page, the second part without its header", async () => {
    const parts = reportParts({ title: TITLE, sections: richDraft() });
    const index = parts.findIndex((p) => typeof p !== "string" && p.rows.length > 20);
    const t3 = parts[index] as FixtureTable;
    // Rows 0–2 are the header; split after 二、上年结转 (no merged cell crosses the break), an empty paragraph between.
    parts.splice(index, 1, { rows: t3.rows.slice(0, 5) }, "", { rows: t3.rows.slice(5) });
    const report = expectOk(await readDocxReport(await docxOf(parts)));
    expectSameTables(report.sections, richDraft());
  });

  it("reads table 3 laid out differently: one header row, row labels in one column, 部分公开 without its explanation", async () => {
    const sections = withComputedTotals(richDraft());
    const t3 = cellsOf(sections, 3);
    const flatTable3: FixtureTable = {
      rows: [
        [{ text: "" }, ...TABLE3_COLUMNS.map((c) => ({ text: c.label }))],
        ...TABLE3_ROWS.map((r) => [
          { text: r.label.replace("（区分处理的，只计这一情形，不计其他情形）", "") },
          ...TABLE3_COLUMNS.map((c) => ({ text: t3[`${r.key}.${c.key}`]! })),
        ]),
      ],
    };
    const parts = reportParts({ title: TITLE, sections: richDraft() });
    parts.splice(
      parts.findIndex((p) => typeof p !== "string" && p.rows.length > 20),
      1,
      flatTable3,
    );
    const report = expectOk(await readDocxReport(await docxOf(parts)));
    expectSameTables(report.sections, richDraft());
    expect(report.unrecognised).toEqual([]);
  });

  it("maps 2019-format titles and table items with a FORMAT finding", async () => {
    const sections = richDraft();
    const parts = reportParts({
      title: "洲泉镇2019年度政府信息公开工作年度报告",
      sections,
      titles: { overview: "一、概述", requests: "三、依申请公开政府信息情况", problems: "五、政府信息公开工作存在的主要问题及改进情况" },
    });
    const t2 = parts.find((p): p is FixtureTable => typeof p !== "string" && p.rows[0]![0]!.text.startsWith("第二十条"))!;
    t2.rows[1] = [{ text: "信息内容" }, { text: "本年新制作数量" }, { text: "本年新公开数量" }, { text: "对外公开总数量" }];
    t2.rows[3]![0]!.text = "规范性文件";
    const report = expectOk(await readDocxReport(await docxOf(parts)));
    expect(report.year).toBe(2019);
    expect(NUMBERED_SECTION_KEYS.every((k) => report.foundSections[k])).toBe(true);
    const messages = report.findings.map((f) => `${f.id} ${f.message}`);
    expect(messages).toContainEqual(expect.stringContaining("“一、概述”是 2019 年以前格式的标题"));
    expect(messages).toContainEqual(expect.stringContaining("本年新制作数量"));
    expect(messages.every((m) => m.startsWith("FORMAT"))).toBe(true);
    const t2cells = cellsOf(report.sections, 2);
    expect(t2cells["normativeDocuments.made"]).toBe("3");
    expect(t2cells["normativeDocuments.current"]).toBe("20");
    expect(t2cells["normativeDocuments.repealed"]).toBeUndefined();
  });

  it("reads headings and sub-headings written with half-width punctuation", async () => {
    const sections = richDraft();
    const parts = reportParts({
      title: TITLE,
      sections,
      titles: { overview: "一.总体情况", proactive: "二. 主动公开政府信息情况", appeals: "四,政府信息公开行政复议,行政诉讼情况" },
    }).map((p) => (typeof p === "string" ? p.replace(/^（([一二三四五])）/, "($1)") : p));
    const report = expectOk(await readDocxReport(await docxOf(parts)));
    expect(NUMBERED_SECTION_KEYS.every((k) => report.foundSections[k])).toBe(true);
    expect(report.foundSubheadings).toHaveLength(5);
    expect(report.sections.overview).toEqual(sections.overview);
  });
});

describe("files that are not a readable report", () => {
  it("refuses a Word file that is not a report", async () => {
    const result = await readDocxReport(await docxOf(["会议通知", "定于下周一召开全体会议。", { rows: [[{ text: "姓名" }, { text: "单位" }]] }]));
    expect(result).toEqual({ ok: false, problem: expect.stringContaining("不像是一份政府信息公开工作年度报告") });
  });

  it("refuses corrupt, old-format, encrypted and oversized files, and zip bombs", async () => {
    const good = await docxOf(reportParts({ title: TITLE, sections: richDraft() }));
    expect(await readDocxReport(good.slice(0, good.length / 2))).toEqual({ ok: false, problem: expect.stringContaining("文件已损坏") });
    expect(await readDocxReport(new TextEncoder().encode("这不是 Word 文件"))).toEqual({ ok: false, problem: expect.stringContaining("文件已损坏") });
    const ole = new Uint8Array(2048);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(inspectDocx(ole)).toEqual({ ok: false, problem: expect.stringContaining("旧版 Word（.doc）") });
    ole.set(new Uint8Array(Buffer.from("EncryptionInfo", "utf16le")), 1024);
    expect(inspectDocx(ole)).toEqual({ ok: false, problem: expect.stringContaining("设有打开密码") });
    expect(inspectDocx(new Uint8Array(MAX_IMPORT_FILE_BYTES + 1))).toEqual({ ok: false, problem: expect.stringContaining("MB") });

    const bomb = new JSZip();
    bomb.file("word/document.xml", "<w:document/>");
    bomb.file("word/padding.xml", "0".repeat(80 * 1024 * 1024));
    const bytes = await bomb.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    expect(bytes.length).toBeLessThan(MAX_IMPORT_FILE_BYTES);
    expect(await readDocxReport(bytes)).toEqual({ ok: false, problem: expect.stringContaining("解压后过大") });
  });
});

describe("pages saved from disclosure platforms, and pasted text", () => {
  const parts = (): FixturePart[] => reportParts({ title: TITLE, intro: INTRO, sections: richDraft() });

  it("reads a UTF-8 page with a metadata table, the opening paragraph, sections and tables, and leaves out the site around them", () => {
    const html = platformPage({ parts: parts(), style: "table-meta" });
    const report = expectOk(readPageReport(new TextEncoder().encode(html)));
    expect(report.title).toBe(TITLE);
    expect(report.metadata).toEqual({ indexNumber: "001008004005097/2025-01220", publisher: "洲泉镇", issuedOn: "2025-01-16", category: "政府信息公开工作报告" });
    expect(report.intro).toBe(INTRO);
    expect(report.sections.other).toEqual(richDraft().other);
    expectSameTables(report.sections, richDraft());
    expect(report.unrecognised.join("\n")).toContain("正文之后");
  });

  it("reads a GBK page, declared or not, with its metadata in lines", () => {
    const html = platformPage({ parts: parts(), style: "line-meta", charset: "gb2312" });
    const declared = expectOk(readPageReport(gbk(html)));
    expect(declared.metadata).toEqual({ indexNumber: "11330483002566044K/2025-00012", publisher: "洲泉镇人民政府", issuedOn: "2025-01-16", documentNumber: "洲政〔2025〕3号" });
    expectSameTables(declared.sections, richDraft());
    const undeclared = expectOk(readPageReport(gbk(platformPage({ parts: parts(), style: "line-meta", charset: null }))));
    expect(undeclared.sections).toEqual(declared.sections);
    expect(undeclared.intro).toBe(INTRO);
  });

  it("says plainly when tables are flattened into runs of '|', and leaves their cells empty", () => {
    const report = expectOk(readPageReport(new TextEncoder().encode(platformPage({ parts: parts(), style: "line-meta", flatten: true }))));
    expect(report.tableSources).toEqual({ 2: "flattened", 3: "flattened", 4: "flattened" });
    expect(report.unrecognised).toContainEqual(expect.stringContaining("表三在文件中不是表格"));
    for (const table of [2, 3, 4] as const) expect(cellsOf(report.sections, table)).toEqual({});
    expect(report.sections.overview).toEqual(richDraft().overview);
  });

  it("says when a page has no tables at all", () => {
    const noTables = parts().filter((p) => typeof p === "string");
    const report = expectOk(readPageReport(new TextEncoder().encode(platformPage({ parts: noTables, style: "table-meta" }))));
    expect(report.tableSources).toEqual({ 2: "missing", 3: "missing", 4: "missing" });
    expect(report.unrecognised).toContainEqual("文件中没有表三，其单元格留空，请逐格填写。");
  });

  it("refuses a page of another kind of document", () => {
    const html = `<html><head><meta charset="utf-8"></head><body><h1>关于开展2025年春季植树活动的通知</h1><p>索引号：001/2025-00001</p><p>各村（社区）：现将有关事项通知如下。</p><p>一、活动时间</p><p>3月12日。</p></body></html>`;
    expect(readPageReport(new TextEncoder().encode(html))).toEqual({ ok: false, problem: expect.stringContaining("不像是一份政府信息公开工作年度报告") });
  });

  it("reads pasted text, with tables pasted as tab-separated lines said to be flattened", () => {
    const lines = parts().flatMap((p) => (typeof p === "string" ? [p] : p.rows.map((r) => r.map((c) => c.text).join("\t"))));
    const report = expectOk(readPastedReport(["索引号：001008004005097/2025-01220", ...lines].join("\n")));
    expect(report.metadata.indexNumber).toBe("001008004005097/2025-01220");
    expect(report.intro).toBe(INTRO);
    expect(report.sections.problems).toEqual(richDraft().problems);
    expect(report.tableSources[3]).toBe("flattened");
  });
});
