import { describe, expect, it } from "vitest";
import { correctionChanges } from "@/lib/publish/correction-changes";
import { PROBLEMS_TEXT, setCell, validDraft } from "./report-fixtures";

describe("what a correction changed, for the public page", () => {
  it("finds nothing when the text and the tables are the same", () => {
    expect(correctionChanges(validDraft(), validDraft())).toEqual([]);
  });

  it("lists a changed cell with its label, and the totals it moves, as the page shows them", () => {
    const corrected = setCell(validDraft(), "requests", "newRequests.natural", "6");
    const changes = correctionChanges(validDraft(), corrected);
    expect(changes).toContainEqual({
      section: "三、收到和处理政府信息公开申请情况",
      kind: "cell",
      label: "表三 一、本年新收政府信息公开申请数量 / 自然人",
      before: "5",
      after: "6",
    });
    expect(changes).toContainEqual(expect.objectContaining({ kind: "cell", label: "表三 一、本年新收政府信息公开申请数量 / 总计", before: "5", after: "6" }));
    expect(changes.every((c) => c.kind === "cell")).toBe(true);
  });

  it("lists changed cells in the form's reading order, row by row", () => {
    const corrected = setCell(setCell(validDraft(), "requests", "disclosed.natural", "2"), "requests", "partlyDisclosed.natural", "2");
    expect(correctionChanges(validDraft(), corrected).map((c) => c.kind === "cell" && c.label)).toEqual([
      "表三 （一）予以公开 / 自然人",
      "表三 （一）予以公开 / 总计",
      "表三 （二）部分公开（区分处理的，只计这一情形，不计其他情形） / 自然人",
      "表三 （二）部分公开（区分处理的，只计这一情形，不计其他情形） / 总计",
    ]);
  });

  it("shows a changed passage with the words around it, and leaves the rest of the section out", () => {
    const corrected = validDraft();
    corrected.problems = { kind: "narrative", text: PROBLEMS_TEXT.replace("加强业务培训", "每季度开展业务培训") };
    const changes = correctionChanges(validDraft(), corrected);
    expect(changes).toHaveLength(1);
    const [change] = changes;
    expect(change).toMatchObject({ section: "五、存在的主要问题及改进情况", kind: "text" });
    if (change?.kind !== "text") throw new Error("expected a text change");
    expect(change.removed).not.toBe("");
    expect(`${change.lead}${change.added}${change.tail}`).toContain("每季度开展业务培训");
    expect(`${change.lead}${change.removed}${change.tail}`).toContain("加强业务培训");
    expect(change.lead).toMatch(/^….{12}$/);
    expect(change.tail).toMatch(/^.{12}…$/);
  });

  it("reports two separate edits in one section as two passages, in order", () => {
    const corrected = validDraft();
    corrected.problems = { kind: "narrative", text: PROBLEMS_TEXT.replace("不够全面", "尚不全面").replace("提升公开质量", "提升公开质量和时效") };
    const passages = correctionChanges(validDraft(), corrected).filter((c) => c.kind === "text");
    expect(passages).toHaveLength(2);
    expect(passages[0]).toMatchObject({ added: expect.stringContaining("尚") });
    expect(passages[1]).toMatchObject({ added: expect.stringContaining("时效") });
  });

  it("shows a rewritten sentence as one passage, old against new, not as fragments around shared words", () => {
    const corrected = validDraft();
    corrected.problems = { kind: "narrative", text: "更正后：已在全街道推广统一的依申请公开答复模板，全年开展两次业务培训，并建立公开栏月度更新台账。" };
    const changes = correctionChanges(validDraft(), corrected);
    expect(changes).toHaveLength(1);
    // Both end with "。", which stays as the passage's tail.
    expect(changes[0]).toMatchObject({ kind: "text", lead: "", removed: PROBLEMS_TEXT.slice(0, -1), added: corrected.problems.text.slice(0, -1), tail: "。" });
  });

  it("shows text added to an empty section in full", () => {
    const before = validDraft();
    before.other = { kind: "narrative", text: "" };
    const changes = correctionChanges(before, validDraft());
    expect(changes).toEqual([{ section: "六、其他需要报告的事项", kind: "text", lead: "", removed: "", added: "本年度，本机关未收取政府信息公开信息处理费。", tail: "" }]);
  });
});
