// NARRATIVE: what the narrative states against the tables. Each miss reported in issue 11 is
// tested in the words and in two other wordings; the corpus (narrative-corpus.test.ts)
// measures the reader over many more.
import { describe, expect, it } from "vitest";
import { checkDraft, type Finding } from "@/lib/report-format/checks";
import type { ReportSections } from "@/lib/report-format/content";
import { readNarrative } from "@/lib/report-format/narrative-reader";
import { richDraft, setCell } from "./report-fixtures";

type Change = (sections: ReportSections) => void;

function narrative(text: string, change?: Change, section: "overview" | "other" = "overview"): Finding[] {
  const sections = richDraft();
  change?.(sections);
  sections[section] = { kind: "narrative", text: section === "other" ? `${text}本机关未收取信息处理费。` : text };
  return checkDraft({ year: 2024, organKind: "TOWNSHIP", sections }).filter((f) => f.id === "NARRATIVE");
}
const cellsOf = (findings: Finding[]) => findings.flatMap((f) => f.cells.map((c) => c.cell));

describe("a consistent report", () => {
  it("stating every figure of tables 3 and 4 gives no finding at all", () => {
    expect(checkDraft({ year: 2024, organKind: "TOWNSHIP", sections: richDraft() })).toEqual([]);
  });
});

