import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { withTotals } from "@/lib/report-format/cells";
import { checkReport } from "@/lib/report-format/checks";
import { emptySections, type ReportSections } from "@/lib/report-format/content";
import { ALL_CELLS, TABLE2_FEE_CELL, TABLE3_APPLICANT_COLUMNS, TABLE3_RESULT_ROWS, TYPED_CELLS, type TableNumber } from "@/lib/report-format/format";
import {
  allCellTexts,
  formatAmount,
  fullTables,
  invalidCells,
  readStoredValues,
  readValues,
  STORED_VALUE_CELLS,
  SUMMED_TABLES,
  sumTables,
  tableOfCell,
  valueOfCell,
  type TableCells,
} from "@/lib/report-format/sum-tables";

const TABLE_CHECKS = new Set(["CELL", "T3-BALANCE", "T3-RESULTS", "T3-ROWTOTAL", "T4-TOTAL"]);

/** The sections of a report holding these tables (narrative left empty: only the tables are judged). */
function sectionsOf(tables: TableCells): ReportSections {
  const sections = emptySections();
  sections.proactive = { kind: "table", note: "", cells: tables[2] };
  sections.requests = { kind: "table", note: "", cells: tables[3] };
  sections.appeals = { kind: "table", note: "", cells: tables[4] };
  return sections;
}

/** Every error of the table checks on tables whose totals are all filled in. */
const tableErrors = (tables: TableCells) =>
  checkReport({ year: 2025, organKind: "CITY", sections: sectionsOf(tables) }).filter((f) => f.severity === "error" && TABLE_CHECKS.has(f.id));

// Each organ's values stay within what one organ reports (≤ 100,000 a cell), so that a sum of
// dozens of organs stays within the form's nine digits.
const count = fc.integer({ min: 0, max: 100_000 });

/** One organ's consistent tables: per column, 一 + 二 = （七） + 四; the fee in ten-thousandths of 万元 beside its text. */
const organTables = fc
  .record({
    t2: fc.array(count, { minLength: TYPED_CELLS[2].length - 1, maxLength: TYPED_CELLS[2].length - 1 }),
    fee: fc.bigInt({ min: BigInt(0), max: BigInt(9_999_999_999) }),
    columns: fc.array(
      fc.record({
        carriedIn: count,
        results: fc.array(count, { minLength: TABLE3_RESULT_ROWS.length, maxLength: TABLE3_RESULT_ROWS.length }),
        carriedOut: count,
      }),
      { minLength: TABLE3_APPLICANT_COLUMNS.length, maxLength: TABLE3_APPLICANT_COLUMNS.length },
    ),
    t4: fc.array(count, { minLength: TYPED_CELLS[4].length, maxLength: TYPED_CELLS[4].length }),
  })
  .map(({ t2, fee, columns, t4 }) => {
    const typed2 = TYPED_CELLS[2].filter((c) => c !== TABLE2_FEE_CELL);
    const tables: TableCells = {
      2: { ...Object.fromEntries(typed2.map((cell, i) => [cell, String(t2[i])])), [TABLE2_FEE_CELL]: formatAmount(fee) },
      3: {},
      4: Object.fromEntries(TYPED_CELLS[4].map((cell, i) => [cell, String(t4[i])])),
    };
    TABLE3_APPLICANT_COLUMNS.forEach((column, i) => {
      const { results, carriedOut } = columns[i]!;
      const closed = results.reduce((a, b) => a + b, 0);
      // 二 cannot exceed what was closed or carried on; 一 is then what makes the column balance.
      const carriedIn = Math.min(columns[i]!.carriedIn, closed + carriedOut);
      TABLE3_RESULT_ROWS.forEach((row, r) => (tables[3][`${row}.${column}`] = String(results[r])));
      tables[3][`carriedIn.${column}`] = String(carriedIn);
      tables[3][`carriedOut.${column}`] = String(carriedOut);
      tables[3][`newRequests.${column}`] = String(closed + carriedOut - carriedIn);
    });
    return { tables, fee };
  });

