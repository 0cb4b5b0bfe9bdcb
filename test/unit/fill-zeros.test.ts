// "未填写的单元格填 0": the empty typed cells of one table become 0, nothing else changes.
import { describe, expect, it } from "vitest";
import { parseAmount, unfilledCells, zerosForUnfilled } from "@/lib/report-format/cells";
import { checkDraft } from "@/lib/report-format/checks";
import { emptySections, type TableContent } from "@/lib/report-format/content";
import { TABLE2_FEE_CELL, TABLE_SECTION, TYPED_CELLS, type TableNumber } from "@/lib/report-format/format";

const cellsOf = (sections: ReturnType<typeof emptySections>, table: TableNumber) => (sections[TABLE_SECTION[table]] as TableContent).cells;

describe("未填写的单元格填 0", () => {
  it.each([2, 3, 4] as const)("fills every typed cell of a new table %i, and the table's empty-cell errors are gone", (table) => {
    const sections = emptySections();
    const cells = cellsOf(sections, table);
    const zeros = zerosForUnfilled(table, cells);
    expect(Object.keys(zeros)).toEqual([...TYPED_CELLS[table]]);
    expect(new Set(Object.values(zeros))).toEqual(new Set(["0"]));
    Object.assign(cells, zeros);
    const findings = checkDraft({ year: 2024, organKind: "TOWNSHIP", sections, lastYear: null });
    expect(findings.filter((f) => f.id === "CELL" && f.cells.some((c) => c.table === table))).toEqual([]);
    expect(unfilledCells(table, cells)).toEqual([]);
  });

  it("leaves every cell that holds something, a wrong value or a placeholder included, and fills blanks of spaces", () => {
    const cells = cellsOf(emptySections(), 3);
    Object.assign(cells, { "newRequests.natural": "5", "carriedIn.natural": "/", "disclosed.natural": "三", "withheld1.natural": "  " });
    const zeros = zerosForUnfilled(3, cells);
    expect(zeros).not.toHaveProperty("newRequests.natural");
    expect(zeros).not.toHaveProperty("carriedIn.natural");
    expect(zeros).not.toHaveProperty("disclosed.natural");
    expect(zeros["withheld1.natural"]).toBe("0");
    expect(Object.keys(zeros)).toHaveLength(TYPED_CELLS[3].length - 3);
  });

  it("never writes a computed total, and gives the fee an amount of 0 万元", () => {
    const zeros = zerosForUnfilled(3, cellsOf(emptySections(), 3));
    expect(Object.keys(zeros).some((cell) => cell.endsWith(".total") || cell.startsWith("resultsTotal."))).toBe(false);
    const fee = zerosForUnfilled(2, cellsOf(emptySections(), 2))[TABLE2_FEE_CELL];
    expect(parseAmount(fee)).toEqual({ ok: true, value: 0 });
  });

  it("changes nothing on a table already filled", () => {
    const cells = Object.fromEntries(TYPED_CELLS[4].map((c) => [c, "1"]));
    expect(zerosForUnfilled(4, cells)).toEqual({});
  });
});
