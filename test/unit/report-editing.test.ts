import { describe, expect, it } from "vitest";
import { startFromLastYear } from "@/lib/report-format/carry-over";
import { parseAmount, parseCount, withTotals } from "@/lib/report-format/cells";
import { emptySections, paragraphsOf, sectionContentSchema, type TableContent } from "@/lib/report-format/content";
import { diffSection, diffText } from "@/lib/report-format/diff";
import { validDraft } from "./report-fixtures";

describe("cells", () => {
  it("reads counts and amounts strictly", () => {
    expect(parseCount("12")).toEqual({ ok: true, value: 12 });
    expect(parseCount("１２")).toEqual({ ok: true, value: 12 });
    expect(parseCount("1e3")).toEqual({ ok: false, problem: "notNumber" });
    expect(parseAmount("0.5")).toEqual({ ok: true, value: 0.5 });
    expect(parseAmount("—")).toEqual({ ok: false, problem: "placeholder" });
  });

  it("computes table 3's row totals and （七）, and leaves a total empty when an addend is not a count", () => {
    const cells = (validDraft().requests as TableContent).cells;
    const full = withTotals(3, cells);
    expect(full["newRequests.total"]).toBe("5");
    expect(full["resultsTotal.natural"]).toBe("5");
    expect(full["resultsTotal.total"]).toBe("5");
    expect(withTotals(3, { ...cells, "disclosed.natural": "x" })["resultsTotal.natural"]).toBe("");
  });
});

describe("carry-over from last year", () => {
  it("copies narrative and fills 二、上年结转 from last year's 四 per column", () => {
    const last = validDraft();
    (last.requests as TableContent).cells["carriedOut.social"] = "2";
    const { sections, carriedOver } = startFromLastYear(last);
    expect(carriedOver).toEqual(["overview", "problems", "other"]);
    expect(sections.problems).toEqual(last.problems);
    const cells = (sections.requests as TableContent).cells;
    expect(cells["carriedIn.natural"]).toBe("1");
    expect(cells["carriedIn.social"]).toBe("2");
    expect(cells["newRequests.natural"]).toBe("");
    expect((sections.proactive as TableContent).cells["fees.amount"]).toBe("");
  });

  it("starts empty without last year, section 一 with its five sub-headings", () => {
    const { sections, carriedOver } = startFromLastYear(null);
    expect(carriedOver).toEqual([]);
    expect(sections).toEqual(emptySections());
    expect(sections.overview.kind === "narrative" && paragraphsOf(sections.overview.text).map((p) => p.kind)).toEqual(Array(5).fill("heading"));
  });
});

describe("section content schema", () => {
  it("refuses HTML, over-long text and cells of another table", () => {
    const narrative = sectionContentSchema("problems");
    expect(narrative.safeParse({ kind: "narrative", text: "正常文字 <5件" }).success).toBe(true);
    expect(narrative.safeParse({ kind: "narrative", text: "<script>alert(1)</script>" }).success).toBe(false);
    expect(narrative.safeParse({ kind: "narrative", text: "字".repeat(20_001) }).success).toBe(false);
    const table = sectionContentSchema("appeals");
    expect(table.safeParse({ kind: "table", note: "", cells: { "review.upheld": "1" } }).success).toBe(true);
    expect(table.safeParse({ kind: "table", note: "", cells: { "newRequests.natural": "1" } }).success).toBe(false);
    expect(table.safeParse({ kind: "table", note: "", cells: { "review.total": "1" } }).success).toBe(false);
  });
});

describe("comparing versions", () => {
  it("marks changed Chinese words, not whole sentences", () => {
    const parts = diffText("本年度收到申请5件。", "本年度收到申请7件，均已办结。");
    expect(parts.filter((p) => p.kind === "removed").map((p) => p.text)).toEqual(["5"]);
    expect(
      parts
        .filter((p) => p.kind === "added")
        .map((p) => p.text)
        .join(""),
    ).toBe("7，均已办结");
  });

  it("lists changed cells with their labels", () => {
    const before = validDraft().appeals as TableContent;
    const after = { ...before, cells: { ...before.cells, "review.pending": "1" } };
    expect(diffSection(4, before, after).cells).toEqual([{ cell: "review.pending", label: "表四 行政复议 / 尚未审结", before: "0", after: "1" }]);
  });
});
