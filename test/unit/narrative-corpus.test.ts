// Recall and false alarms of the narrative checks over the corpus (narrative-corpus.ts). The
// README states the figures this test prints and asserts.
import { describe, expect, it } from "vitest";
import { checkDraft, type Finding } from "@/lib/report-format/checks";
import type { TableContent } from "@/lib/report-format/content";
import { CORPUS, type CorpusCase } from "./narrative-corpus";
import { richDraft } from "./report-fixtures";

function run(c: CorpusCase): Finding[] {
  const sections = richDraft();
  for (const [where, value] of Object.entries(c.cells ?? {})) {
    const [table, row, column] = where.split(".");
    (sections[table === "3" ? "requests" : "appeals"] as TableContent).cells[`${row}.${column}`] = value;
  }
  sections.overview = { kind: "narrative", text: c.text };
  return checkDraft({ year: 2024, organKind: "TOWNSHIP", sections });
}

/** What a case produced against what it should: expectations met, and findings it should not have. */
function judge(c: CorpusCase) {
  const findings = run(c);
  const met = c.expect.filter((e) => findings.some((f) => f.id === e.id && (!e.cell || f.cells.some((x) => x.cell === e.cell))));
  const expectedIds = new Set(c.expect.map((e) => e.id));
  const falseAlarms = findings.filter(
    (f) => c.forbid.includes(f.id) || (expectedIds.has(f.id) && !c.expect.some((e) => e.id === f.id && (!e.cell || f.cells.some((x) => x.cell === e.cell)))),
  );
  return { findings, met, falseAlarms };
}

describe("the narrative corpus", () => {
  it("has at least 40 cases, each meaning in three wordings", () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(40);
    const meanings = new Map<string, number>();
    for (const c of CORPUS) meanings.set(c.name.split(":")[0]!, (meanings.get(c.name.split(":")[0]!) ?? 0) + 1);
    const contradictions = [...meanings].filter(([meaning]) => CORPUS.some((c) => c.name.startsWith(meaning) && c.expect.length));
    for (const [meaning, n] of contradictions) expect([meaning, n >= 3]).toEqual([meaning, true]);
  });

  it.each(CORPUS.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const { findings, met, falseAlarms } = judge(c);
    const said = findings.map((f) => `[${f.id}] ${f.message}`);
    expect({ missed: c.expect.filter((e) => !met.includes(e)), falseAlarms: falseAlarms.map((f) => f.message), said }).toEqual({ missed: [], falseAlarms: [], said });
  });

  it("recall and false alarms, as the README states them", () => {
    let expected = 0;
    let found = 0;
    let alarms = 0;
    let quietCases = 0;
    let noisyQuietCases = 0;
    for (const c of CORPUS) {
      const { met, falseAlarms } = judge(c);
      expected += c.expect.length;
      found += met.length;
      alarms += falseAlarms.length;
      if (!c.expect.length) {
        quietCases++;
        if (falseAlarms.length) noisyQuietCases++;
      }
    }
    console.log(`narrative corpus: ${CORPUS.length} cases; recall ${found}/${expected}; false alarms ${alarms} (${noisyQuietCases} of ${quietCases} consistent passages warned)`);
    expect({ found, alarms }).toEqual({ found: expected, alarms: 0 });
  });
});