describe("the misses of issue 11", () => {
  it.each([
    ["予以公开及部分公开6件", "disclosed.total"],
    ["依法予以公开和部分公开的共6件", "disclosed.total"],
    ["全部或部分公开6件", "partlyDisclosed.total"],
  ])("“予以公开及部分公开” is the sum of （一） and （二）: %s (table: 7)", (text, cell) => {
    const found = narrative(`本年度办结申请12件，其中${text}。`);
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain("表三 （一）予以公开与（二）部分公开的总计之和为 7");
    expect(cellsOf(found)).toContain(cell);
  });

  it.each(["无法提供2件", "因本机关不掌握等原因无法提供的有2件", "属于无法提供情形的共2件"])("无法提供: %s (table: 3)", (text) => {
    const found = narrative(`本年度办结申请12件，${text}。`);
    expect(found.map((f) => f.message)).toEqual([expect.stringContaining("表三 （四）无法提供 1–3 项的总计之和为 3")]);
  });

  it.each(["按期办理11条", "已全部办理完毕11件", "均在法定期限内答复，共答复11件"])("办理 against （七）总计: %s (table: 12)", (text) => {
    const found = narrative(`依申请公开方面，${text}。`);
    expect(found.map((f) => f.message)).toEqual([expect.stringContaining("表三 三、本年度办理结果（七）总计为 12")]);
    expect(cellsOf(found)).toEqual(["resultsTotal.total"]);
  });

  it.each(["本年度发生行政复议2件，截至目前尚未审结。", "收到行政复议申请2件，有1件仍在审理中。", "行政复议2件，其中维持1件、另1件尚在审理。"])(
    "尚未审结 in the text while the table says 0: %s",
    (text) => {
      const upheldAll: Change = (s) => {
        setCell(s, "appeals", "review.upheld", "2");
        setCell(s, "appeals", "review.pending", "0");
      };
      const found = narrative(text, upheldAll);
      expect(found.map((f) => f.message)).toContainEqual(expect.stringContaining("表四 行政复议 尚未审结为 0"));
      expect(narrative(text)).toEqual([]); // with 1 pending, as the table first said
    },
  );

  it.each(["本年度未发生因政府信息公开引起的行政诉讼。", "没有发生政府信息公开行政诉讼案件。", "全年无政府信息公开方面的行政诉讼。"])(
    "a denied 行政诉讼 while the table has one: %s",
    (text) => {
      const found = narrative(`本年度发生行政复议2件。${text}`);
      expect(found.map((f) => f.message)).toEqual([expect.stringContaining("表四 行政诉讼 两项总计之和为 1")]);
      expect(cellsOf(found)).toEqual(["litigationDirect.total", "litigationAfterReview.total"]);
    },
  );

  it.each(["实现行政诉讼零败诉。", "行政诉讼中未发生败诉情况。", "政府信息公开行政诉讼案件没有被法院判决纠正。"])("零败诉 while 诉讼·结果纠正 = 1: %s", (text) => {
    const found = narrative(text);
    expect(found.map((f) => f.message)).toEqual([expect.stringContaining("表四 行政诉讼 两项结果纠正之和为 1")]);
  });

  it.each([
    ["本年度收到政府信息公开申请十三件。", "收到政府信息公开申请十三件"],
    ["新收依申请公开申请一十三件，较上年有所增加。", "新收依申请公开申请一十三件"],
    ["全年共收到依申请公开申请两件。", "共收到依申请公开申请两件"],
  ])("Chinese numerals: %s", (text, quote) => {
    const found = narrative(text);
    expect(found.map((f) => f.message)).toEqual([expect.stringContaining(`文中写“${quote}”，但表三 一、本年新收政府信息公开申请数量 总计为 12`)]);
    expect(narrative(text.replace(/一十三|十三|两/, "十二"))).toEqual([]);
  });

  it.each(["本年度收到政府信息公开申请１３件。", "新收申请１３件。", "依申请公开数为１３件。"])("full-width digits: %s", (text) => {
    expect(narrative(text).map((f) => f.message)).toEqual([expect.stringContaining("总计为 12")]);
    expect(narrative(text.replace("１３", "１２"))).toEqual([]);
  });

  it.each(["本年度收到政府信息公开申请1,234件。", "新收申请1，234件。", "依申请公开申请数量为1,234件。"])("thousands separators: %s", (text) => {
    expect(narrative(text).map((f) => f.message)).toEqual([expect.stringContaining("总计为 12")]);
    const many: Change = (s) => {
      setCell(s, "requests", "newRequests.natural", "1232");
      setCell(s, "requests", "disclosed.natural", "1227");
    };
    expect(narrative(text, many)).toEqual([]);
  });

  it.each(["依申请公开数为13件。", "依申请公开申请数量为13件。", "依申请公开事项共13件。"])("依申请公开数为N件: %s", (text) => {
    expect(narrative(text).map((f) => f.message)).toEqual([expect.stringContaining("表三 一、本年新收政府信息公开申请数量 总计为 12")]);
    expect(narrative(text.replace("13", "12"))).toEqual([]);
  });

  it.each(["本年度收到政府資訊公開申請13件。", "新收申請13件，上年結轉1件。", "依申請公開數為十三件，行政複議2件，行政訴訟1件。"])("繁體: %s", (text) => {
    const found = narrative(text);
    expect(found.map((f) => f.message)).toEqual([expect.stringContaining("表三 一、本年新收政府信息公开申请数量 总计为 12")]);
    // The quote is the original's, in its own characters.
    expect(found[0]!.message).toMatch(/申請/);
    expect(narrative(text.replace(/13|十三/, "12"))).toEqual([]);
  });

  it.each(["共受理政府信息公开申请13件（含上年结转1件）。", "共受理申请13件，其中上年结转1件，本年新收12件。", "全年受理政府信息公开申请13件(包括上年度结转的1件)，均已办结。"])(
    "no false alarm on a total that includes the carried-in application: %s",
    (text) => {
      expect(narrative(text)).toEqual([]);
      // The same words with a wrong total are still caught, against 一 + 二.
      const wrong = narrative(text.replace("13", "14"));
      expect(wrong.map((f) => f.message)).toEqual([expect.stringContaining("表三 一、本年新收与二、上年结转的总计之和为 13")]);
    },
  );
});

