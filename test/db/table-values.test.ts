// Publication.tableValues: PostgreSQL reads each publication's typed values into one array of
// integers (its migration), which the 汇总 and the open data read instead of the cells' JSON. This
// pins the array's order to the form (STORED_VALUE_CELLS), shows that only plain values are read
// there, and that a publication holding any other value is still read, by the editor's parser.
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { findOpenDataReports, listYearPublicationIds } from "@/lib/publish/public-data";
import { TABLE_SECTION, TABLE2_FEE_CELL } from "@/lib/report-format/format";
import type { ReportSections, TableContent } from "@/lib/report-format/content";
import { readStoredValues, readValues, STORED_VALUE_CELLS, valueOfCell, type TableCells } from "@/lib/report-format/sum-tables";
import { getSummary } from "@/lib/supervision/get-summary";
import { setCell, validDraft } from "../unit/report-fixtures";
import { tag } from "./fixtures";

afterAll(async () => db().$disconnect());

const tablesOf = (sections: ReportSections): TableCells => ({
  2: (sections[TABLE_SECTION[2]] as TableContent).cells,
  3: (sections[TABLE_SECTION[3]] as TableContent).cells,
  4: (sections[TABLE_SECTION[4]] as TableContent).cells,
});

/** What PostgreSQL makes of a snapshot's sections: Publication.tableValues' own expression, as the app reads it. */
async function storedValues(sections: ReportSections) {
  const [row] = await db().$queryRaw<Array<{ values: string; places: Array<string | null> }>>`
    SELECT array_to_string(v, ',', '') AS values, v::text[] AS places FROM (
      SELECT report_table2_values(s -> 'proactive' -> 'cells') || report_table3_values(s -> 'requests' -> 'cells') || report_table4_values(s -> 'appeals' -> 'cells') AS v
      FROM (SELECT ${JSON.stringify(sections)}::jsonb AS s) AS given
    ) AS t`;
  return row!;
}

