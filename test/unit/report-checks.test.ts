import { describe, expect, it } from "vitest";
import { withComputedTotals } from "@/lib/report-format/cells";
import { checkDraft, checkReport, hasErrors, type CheckId, type Finding } from "@/lib/report-format/checks";
import type { ReportSections, TableContent } from "@/lib/report-format/content";
import { OTHER_TEXT, PROBLEMS_TEXT, setCell, validDraft } from "./report-fixtures";

const draft = (sections: ReportSections, extra: Partial<Parameters<typeof checkDraft>[0]> = {}) => checkDraft({ year: 2024, organKind: "TOWNSHIP", sections, ...extra });
const ids = (findings: Finding[]) => findings.map((f) => f.id);
const only = (findings: Finding[], id: CheckId) => findings.filter((f) => f.id === id);

describe("a consistent draft", () => {
  it("has no findings at all", () => {
    expect(draft(validDraft())).toEqual([]);
  });
});

describe("CELL: counts are non-negative whole numbers, the fee a decimal in 万元", () => {
  it.each([
    ["", "不能为空，没有请填 0"],
    ["/", "不能填“/”“—”等符号，没有请填 0"],
    ["—", "不能填“/”“—”等符号，没有请填 0"],
    ["-", "不能填“/”“—”等符号，没有请填 0"],
    ["-3", "不能为负数"],
    ["2.5", "件数须为整数"],
    ["三", "须为数字"],
    ["abc", "须为数字"],
  ])("refuses %j in a count", (value, message) => {
    const findings = draft(setCell(validDraft(), "requests", "disclosed.legal", value));
    const cell = only(findings, "CELL");
    expect(cell).toHaveLength(1);
    expect(cell[0]!.message).toContain("表三 （一）予以公开 / 法律服务机构");
    expect(cell[0]!.message).toContain(message);
    expect(cell[0]!.cells).toEqual([{ table: 3, cell: "disclosed.legal" }]);
  });

  it("accepts full-width digits and surrounding spaces", () => {
    expect(draft(setCell(validDraft(), "proactive", "normativeDocuments.made", " ２ "))).toEqual([]);
  });

  it("accepts a fee with up to four decimals and refuses more, or a negative one", () => {
    expect(draft(setCell(validDraft(), "proactive", "fees.amount", "1.2345"))).toEqual([]);
    expect(only(draft(setCell(validDraft(), "proactive", "fees.amount", "1.23456")), "CELL")[0]!.message).toContain("最多保留 4 位小数");
    expect(only(draft(setCell(validDraft(), "proactive", "fees.amount", "-1")), "CELL")[0]!.message).toContain("不能为负数");
  });

  it("in an imported report, also checks the totals' cells", () => {
    const sections = withComputedTotals(validDraft());
    setCell(sections, "requests", "resultsTotal.total", "/");
    const findings = checkReport({ year: 2024, organKind: "TOWNSHIP", sections });
    expect(only(findings, "CELL")[0]!.cells).toEqual([{ table: 3, cell: "resultsTotal.total" }]);
  });
});

describe("T3-BALANCE: 一 + 二 = （七）总计 + 四, per column", () => {
  it("names the column and both sums", () => {
    const findings = draft(setCell(validDraft(), "requests", "carriedOut.natural", "0"));
    const balance = only(findings, "T3-BALANCE");
    expect(balance.map((f) => f.message)).toEqual(["表三 自然人列：一+二=6，（七）总计+四=5，两者应相等", "表三 总计列：一+二=6，（七）总计+四=5，两者应相等"]);
    expect(balance[0]!.cells).toContainEqual({ table: 3, cell: "carriedOut.natural" });
    expect(hasErrors(findings)).toBe(true);
  });

  it("is silent when a column's cells are not all valid (the cell error says why)", () => {
    const findings = draft(setCell(validDraft(), "requests", "carriedOut.natural", "x"));
    expect(ids(findings)).toEqual(["CELL"]);
  });
});