describe("summing tables 2–4 (汇总)", () => {
  it("the sum of random organs' consistent tables passes every table check, and each cell, totals included, is the sum of the organs' cells", () => {
    fc.assert(
      fc.property(fc.array(organTables, { minLength: 0, maxLength: 30 }), (organs) => {
        for (const organ of organs) expect(tableErrors(fullTables(organ.tables))).toEqual([]);
        const sum = sumTables(organs.map((o) => o.tables));
        expect(tableErrors(sum)).toEqual([]);
        const full = organs.map((o) => fullTables(o.tables));
        for (const table of [2, 3, 4] as TableNumber[]) {
          const expected = Object.fromEntries(ALL_CELLS[table].map((cell) => [cell, String(full.reduce((total, o) => total + Number(o[table][cell]), 0))]));
          // The fee, exactly: the generated ten-thousandths added as integers.
          if (table === 2) expected[TABLE2_FEE_CELL] = formatAmount(organs.reduce((total, o) => total + o.fee, BigInt(0)));
          expect(sum[table]).toEqual(expected);
        }
        // Each organ's value of any cell, as the cell breakdown lists it, is the editor's.
        organs.forEach((organ, i) => {
          const read = readValues(organ.tables);
          if (!read.ok) throw new Error("consistent data read as invalid");
          for (const table of [2, 3, 4] as TableNumber[]) {
            expect(Object.fromEntries(ALL_CELLS[table].map((cell) => [cell, valueOfCell(read.values, table, cell)]))).toEqual(full[i]![table]);
          }
        });
      }),
      { numRuns: 100 },
    );
  }, 60_000);

  it("adds the fee without floating-point drift and writes it as the form does", () => {
    const organ = (fee: string): TableCells => {
      const tables = fullTables({
        2: Object.fromEntries(TYPED_CELLS[2].map((c) => [c, "0"])),
        3: Object.fromEntries(TYPED_CELLS[3].map((c) => [c, "0"])),
        4: Object.fromEntries(TYPED_CELLS[4].map((c) => [c, "0"])),
      });
      tables[2][TABLE2_FEE_CELL] = fee;
      return tables;
    };
    expect(0.1 + 0.2).not.toBe(0.3); // what a plain sum of numbers would write
    expect(sumTables([organ("0.1"), organ("0.2")])[2][TABLE2_FEE_CELL]).toBe("0.3");
    expect(sumTables([organ("999999999.9999"), organ("999999999.9999"), organ("0.0002")])[2][TABLE2_FEE_CELL]).toBe("2000000000");
    expect(sumTables([organ("１２.５０"), organ("0.0001")])[2][TABLE2_FEE_CELL]).toBe("12.5001"); // full-width digits read as typed
    expect(formatAmount(BigInt(0))).toBe("0");
    expect(formatAmount(BigInt(12_3400))).toBe("12.34");
  });

  it("no organs: every cell of the form is 0", () => {
    const sum = sumTables([]);
    for (const table of [2, 3, 4] as TableNumber[]) for (const cell of ALL_CELLS[table]) expect(sum[table][cell]).toBe("0");
  });

  it("names the cells that hold no valid value, and refuses to sum them rather than skip them", () => {
    const tables = fullTables({
      2: Object.fromEntries(TYPED_CELLS[2].map((c) => [c, "0"])),
      3: Object.fromEntries(TYPED_CELLS[3].map((c) => [c, "0"])),
      4: Object.fromEntries(TYPED_CELLS[4].map((c) => [c, "0"])),
    });
    expect(invalidCells(tables)).toEqual([]);
    tables[3]["disclosed.natural"] = "/";
    delete tables[4]["review.upheld"];
    expect(invalidCells(tables)).toEqual(["表三 （一）予以公开 / 自然人", "表四 行政复议 / 结果维持"]);
    expect(() => sumTables([tables])).toThrow();
  });

  it("finds the table of every cell of the form (keys are unique across tables), and nothing else", () => {
    for (const table of [2, 3, 4] as TableNumber[]) for (const cell of ALL_CELLS[table]) expect(tableOfCell(cell)).toBe(table);
    expect(new Set([2, 3, 4].flatMap((t) => ALL_CELLS[t as TableNumber])).size).toBe(ALL_CELLS[2].length + ALL_CELLS[3].length + ALL_CELLS[4].length);
    for (const junk of ["", "newRequests", "newRequests.natural.x", "__proto__", "constructor"]) expect(tableOfCell(junk)).toBeNull();
  });

  it("computes the totals with the editor's own function", () => {
    const tables = fullTables({ 2: {}, 3: { "disclosed.natural": "2", "disclosed.legal": "3" }, 4: { "review.upheld": "1" } });
    expect(tables[3]).toEqual(withTotals(3, { "disclosed.natural": "2", "disclosed.legal": "3" }));
    expect(tables[4]["review.total"]).toBe("");
  });
});

describe("values as PostgreSQL stores them (Publication.tableValues)", () => {
  /** What array_to_string(tableValues, ',', '') gives for plain tables: each typed value in STORED_VALUE_CELLS' order, the fee in ten-thousandths. */
  const storedText = (tables: TableCells, fee: bigint) =>
    STORED_VALUE_CELLS.map(({ table, cell }) => (table === 2 && cell === TABLE2_FEE_CELL ? String(fee) : tables[table][cell])).join(",");

  it("read back, they are exactly the values the editor's parser reads, and give every cell (totals included) as valueOfCell does", () => {
    fc.assert(
      fc.property(organTables, ({ tables, fee }) => {
        const read = readValues(tables);
        expect(read.ok).toBe(true);
        const values = readStoredValues(storedText(tables, fee))!;
        expect(values).toEqual(read.ok && read.values);
        const cells = SUMMED_TABLES.flatMap((table) => ALL_CELLS[table].map((cell) => valueOfCell(values, table, cell)));
        expect(allCellTexts(values)).toEqual(cells);
        expect(allCellTexts(values)).toEqual(SUMMED_TABLES.flatMap((table) => ALL_CELLS[table].map((cell) => fullTables(tables)[table][cell])));
      }),
      { numRuns: 50 },
    );
  });

  it("an empty place (a value that was not plain) or a count that does not match the form: not read, so the cells are", () => {
    const zeros = STORED_VALUE_CELLS.map(() => "0");
    expect(readStoredValues(zeros.join(","))).not.toBeNull();
    expect(readStoredValues(zeros.map((z, i) => (i === 7 ? "" : z)).join(","))).toBeNull();
    expect(readStoredValues(zeros.slice(1).join(","))).toBeNull();
    expect(readStoredValues([...zeros, "0"].join(","))).toBeNull();
    expect(readStoredValues("")).toBeNull();
  });
});
