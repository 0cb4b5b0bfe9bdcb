// The publication metadata's rules (pure) and the block in every download of a published version.
import fc from "fast-check";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import {
  chinaDateOf,
  externalIndexNumberProblem,
  isCalendarDate,
  issuedOnProblem,
  metadataRows,
  platformIndexNumber,
  snapshotMetadata,
  type PublicationMetadata,
} from "@/lib/domain/publication-metadata";
import { renderReportPage } from "@/lib/publish/render-pages";
import type { PublishedSnapshot } from "@/lib/publish/snapshot";
import { reportToDocx } from "@/lib/report-files/docx";
import { parseReportJson, toReportJson } from "@/lib/report-files/report-json";
import { publicationCsv } from "@/lib/report-files/tables-csv";
import { fieldErrorsOf } from "@/lib/validation/fields";
import { publishSchema } from "@/lib/validation/publish-input";
import { validDraft } from "./report-fixtures";

const metadata: PublicationMetadata = { indexNumber: "001008004005097/2025-01220", organName: "洲泉镇", issuedOn: "2025-01-16", documentNumber: "洲政〔2025〕3号" };

describe("the 发文日期", () => {
  it("is a real calendar day, counted in China's time", () => {
    expect(isCalendarDate("2024-02-29")).toBe(true);
    expect(isCalendarDate("2025-02-29")).toBe(false);
    expect(isCalendarDate("2025-1-16")).toBe(false);
    // 2025-01-15T17:00Z is already the 16th in Beijing.
    expect(chinaDateOf(new Date("2025-01-15T17:00:00Z"))).toBe("2025-01-16");
    expect(chinaDateOf(new Date("2025-01-15T15:59:59Z"))).toBe("2025-01-15");
  });

  it("is the day the time-zone database gives for Asia/Shanghai, at any moment from 2000 to 2100", () => {
    const shanghai = new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit", timeZone: "Asia/Shanghai" });
    fc.assert(
      fc.property(fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2100-01-01T00:00:00Z"), noInvalidDate: true }), (at) => {
        expect(chinaDateOf(at)).toBe(shanghai.format(at));
      }),
      { numRuns: 2_000 },
    );
  });

  it("may be any day from the final approval to today, and no other", () => {
    const bounds = { today: "2025-01-20", approvedOn: "2025-01-10" };
    expect(issuedOnProblem("2025-01-10", bounds)).toBeNull();
    expect(issuedOnProblem("2025-01-20", bounds)).toBeNull();
    expect(issuedOnProblem("2025-01-21", bounds)).toBe("发文日期不能晚于今天（2025年1月20日）。");
    expect(issuedOnProblem("2025-01-09", bounds)).toBe("发文日期不能早于终审通过的日期（2025年1月10日）。");
    expect(issuedOnProblem("2025-13-01", bounds)).toBe("请填写有效的发文日期（年-月-日）。");
  });
});

describe("the 索引号", () => {
  it("allocated by the platform: organ code, the 发文日期's year and a five-digit serial", () => {
    expect(platformIndexNumber("001008004005097", 2025, 1220)).toBe("001008004005097/2025-01220");
    expect(platformIndexNumber("ABC", 2025, 1)).toBe("ABC/2025-00001");
    expect(platformIndexNumber("ABC", 2025, 123456)).toBe("ABC/2025-123456");
  });

  it.each(["001008004005097/2025-01220", "11330521MB1957874K/2025-00023", "FJ00142-0200-2025-00009", "gk.2025.001"])("accepts another platform's %s", (value) => {
    expect(externalIndexNumberProblem(value, 2025)).toBeNull();
  });

  it.each([
    ["", "请填写其他平台分配的索引号。"],
    ["００１/２０２５-００００１", "索引号应使用半角字母、数字和符号，请不要使用全角字符。"],
    ["001 2025 01220", "索引号只能包含字母、数字和“/”“-”“_”“.”，并以字母或数字开头和结尾。"],
    ["<b>2025</b>", "索引号只能包含字母、数字和“/”“-”“_”“.”，并以字母或数字开头和结尾。"],
    ["/2025-00001", "索引号只能包含字母、数字和“/”“-”“_”“.”，并以字母或数字开头和结尾。"],
    ["202500001", "索引号格式不对：应由机关代码、年份和顺序号组成，如 001008004005097/2025-01220。"],
    ["001008004005097/2024-01220", "索引号中应有发文日期的年份 2025（如 …/2025-00001）。"],
    ["001008004005097/20250-1220", "索引号中应有发文日期的年份 2025（如 …/2025-00001）。"],
    ["1".repeat(61), "索引号不能超过 60 个字符。"],
  ])("refuses %j with a message at the field", (value, message) => {
    expect(externalIndexNumberProblem(value, 2025)).toBe(message);
  });
});