describe("T3-RESULTS and T3-ROWTOTAL: the printed totals (imported reports)", () => {
  it("flags a （七）总计 that is not the sum of （一）–（六）", () => {
    const sections = withComputedTotals(validDraft());
    setCell(sections, "requests", "resultsTotal.natural", "4");
    setCell(sections, "requests", "carriedOut.natural", "2"); // keeps the balance, isolates the rule
    const findings = checkReport({ year: 2024, organKind: "TOWNSHIP", sections });
    expect(only(findings, "T3-RESULTS").map((f) => f.message)).toEqual(["表三 自然人列：（七）总计为 4，但（一）至（六）各项之和为 5"]);
  });

  it("flags a row total that is not the sum of the applicant columns", () => {
    const sections = withComputedTotals(validDraft());
    setCell(sections, "requests", "disclosed.total", "9");
    const findings = checkReport({ year: 2024, organKind: "TOWNSHIP", sections });
    expect(only(findings, "T3-ROWTOTAL").map((f) => f.message)).toEqual(["表三 （一）予以公开：总计为 9，但各类申请人之和为 3"]);
  });

  it("cannot fail in the editor, where totals are computed", () => {
    expect(ids(draft(setCell(validDraft(), "requests", "disclosed.natural", "4")))).not.toContain("T3-RESULTS");
  });
});

describe("T4-TOTAL", () => {
  it("flags a block whose 总计 is not the sum of its four results", () => {
    const sections = withComputedTotals(validDraft());
    setCell(sections, "appeals", "review.upheld", "1");
    const findings = checkReport({ year: 2024, organKind: "TOWNSHIP", sections });
    expect(only(findings, "T4-TOTAL").map((f) => f.message)).toEqual(["表四 行政复议 / 总计：总计为 0，但维持、纠正、其他、尚未审结之和为 1"]);
    expect(only(draft(setCell(validDraft(), "appeals", "review.upheld", "1")), "T4-TOTAL")).toEqual([]);
  });
});

describe("SECTIONS", () => {
  it("flags an empty narrative section, and an overview with only its sub-headings", () => {
    const sections = validDraft();
    sections.problems = { kind: "narrative", text: "  \n " };
    sections.overview = { kind: "narrative", text: "（一）主动公开\n\n（二）依申请公开\n（三）政府信息管理\n（四）政府信息公开平台建设\n（五）监督保障\n" };
    expect(only(draft(sections), "SECTIONS").map((f) => f.message)).toEqual(["一、总体情况：尚未填写内容", "五、存在的主要问题及改进情况：尚未填写内容"]);
  });
});

describe("FORMAT", () => {
  it("flags a 2019-format label in a report for 2021 or later, but not in an older one", () => {
    const sections = validDraft();
    (sections.proactive as TableContent).note = "本年新制作数量与上一年项目数量相比有所增加。";
    expect(only(draft(sections), "FORMAT").map((f) => f.message)).toEqual([
      "二、主动公开政府信息情况：含有已废止的 2019 年格式用语“本年新制作数量”，2024 年度报告应使用 2021 年格式",
      "二、主动公开政府信息情况：含有已废止的 2019 年格式用语“上一年项目数量”，2024 年度报告应使用 2021 年格式",
    ]);
    expect(only(draft(sections, { year: 2020 }), "FORMAT")).toEqual([]);
  });
});

describe("CARRYOVER", () => {
  it("compares this year's 二、上年结转 with last year's 四 per column", () => {
    const lastYear = setCell(validDraft(), "requests", "carriedOut.natural", "2");
    setCell(lastYear, "requests", "unavailable1.natural", "0"); // keep last year balanced
    const findings = draft(validDraft(), { lastYear });
    expect(only(findings, "CARRYOVER").map((f) => f.message)).toEqual([
      "表三 自然人列：二、上年结转为 1，但上一年度报告的四、结转下年度继续办理为 2",
      "表三 总计列：二、上年结转为 1，但上一年度报告的四、结转下年度继续办理为 2",
    ]);
    expect(hasErrors(only(findings, "CARRYOVER"))).toBe(false);
  });

  it("is silent when they agree or when there is no last year", () => {
    expect(only(draft(validDraft(), { lastYear: validDraft() }), "CARRYOVER")).toEqual([]);
    expect(only(draft(validDraft(), { lastYear: null }), "CARRYOVER")).toEqual([]);
  });
});

describe("REGULATION", () => {
  it("warns a township with 规章, and not a city", () => {
    const sections = setCell(validDraft(), "proactive", "regulations.made", "2");
    expect(only(draft(sections), "REGULATION")[0]!.cells).toEqual([{ table: 2, cell: "regulations.made" }]);
    expect(only(draft(sections, { organKind: "CITY" }), "REGULATION")).toEqual([]);
    expect(only(draft(sections, { organKind: "STREET" }), "REGULATION")).toHaveLength(1);
  });
});

describe("FEE-UNIT", () => {
  it("warns when a township's fee looks entered in 元", () => {
    expect(only(draft(setCell(validDraft(), "proactive", "fees.amount", "3500")), "FEE-UNIT")[0]!.message).toContain("万元");
    expect(only(draft(setCell(validDraft(), "proactive", "fees.amount", "3.5")), "FEE-UNIT")).toEqual([]);
    expect(only(draft(setCell(validDraft(), "proactive", "fees.amount", "3500"), { organKind: "CITY" }), "FEE-UNIT")).toEqual([]);
  });
});