describe("more of what the reader reads", () => {
  it.each([
    ["上年结转2件", "表三 二、上年结转政府信息公开申请数量 总计为 1"],
    ["结转下年度继续办理2件", "表三 四、结转下年度继续办理 总计为 1"],
    ["予以公开4件", "表三 （一）予以公开 总计为 5"],
    ["部分公开3件", "表三 （二）部分公开 总计为 2"],
    ["不予公开2件", "表三 （三）不予公开 1–8 项的总计之和为 1"],
    ["不予处理2件", "表三 （五）不予处理 1–5 项的总计之和为 1"],
    ["其他处理1件", "表三 （六）其他处理 1–3 项的总计之和为 0"],
    ["行政复议3件", "表四 行政复议 总计为 2"],
    ["行政复议中维持2件", "表四 行政复议 结果维持为 1"],
    ["行政复议被纠错1件", "表四 行政复议 结果纠正为 0"],
    ["复议后起诉1件", "表四 行政诉讼（复议后起诉） 总计为 0"],
  ])("%s", (text, message) => {
    expect(narrative(`本年度${text}。`).map((f) => f.message)).toEqual([expect.stringContaining(message)]);
  });

  it("reads 各 and 分别 as one figure per subject", () => {
    expect(cellsOf(narrative("行政复议、行政诉讼各1件。"))).toEqual(["review.total"]);
    expect(narrative("行政复议、行政诉讼分别为2件、1件。")).toEqual([]);
    expect(cellsOf(narrative("行政复议、行政诉讼分别为1件、2件。"))).toEqual(["review.total", "litigationDirect.total", "litigationAfterReview.total"]);
  });

  it("scopes 均获维持 to the blocks its sentence names", () => {
    const litigationOnly: Change = (s) => {
      setCell(s, "appeals", "litigationDirect.corrected", "0");
      setCell(s, "appeals", "litigationDirect.upheld", "1");
    };
    expect(narrative("行政诉讼1件，均获维持。", litigationOnly)).toEqual([]); // review's pending case is another block
    expect(narrative("行政复议2件，均获维持。").map((f) => f.message)).toEqual([expect.stringContaining("表四的行政复议 / 尚未审结不为 0")]);
  });

  it("does not read other periods, changes, channels or applicant types as the year's figures", () => {
    for (const text of [
      "上年度收到申请10件，本年度有所增加。",
      "2023年共收到政府信息公开申请20件。",
      "新收申请较上年增加3件。",
      "其中通过网上提交申请8件，信函申请4件。",
      "自然人申请10件，法人或其他组织申请2件。",
      "1月份收到申请3件。",
      "平均每月收到申请1件。",
      "累计收到申请300余件。",
      "答复期限平均为5个工作日。",
      "未发生超期答复的情况。",
      "不予公开1件（其中属于保护第三方合法权益1件）。",
      "没有现成信息需要另行制作的申请1件。",
    ]) {
      expect([text, narrative(text)]).toEqual([text, []]);
    }
  });

  it("points at the words and their sentence in the original text", () => {
    const text = "（一）主动公开\n主动公开信息356条。\n（二）依申请公开\n本年度收到申請十三件，均已答复。";
    const [finding] = narrative(text);
    expect(text.slice(finding!.quote!.start, finding!.quote!.end)).toBe("收到申請十三件");
    expect(text.slice(finding!.sentence!.start, finding!.sentence!.end)).toBe("本年度收到申請十三件，均已答复。");
  });

  it("reads a table's note as well as the narrative sections", () => {
    const sections = richDraft();
    sections.requests = { ...(sections.requests as { kind: "table"; note: string; cells: Record<string, string> }), note: "本年度新收申请13件。" };
    const found = checkDraft({ year: 2024, organKind: "TOWNSHIP", sections }).filter((f) => f.id === "NARRATIVE");
    expect(found.map((f) => [f.section, f.message])).toEqual([["requests", expect.stringContaining("三、收到和处理政府信息公开申请情况：文中写“新收申请13件”")]]);
  });

  it("says a repeated sentence once", () => {
    expect(narrative("新收申请13件。".repeat(5))).toHaveLength(1);
  });

  it("remembers paragraphs, so that reading again gives the same claims", () => {
    const text = "新收申请13件。\n行政复议3件。";
    expect(readNarrative(text, 2024)).toEqual(readNarrative(text, 2024));
    expect(readNarrative(text, 2024).map((c) => c.figure)).toEqual(["newRequests", "review.total"]);
  });
});
