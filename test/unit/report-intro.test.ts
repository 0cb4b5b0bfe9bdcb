// The 引言: an optional part before 一、总体情况, read by the text checks, carried in Word, JSON
// (nianbao.report/2, which still reads version 1 files) and on the public page.
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { renderReportPage } from "@/lib/publish/render-pages";
import type { PublishedSnapshot } from "@/lib/publish/snapshot";
import { reportToDocx } from "@/lib/report-files/docx";
import { parseReportJson, toReportJson } from "@/lib/report-files/report-json";
import { startFromLastYear } from "@/lib/report-format/carry-over";
import { withComputedTotals } from "@/lib/report-format/cells";
import { checkDraft } from "@/lib/report-format/checks";
import { storedSectionsSchema } from "@/lib/report-format/content";
import { diffSection } from "@/lib/report-format/diff";
import { reportContentHash, contentHash } from "@/lib/reports/content-hash";
import { validDraft } from "./report-fixtures";

const INTRO = "根据《中华人民共和国政府信息公开条例》规定，编制本报告。报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止。现将有关情况报告如下：";
const organ = { name: "青石镇", code: "001008004005001", kind: "TOWNSHIP" as const };
const title = "青石镇2024年度政府信息公开工作年度报告";
const withIntro = (text = INTRO) => ({ ...validDraft(), intro: { kind: "narrative" as const, text } });
const check = (sections: ReturnType<typeof validDraft>) => checkDraft({ year: 2024, organKind: "TOWNSHIP", sections, lastYear: null, identity: { title, organName: "青石镇" } });

describe("the 引言 in the checks", () => {
  it("is optional: an empty one is no SECTIONS error, and a real one raises nothing", () => {
    expect(check(validDraft())).toEqual([]);
    expect(check(withIntro())).toEqual([]);
  });

  it("is read by the text checks: punctuation, years and 2019-format words", () => {
    const findings = check(withIntro("根据《条例》规定,报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。"));
    expect(findings.filter((f) => f.section === "intro").map((f) => f.id)).toEqual(expect.arrayContaining(["PUNCTUATION", "YEAR"]));
    expect(findings.find((f) => f.id === "PUNCTUATION")!.message).toMatch(/^引言：/);
    const old = check(withIntro("本年新制作数量有所增加。"));
    expect(old.find((f) => f.id === "FORMAT" && f.section === "intro")).toBeDefined();
  });

  it("is carried over from last year as starting text, like the narrative sections", () => {
    const { sections, carriedOver } = startFromLastYear(withIntro());
    expect(sections.intro).toEqual({ kind: "narrative", text: INTRO });
    expect(carriedOver).toContain("intro");
  });

  it("is diffed word by word like any narrative", () => {
    const diff = diffSection(undefined, { kind: "narrative", text: "" }, { kind: "narrative", text: INTRO });
    expect(
      diff.text
        .filter((p) => p.kind === "added")
        .map((p) => p.text)
        .join(""),
    ).toBe(INTRO);
  });
});

describe("the report's content hash", () => {
  it("leaves an empty 引言 out, so hashes recorded before the 引言 existed stay valid", () => {
    const { intro: _intro, ...numbered } = validDraft();
    expect(reportContentHash(validDraft())).toBe(contentHash(numbered));
    expect(reportContentHash(withIntro())).not.toBe(reportContentHash(validDraft()));
  });

  it("reads a snapshot stored before the 引言 existed with an empty one", () => {
    const { intro: _intro, ...numbered } = validDraft();
    expect(storedSectionsSchema.parse(numbered).intro).toEqual({ kind: "narrative", text: "" });
  });
});

describe("the 引言 in JSON", () => {
  it("is written first in nianbao.report/2 and reads back", () => {
    const file = toReportJson({ organ, year: 2024, title, sections: withIntro() });
    expect(file.schema).toBe("nianbao.report/2");
    expect(file.sections[0]).toEqual({ key: "intro", title: "引言", text: INTRO });
    expect(file.sections[1]!.key).toBe("overview");
    const back = parseReportJson(JSON.parse(JSON.stringify(file)));
    expect(back.ok && back.sections).toEqual(withComputedTotals(withIntro()));
    expect(back.ok && back.findings).toEqual([]);
  });

  it("is left out when empty, and a file without it reads with an empty one", () => {
    const file = toReportJson({ organ, year: 2024, title, sections: validDraft() });
    expect(file.sections.map((s) => s.key)).toEqual(["overview", "proactive", "requests", "appeals", "problems", "other"]);
    const back = parseReportJson(file);
    expect(back.ok && back.sections.intro).toEqual({ kind: "narrative", text: "" });
  });

  it("reads a nianbao.report/1 file (no 引言) as before", () => {
    const file = { ...toReportJson({ organ, year: 2024, title, sections: validDraft() }), schema: "nianbao.report/1" };
    const back = parseReportJson(file);
    expect(back.ok && back.findings).toEqual([]);
    expect(back.ok && back.sections).toEqual(withComputedTotals(validDraft()));
  });

  it("has no place in a nianbao.report/1 file, and must come first in version 2", () => {
    const v2 = toReportJson({ organ, year: 2024, title, sections: withIntro() });
    const v1 = parseReportJson({ ...v2, schema: "nianbao.report/1", sections: v2.sections.slice(0, 6) });
    expect(v1.ok).toBe(false);
    expect(!v1.ok && v1.problems.join()).toContain('第 1 部分：key 为 "intro"，应为 overview、proactive');
    const moved = { ...v2, sections: [...v2.sections.slice(1, 3), v2.sections[0]!, ...v2.sections.slice(3)] };
    const parsed = parseReportJson(moved);
    expect(parsed.ok && parsed.findings.map((f) => f.message)).toContain("引言：位置不对，应为第 1 部分");
  });
});

describe("the 引言 in Word and on the public page", () => {
  it("opens the Word document after the title, before 一、总体情况, without a heading", async () => {
    const xml = await (await JSZip.loadAsync(await reportToDocx({ title, sections: withIntro() }))).file("word/document.xml")!.async("string");
    const text = xml.replace(/<[^>]+>/g, "");
    expect(text.indexOf(title)).toBeLessThan(text.indexOf("现将有关情况报告如下："));
    expect(text.indexOf("现将有关情况报告如下：")).toBeLessThan(text.indexOf("一、总体情况"));
    expect(text).not.toContain("引言");
  });

  it("is printed on the public page before 一、总体情况, and nothing is printed without one", () => {
    const snapshot = (sections: ReturnType<typeof validDraft>): PublishedSnapshot => ({
      organ,
      year: 2024,
      title,
      indexNumber: "001008004005001/2025-00001",
      version: 1,
      publishedAt: "2025-01-20T03:00:00.000Z",
      sections,
      approvals: [],
      correctionNote: null,
      changes: null,
      history: [],
      trend: [],
    });
    const html = renderReportPage(snapshot(withIntro()), "hans", "latest");
    expect(html.indexOf("现将有关情况报告如下：")).toBeGreaterThan(html.indexOf(`<h1>${title}</h1>`));
    expect(html.indexOf("现将有关情况报告如下：")).toBeLessThan(html.indexOf("一、总体情况"));
    expect(renderReportPage(snapshot(validDraft()), "hans", "latest")).not.toContain('class="intro"');
  });
});