describe("Publication.tableValues", () => {
  it("holds every typed value of tables 2–4 in the form's order, the fee in ten-thousandths", async () => {
    const sections = validDraft();
    STORED_VALUE_CELLS.forEach(({ table, cell }, i) =>
      setCell(sections, TABLE_SECTION[table] as "proactive", cell, table === 2 && cell === TABLE2_FEE_CELL ? "12.3456" : String(i + 1)),
    );
    const { values, places } = await storedValues(sections);
    expect(places).toEqual(STORED_VALUE_CELLS.map(({ table, cell }, i) => (table === 2 && cell === TABLE2_FEE_CELL ? "123456" : String(i + 1))));
    const read = readValues(tablesOf(sections));
    expect(read.ok).toBe(true);
    expect(readStoredValues(values)).toEqual(read.ok && read.values);
  });

  it("reads exactly what the editor reads, for any plain values (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 999_999_999 }), { minLength: STORED_VALUE_CELLS.length, maxLength: STORED_VALUE_CELLS.length }),
        fc.tuple(fc.integer({ min: 0, max: 999_999_999 }), fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 4 })),
        async (counts, [whole, fraction, digits]) => {
          const sections = validDraft();
          const fee = digits === 0 ? String(whole) : `${whole}.${String(fraction).padStart(4, "0").slice(0, digits)}`;
          STORED_VALUE_CELLS.forEach(({ table, cell }, i) =>
            setCell(sections, TABLE_SECTION[table] as "proactive", cell, table === 2 && cell === TABLE2_FEE_CELL ? fee : String(counts[i])),
          );
          const read = readValues(tablesOf(sections));
          expect(read.ok).toBe(true);
          expect(readStoredValues((await storedValues(sections)).values)).toEqual(read.ok && read.values);
        },
      ),
      { numRuns: 40 },
    );
  });

  it("computes them with no search path, as a restore from pg_dump does", async () => {
    const sections = setCell(validDraft(), "requests", "newRequests.natural", "7");
    const expected = await storedValues(sections);
    const values = await db().$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL search_path = ''`;
      const [row] = await tx.$queryRaw<Array<{ values: string }>>`
        SELECT array_to_string(public.report_table2_values(s -> 'proactive' -> 'cells') || public.report_table3_values(s -> 'requests' -> 'cells')
                               || public.report_table4_values(s -> 'appeals' -> 'cells'), ',', '') AS values
        FROM (SELECT ${JSON.stringify(sections)}::jsonb AS s) AS given`;
      return row!.values;
    });
    expect(values).toBe(expected.values);
  });

  it("leaves a value that is not plain digits empty (the publication is then read by the editor's parser)", async () => {
    const odd = ["１２", " 3", "3 ", "1,234", "", "/", "12件", "-1", "1.5", "0012345678901"];
    const sections = validDraft();
    odd.forEach((value, i) => setCell(sections, "requests", STORED_VALUE_CELLS.filter((c) => c.table === 3)[i]!.cell, value));
    setCell(sections, "proactive", TABLE2_FEE_CELL, "1.23456");
    delete (sections.appeals as TableContent).cells[STORED_VALUE_CELLS.find((c) => c.table === 4)!.cell];
    const { values, places } = await storedValues(sections);
    const at = (table: number, cell: string) => places[STORED_VALUE_CELLS.findIndex((c) => c.table === table && c.cell === cell)];
    expect(odd.map((_, i) => at(3, STORED_VALUE_CELLS.filter((c) => c.table === 3)[i]!.cell))).toEqual(odd.map(() => null));
    expect(at(2, TABLE2_FEE_CELL)).toBeNull();
    expect(at(4, STORED_VALUE_CELLS.find((c) => c.table === 4)!.cell)).toBeNull();
    expect(places.filter((p) => p === null)).toHaveLength(odd.length + 2);
    expect(readStoredValues(values)).toBeNull();
  });

  it("the 汇总 and the open data still count a publication whose value is written in full-width digits, and list one with a placeholder as incomplete", async () => {
    const suffix = tag();
    const user = randomUUID();
    await db().$executeRaw`INSERT INTO "User" (id, username, "displayName", "passwordHash", "updatedAt") VALUES (${user}, ${`tv-${suffix}`}, 'tv', 'x', now())`;
    const root = randomUUID();
    await db().$executeRaw`INSERT INTO "Organ" (id, name, "shortName", kind, code, "updatedAt") VALUES (${root}, ${`全角市${suffix}`}, '全角市', 'CITY', ${`TV${suffix}`}, now())`;
    const publishOne = async (key: string, sections: ReportSections) => {
      const organ = randomUUID();
      const code = `TV${suffix}${key}`;
      const report = randomUUID();
      await db()
        .$executeRaw`INSERT INTO "Organ" (id, name, "shortName", kind, code, "parentId", "updatedAt") VALUES (${organ}, ${`${key}镇${suffix}`}, ${key}, 'TOWNSHIP', ${code}, ${root}, now())`;
      await db()
        .$executeRaw`INSERT INTO "Report" (id, "organId", year, title, status, "createdById", "updatedAt") VALUES (${report}, ${organ}, 2011, ${`${key}报告`}, 'PUBLISHED', ${user}, now())`;
      const snapshot = { organ: { name: `${key}镇${suffix}`, code, kind: "TOWNSHIP" }, year: 2011, title: `${key}报告`, indexNumber: `${code}/2012-00001`, version: 1, sections };
      await db().$executeRaw`
        INSERT INTO "Publication" (id, "reportId", "organCode", year, version, "indexNumber", "publishedAt", "publishedById", "contentHash", snapshot)
        VALUES (${randomUUID()}, ${report}, ${code}, 2011, 1, ${snapshot.indexNumber}, now(), ${user}, 'hash', ${JSON.stringify(snapshot)}::jsonb)`;
      return code;
    };
    const plain = setCell(validDraft(), "requests", "newRequests.natural", "5");
    setCell(plain, "requests", "disclosed.natural", "5");
    const fullWidth = setCell(validDraft(), "requests", "newRequests.natural", "１２");
    setCell(fullWidth, "requests", "disclosed.natural", "12");
    const placeholder = setCell(validDraft(), "requests", "newRequests.natural", "/");
    const codes = [await publishOne("甲", plain), await publishOne("乙", fullWidth), await publishOne("丙", placeholder)];

    const supervisor = { id: user, displayName: "tv", isPlatformAdmin: false, memberships: [{ organId: root, role: "SUPERVISOR" as const }] };
    const summary = await getSummary({ actor: supervisor, organId: root, year: 2011, includeApproved: false });
    expect(summary.included.map((o) => [o.code, valueOfCell(o.values, 3, "newRequests.natural")]).sort()).toEqual(
      [
        [codes[0], "5"],
        [codes[1], "12"],
      ].sort(),
    );
    expect(summary.sum![3]["newRequests.natural"]).toBe("17");
    expect(summary.sum![3]["newRequests.total"]).toBe("17");
    expect(summary.missing).toEqual([expect.objectContaining({ code: codes[2], reason: "表格数据不完整（表三 一、本年新收政府信息公开申请数量 / 自然人）" })]);

    // Approved reports (counted when asked) are read from their sections' values the same way.
    const approvedOne = async (key: string, sections: ReportSections) => {
      const organ = randomUUID();
      const report = randomUUID();
      await db()
        .$executeRaw`INSERT INTO "Organ" (id, name, "shortName", kind, code, "parentId", "updatedAt") VALUES (${organ}, ${`${key}镇${suffix}`}, ${key}, 'TOWNSHIP', ${`TV${suffix}${key}`}, ${root}, now())`;
      await db()
        .$executeRaw`INSERT INTO "Report" (id, "organId", year, title, status, "createdById", "updatedAt") VALUES (${report}, ${organ}, 2011, ${`${key}报告`}, 'APPROVED', ${user}, now())`;
      for (const section of ["proactive", "requests", "appeals"] as const) {
        await db()
          .$executeRaw`INSERT INTO "Section" (id, "reportId", key, content) VALUES (${randomUUID()}, ${report}, ${section}::"SectionKey", ${JSON.stringify(sections[section])}::jsonb)`;
      }
      return `TV${suffix}${key}`;
    };
    const approvedCodes = [await approvedOne("丁", fullWidth), await approvedOne("戊", plain)];
    const withApproved = await getSummary({ actor: supervisor, organId: root, year: 2011, includeApproved: true });
    expect(
      withApproved.included
        .filter((o) => approvedCodes.includes(o.code))
        .map((o) => [o.code, o.source, valueOfCell(o.values, 3, "newRequests.total")])
        .sort(),
    ).toEqual(
      [
        [approvedCodes[0], "待发布", "12"],
        [approvedCodes[1], "待发布", "5"],
      ].sort(),
    );
    expect(withApproved.sum![3]["newRequests.natural"]).toBe(String(5 + 12 + 12 + 5));

    const year = [...(await findOpenDataReports(await listYearPublicationIds(2011))).values()].filter((r) => codes.includes(r.organCode));
    expect(year.map((r) => [r.organCode, "values" in r.figures ? "values" : "cells"]).sort()).toEqual(
      [
        [codes[0], "values"],
        [codes[1], "cells"],
        [codes[2], "cells"],
      ].sort(),
    );
  });
});