describe("the publish form's schema", () => {
  it("reads the metadata, trimming it, and refuses what is not a date or unsafe", () => {
    expect(publishSchema.parse({ issuedOn: "2025-01-16", documentNumber: " 洲政〔2025〕3号 ", indexMode: "external", indexNumber: " A/2025-1 " })).toEqual({
      correctionNote: "",
      issuedOn: "2025-01-16",
      documentNumber: "洲政〔2025〕3号",
      indexMode: "external",
      indexNumber: "A/2025-1",
    });
    expect(publishSchema.parse({ correctionNote: "更正" })).toEqual({ correctionNote: "更正", documentNumber: "", indexMode: "platform", indexNumber: "" });
    // What the form shows at each field (the first message per field).
    const errors = (value: Record<string, unknown>) => fieldErrorsOf(publishSchema.safeParse(value).error!);
    expect(errors({ issuedOn: "2025/01/16" })).toEqual({ issuedOn: "请填写有效的日期（年-月-日）。" });
    expect(errors({ issuedOn: "" })).toEqual({ issuedOn: "请填写日期。" });
    expect(errors({ indexMode: "PLATFORM" })).toEqual({ indexMode: "请选择索引号的来源。" });
    expect(errors({ documentNumber: "a\u0000b" })).toEqual({ documentNumber: "含有无法保存的字符（如空字符或不完整的字符），请删除后重试。" });
  });
});

describe("the metadata block in every download", () => {
  it("lists the six fields in the platforms' order", () => {
    expect(metadataRows(metadata).map((r) => `${r.label}=${r.value}`)).toEqual([
      "索引号=001008004005097/2025-01220",
      "发布机构=洲泉镇",
      "公开方式=主动公开",
      "发文日期=2025-01-16",
      "组配分类=政府信息公开工作报告",
      "文件编号=洲政〔2025〕3号",
    ]);
  });

  it("is read from an early snapshot as the day of publication and no 文件编号", () => {
    expect(snapshotMetadata({ indexNumber: "X/2025-00001", organ: { name: "甲镇" }, publishedAt: "2025-01-15T17:30:00.000Z" })).toEqual({
      indexNumber: "X/2025-00001",
      organName: "甲镇",
      issuedOn: "2025-01-16",
      documentNumber: "",
    });
  });

  it("opens the Word document, above the title", async () => {
    const xml = await (
      await JSZip.loadAsync(await reportToDocx({ title: "洲泉镇2024年度政府信息公开工作年度报告", sections: validDraft(), metadata }))
    )
      .file("word/document.xml")!
      .async("string");
    const text = xml.replace(/<[^>]+>/g, "");
    for (const words of [
      "索引号001008004005097/2025-01220",
      "发布机构洲泉镇",
      "公开方式主动公开",
      "发文日期2025年1月16日",
      "组配分类政府信息公开工作报告",
      "文件编号洲政〔2025〕3号",
    ]) {
      expect(text).toContain(words);
    }
    expect(text.indexOf("索引号")).toBeLessThan(text.indexOf("洲泉镇2024年度"));
    // A draft's Word has none.
    const draft = await (await JSZip.loadAsync(await reportToDocx({ title: "t", sections: validDraft() }))).file("word/document.xml")!.async("string");
    expect(draft).not.toContain("索引号");
  });

  it("heads the CSV, in its own rows, before the tables' cells", () => {
    const lines = publicationCsv(validDraft(), metadata)
      .replace(/^\uFEFF/, "")
      .split(/\r?\n/);
    expect(lines.slice(1, 7)).toEqual([
      '"发布信息","索引号","indexNumber","001008004005097/2025-01220"',
      '"发布信息","发布机构","organ","洲泉镇"',
      '"发布信息","公开方式","disclosureMethod","主动公开"',
      '"发布信息","发文日期","issuedOn","2025-01-16"',
      '"发布信息","组配分类","category","政府信息公开工作报告"',
      '"发布信息","文件编号","documentNumber","洲政〔2025〕3号"',
    ]);
    expect(lines[7]).toMatch(/^"表二"/);
  });

  it("is the JSON's publication object, which an import ignores", () => {
    const file = toReportJson({ organ: { name: "洲泉镇", code: "001008004005097", kind: "TOWNSHIP" }, year: 2024, title: "t", sections: validDraft(), metadata });
    expect(file.publication).toEqual({
      indexNumber: "001008004005097/2025-01220",
      organ: "洲泉镇",
      disclosureMethod: "主动公开",
      issuedOn: "2025-01-16",
      category: "政府信息公开工作报告",
      documentNumber: "洲政〔2025〕3号",
    });
    expect(parseReportJson(JSON.parse(JSON.stringify(file))).ok).toBe(true);
  });

  it("is on the public page with the 发文日期 the 发布人 chose", () => {
    const snapshot: PublishedSnapshot = {
      organ: { name: "洲泉镇", code: "001008004005097", kind: "TOWNSHIP" },
      year: 2024,
      title: "洲泉镇2024年度政府信息公开工作年度报告",
      indexNumber: metadata.indexNumber,
      version: 1,
      publishedAt: "2025-03-01T02:00:00.000Z",
      issuedOn: "2025-01-16",
      documentNumber: "洲政〔2025〕3号",
      sections: validDraft(),
      approvals: [],
      correctionNote: null,
      history: [],
    };
    const html = renderReportPage(snapshot, "hans", "latest");
    expect(html).toContain("<dt>索引号</dt><dd>001008004005097/2025-01220</dd>");
    expect(html).toContain("<dt>发文日期</dt><dd>2025年1月16日</dd>");
    expect(html).toContain("<dt>文件编号</dt><dd>洲政〔2025〕3号</dd>");
  });
});
