import { describe, expect, it } from "vitest";
import { withComputedTotals } from "@/lib/report-format/cells";
import { checkDraft, checkReport, hasErrors, type CheckId, type Finding } from "@/lib/report-format/checks";
import { paragraphsOf, type ReportSections, type TableContent } from "@/lib/report-format/content";
import { fixPunctuation } from "@/lib/report-format/punctuation";
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
    ["1234567890", "数字过长（最多 9 位）"],
    ["1,234", "请去掉千位分隔符"],
    ["1，234", "请去掉千位分隔符"],
    ["3件", "只填数字，不带单位"],
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

describe("sums with blanks in a file: a blank counts as 0 and the message says what the total would be", () => {
  const file = () => withComputedTotals(validDraft());
  const check = (sections: ReportSections) => checkReport({ year: 2024, organKind: "TOWNSHIP", sections });

  it("a row with 自然人 4 and an empty 总计", () => {
    const sections = setCell(file(), "requests", "disclosed.total", "");
    setCell(sections, "requests", "disclosed.natural", "4");
    setCell(sections, "requests", "carriedOut.natural", "0"); // keeps the balance, isolates the rule
    setCell(sections, "requests", "carriedOut.total", "0");
    const findings = check(sections);
    expect(only(findings, "T3-ROWTOTAL").map((f) => f.message)).toEqual(["表三 （一）予以公开：总计为空；各类申请人之和为 4"]);
    // The blank stays a CELL error of its own.
    expect(only(findings, "CELL").map((f) => f.cells[0]!.cell)).toEqual(["disclosed.total"]);
  });

  it("blank parts count as 0, and the message names them", () => {
    const sections = setCell(file(), "requests", "disclosed.commercial", "");
    setCell(sections, "requests", "disclosed.total", "4");
    expect(only(check(sections), "T3-ROWTOTAL").map((f) => f.message)).toEqual(["表三 （一）予以公开：总计为 4，但各类申请人之和为 3（商业企业为空，按 0 计）"]);
  });

  it("an empty （七）总计 and an empty 表四 总计 are told their sums", () => {
    const sections = setCell(file(), "requests", "resultsTotal.natural", "");
    setCell(sections, "appeals", "review.upheld", "2");
    setCell(sections, "appeals", "review.total", "");
    const findings = check(sections);
    expect(only(findings, "T3-RESULTS").map((f) => f.message)).toEqual(["表三 自然人列：（七）总计为空；（一）至（六）各项之和为 5"]);
    expect(only(findings, "T4-TOTAL").map((f) => f.message)).toEqual(["表四 行政复议 / 总计：总计为空；维持、纠正、其他、尚未审结之和为 2"]);
    expect(only(findings, "T3-BALANCE").map((f) => f.message)).toEqual(["表三 自然人列：一+二=6，（七）总计+四=1，两者应相等（（七）总计为空，按 0 计）"]);
  });

  it("reads 1,234 as what it means in a sum, while the cell is told to drop the separator", () => {
    const sections = setCell(file(), "requests", "disclosed.natural", "1,003");
    setCell(sections, "requests", "disclosed.total", "1,003");
    setCell(sections, "requests", "newRequests.natural", "1005");
    setCell(sections, "requests", "newRequests.total", "1005");
    setCell(sections, "requests", "resultsTotal.natural", "1005");
    setCell(sections, "requests", "resultsTotal.total", "1005");
    sections.overview = { kind: "narrative", text: "本年度共收到政府信息公开申请1,005件。" };
    const findings = check(sections);
    expect(findings.map((f) => [f.id, f.message])).toEqual([
      ["CELL", "表三 （一）予以公开 / 自然人：请去掉千位分隔符（现为“1,003”）"],
      ["CELL", "表三 （一）予以公开 / 总计：请去掉千位分隔符（现为“1,003”）"],
    ]);
  });

  it("is silent for a row or block not filled in at all, and for unreadable values", () => {
    const sections = file();
    for (const column of ["natural", "commercial", "research", "social", "legal", "other", "total"]) setCell(sections, "requests", `withheld1.${column}`, "");
    setCell(sections, "requests", "disclosed.natural", "三");
    const ids = new Set(check(sections).map((f) => f.id));
    expect([...ids]).toEqual(["CELL"]);
  });

  it("in a draft, where totals are computed, waits until the cells are filled", () => {
    const sections = setCell(validDraft(), "requests", "carriedOut.natural", "");
    expect(ids(draft(sections))).toEqual(["CELL"]);
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

describe("sub-headings", () => {
  it("a line starting with （一） or a half-width (一) is a sub-heading", () => {
    expect(paragraphsOf("(一)主动公开\n正文\n（二)依申请公开\n（三）政府信息管理").map((p) => p.kind)).toEqual(["heading", "paragraph", "heading", "heading"]);
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

describe("T2-CONTINUITY", () => {
  it("compares 现行有效 with last year's 现行有效 + 本年制发 − 本年废止", () => {
    const lastYear = setCell(validDraft(), "proactive", "normativeDocuments.current", "18");
    const sections = setCell(validDraft(), "proactive", "normativeDocuments.made", "3");
    setCell(sections, "proactive", "normativeDocuments.repealed", "1");
    setCell(sections, "proactive", "normativeDocuments.current", "21");
    const findings = only(draft(sections, { lastYear }), "T2-CONTINUITY");
    expect(findings.map((f) => f.message)).toEqual(["表二 行政规范性文件：现行有效件数为 21，但上一年度报告的现行有效件数 18 + 本年制发 3 − 本年废止 1 = 20"]);
    expect(findings[0]!.cells).toEqual([{ table: 2, cell: "normativeDocuments.current" }]);
    expect(hasErrors(findings)).toBe(false);
    expect(only(draft(setCell(sections, "proactive", "normativeDocuments.current", "20"), { lastYear }), "T2-CONTINUITY")).toEqual([]);
    expect(only(draft(sections), "T2-CONTINUITY")).toEqual([]);
  });
});

describe("YEAR and ORGAN", () => {
  const identity = { title: "青石镇2024年度政府信息公开工作年度报告", organName: "青石镇" };

  it("are silent for a title, statistics period and sentences of the report's year and organ", () => {
    const sections = validDraft();
    sections.overview = {
      kind: "narrative",
      text: `本报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止。2025年将继续做好公开工作。较2023年有所增加。\n${(sections.overview as { text: string }).text}`,
    };
    expect(draft(sections, { identity })).toEqual([]);
  });

  it("reads the title's year apart from digits in the organ's name", () => {
    expect(draft(validDraft(), { identity: { title: "城东第2社区2024年度政府信息公开工作年度报告", organName: "城东第2社区" } })).toEqual([]);
    expect(draft(validDraft(), { identity: { title: "审核镇1733482024年度政府信息公开工作年度报告", organName: "审核镇173348" } })).toEqual([]);
  });

  it.each([
    ["青石镇2019年度政府信息公开工作年度报告", "YEAR", "报告标题“青石镇2019年度政府信息公开工作年度报告”写的是 2019 年，本报告是 2024 年度"],
    ["青石镇二〇二三年度政府信息公开工作年度报告", "YEAR", "写的是 2023 年"],
    ["青石镇政府信息公开工作年度报告", "YEAR", "中没有年份，应为“2024年度”"],
    ["白沙镇2024年度政府信息公开工作年度报告", "ORGAN", "中没有本机关名称“青石镇”"],
  ])("title %s", (title, id, message) => {
    const findings = draft(validDraft(), { identity: { title, organName: "青石镇" } });
    expect(findings.map((f) => f.id)).toEqual([id]);
    expect(findings[0]!.message).toContain(message);
    expect(findings[0]!.severity).toBe("warning");
  });

  it.each([
    ["本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。", "统计期限写的是 2023 年"],
    ["数据统计期限为2023年1月1日至12月31日。", "统计期限写的是 2023 年"],
    ["统计时间为二〇二三年全年。", "统计期限写的是 2023 年"],
    ["2023年，本机关认真贯彻条例。", "文中“2023年，”是 2023 年的说法"],
    ["现将青石镇2023年度政府信息公开工作年度报告公布如下。", "文中写“2023年度政府信息公开工作年度报告”"],
  ])("text %s", (sentence, message) => {
    const sections = validDraft();
    sections.overview = { kind: "narrative", text: `${sentence}\n${(sections.overview as { text: string }).text}` };
    const findings = draft(sections, { identity });
    expect(findings.map((f) => f.id)).toEqual(["YEAR"]);
    expect(findings[0]!.message).toContain(message);
    expect(sentence.slice(findings[0]!.quote!.start, findings[0]!.quote!.end)).not.toBe("");
  });

  it("reads last year's fee sentence left in section 六", () => {
    const sections = validDraft();
    sections.other = { kind: "narrative", text: "2023年，本机关未收取政府信息公开信息处理费。" };
    expect(only(draft(sections), "YEAR").map((f) => f.message)).toEqual(["六、其他需要报告的事项：文中“2023年，”是 2023 年的说法，本报告是 2024 年度"]);
  });
});

describe("PUNCTUATION", () => {
  it("warns about ASCII commas, colons and parentheses between Chinese characters, once per text", () => {
    const sections = validDraft();
    sections.problems = { kind: "narrative", text: `(一)存在问题:${PROBLEMS_TEXT.replace("，", ",")}` };
    const findings = only(draft(sections), "PUNCTUATION");
    expect(findings.map((f) => f.message)).toEqual(["五、存在的主要问题及改进情况：有 4 处半角标点（如“(一)存在”），中文应使用全角标点“，：；（）”，可点“规范标点”一键改正"]);
    expect(findings[0]!.severity).toBe("warning");
  });

  it("leaves English, numbers, times and addresses alone", () => {
    for (const text of ["支持 Word, Excel 和 WPS 格式。", "网址为 https://www.example.gov.cn/gk 。", "上午9:30至11:30办理。", "共1,234条。", "1.属于国家秘密"]) {
      expect([text, fixPunctuation(text)]).toEqual([text, text]);
    }
  });

  it("规范标点 makes them full-width, and drops the spaces they no longer need", () => {
    expect(fixPunctuation("(一)主动公开\n本年度, 本机关公开信息(含政策解读)120条; 详见网站: 政务公开栏目!")).toBe(
      "（一）主动公开\n本年度，本机关公开信息（含政策解读）120条；详见网站：政务公开栏目！",
    );
    const sections = validDraft();
    sections.problems = { kind: "narrative", text: fixPunctuation(`(一)存在问题:${PROBLEMS_TEXT.replace("，", ",")}`) };
    expect(only(draft(sections), "PUNCTUATION")).toEqual([]);
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