describe("NARRATIVE", () => {
  it("warns when the text quotes a number of new applications other than table 3's", () => {
    const sections = validDraft();
    sections.overview = { kind: "narrative", text: "（一）主动公开\n本年度收到5条依申请公开信息。" };
    setCell(sections, "requests", "newRequests.natural", "4");
    setCell(sections, "requests", "carriedIn.natural", "2");
    const messages = only(draft(sections), "NARRATIVE").map((f) => f.message);
    expect(messages).toEqual(["一、总体情况：文中写“收到5条依申请公开信息”，但表三 一、本年新收政府信息公开申请数量 总计为 4"]);
  });

  it("warns about 行政复议 and 行政诉讼 counts and about 均获维持 with open cases", () => {
    const sections = validDraft();
    sections.other = { kind: "narrative", text: `${OTHER_TEXT}本年度发生行政复议1件，行政诉讼2件，均获维持。` };
    setCell(sections, "appeals", "review.pending", "1");
    const messages = only(draft(sections), "NARRATIVE").map((f) => f.message);
    expect(messages).toContain("六、其他需要报告的事项：文中写“行政诉讼2件”，但表四 行政诉讼 两项总计之和为 0");
    expect(messages).toContain("六、其他需要报告的事项：文中写“均获维持”，但表四的行政复议 / 尚未审结不为 0");
    expect(messages.some((m) => m.includes("行政复议1件"))).toBe(false); // 1 is right
  });

  it("does not mistake a 复议 application for a disclosure application", () => {
    const sections = validDraft();
    sections.other = { kind: "narrative", text: `${OTHER_TEXT}收到行政复议申请3件。` };
    expect(only(draft(sections), "NARRATIVE").map((f) => f.message)).toEqual(["六、其他需要报告的事项：文中写“行政复议申请3件”，但表四 行政复议 总计为 0"]);
  });
});

describe("SECTION5", () => {
  it.each([
    ["无", "只写了“无”"],
    ["无。", "只写了“无”"],
    ["工作还有不足，将继续改进。", "过于简略"],
  ])("warns about %j", (text, reason) => {
    const sections = validDraft();
    sections.problems = { kind: "narrative", text };
    expect(only(draft(sections), "SECTION5")[0]!.message).toContain(reason);
  });

  it("warns when it is last year's text again", () => {
    expect(only(draft(validDraft(), { lastYear: validDraft() }), "SECTION5")[0]!.message).toContain("与上一年度报告基本相同");
    const lastYear = validDraft();
    lastYear.problems = { kind: "narrative", text: "上一年度主要问题是网站栏目设置不够合理、更新不及时，已通过栏目调整和建立更新台账的方式加以改进，效果明显。" };
    expect(only(draft(validDraft(), { lastYear }), "SECTION5")).toEqual([]);
  });
});

describe("SECTION6-FEE", () => {
  it("warns when section 六 says nothing about the processing fee", () => {
    const sections = validDraft();
    sections.other = { kind: "narrative", text: "认真落实上级政务公开工作要点。" };
    expect(ids(draft(sections))).toEqual(["SECTION6-FEE"]);
  });

  it("warns when it says no fee was charged but table 3 （六）2 counts unpaid fees", () => {
    const sections = setCell(validDraft(), "requests", "otherHandling2.natural", "1");
    setCell(sections, "requests", "carriedOut.natural", "0");
    expect(only(draft(sections), "SECTION6-FEE")[0]!.message).toContain("（六）2");
  });
});

describe("COPY", () => {
  it("warns when a narrative section is mostly last year's", () => {
    const lastYear = validDraft();
    lastYear.problems = { kind: "narrative", text: `${PROBLEMS_TEXT}（去年）` };
    const findings = only(draft(validDraft(), { lastYear }), "COPY");
    expect(findings.map((f) => f.section)).toEqual(["overview", "other"]);
    expect(findings[0]!.message).toMatch(/相似度为 \d+%/);
  });

  it("is silent for rewritten text", () => {
    const sections = validDraft();
    const lastYear = validDraft();
    lastYear.overview = { kind: "narrative", text: "（一）主动公开\n去年我们通过公开栏发布了村务、财务信息。" };
    lastYear.other = { kind: "narrative", text: "2023年度本机关没有收取任何费用，也没有其他事项。" };
    expect(only(draft(sections, { lastYear }), "COPY")).toEqual([]);
  });
});
