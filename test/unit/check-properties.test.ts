// Properties of the checks over generated input (fast-check):
// - arbitrary text and cell values never make a check throw, and every finding is well-formed
//   (a known id with its severity, a message, real cells, words inside the text);
// - random consistent reports of every organ kind and year, with narratives that state their
//   figures in varied wording and every form of number (and sometimes in 繁體), give no error and
//   no NARRATIVE, YEAR, ORGAN, PUNCTUATION or cross-year warning.
import fc from "fast-check";
import * as OpenCC from "opencc-js";
import { describe, expect, it } from "vitest";
import { ORGAN_KINDS, type OrganKind } from "@/lib/domain/organ-kinds";
import { checkReportFile } from "@/lib/report-files/check-report-file";
import { parseReportJson, toReportJson } from "@/lib/report-files/report-json";
import { withComputedTotals } from "@/lib/report-format/cells";
import { CHECK_IDS, checkDraft, checkReport, ERROR_IDS, type Finding } from "@/lib/report-format/checks";
import { emptySections, type ReportSections, type TableContent } from "@/lib/report-format/content";
import { ALL_CELLS, reportTitle, SECTION_KEYS, TABLE3_APPLICANT_COLUMNS, TABLE3_RESULT_ROWS, TABLE4_BLOCKS, TYPED_CELLS } from "@/lib/report-format/format";
import { readNarrative } from "@/lib/report-format/narrative-reader";
import { OTHER_TEXT, PROBLEMS_TEXT } from "./report-fixtures";

const RUNS = Number(process.env.PROPERTY_RUNS ?? 200);

function wellFormed(findings: Finding[], sections: ReportSections) {
  for (const f of findings) {
    expect(CHECK_IDS).toContain(f.id);
    expect(f.severity).toBe((ERROR_IDS as ReadonlyArray<string>).includes(f.id) ? "error" : "warning");
    expect(SECTION_KEYS).toContain(f.section);
    expect(f.message.length).toBeGreaterThan(0);
    for (const c of f.cells) expect(ALL_CELLS[c.table]).toContain(c.cell);
    const content = sections[f.section];
    const text = content.kind === "narrative" ? content.text : content.note;
    for (const span of [f.quote, f.sentence]) {
      if (!span) continue;
      expect(0 <= span.start && span.start < span.end && span.end <= text.length).toBe(true);
    }
  }
}

// ---- Arbitrary input ----

const NUMBERISH = ["", "0", "7", " 12 ", "１２", "1,234", "1，234", "1234567890", "-3", "2.5", "三", "十二", "/", "—", "无", "3件", "1e5", "0x10", "12.", "∞"];
/** Text made of the words the reader looks for, numbers in every form and noise, so that the reader's paths are all taken. */
const WORDS = [
  "收到",
  "新收",
  "受理",
  "申请",
  "依申请公开",
  "政府信息公开",
  "予以公开",
  "部分公开",
  "及",
  "不予公开",
  "无法提供",
  "不予处理",
  "其他处理",
  "办结",
  "答复",
  "上年结转",
  "结转下年度",
  "行政复议",
  "行政诉讼",
  "复议后起诉",
  "维持",
  "纠正",
  "败诉",
  "尚未审结",
  "均获维持",
  "未发生",
  "没有",
  "无",
  "零",
  "其中",
  "含",
  "（",
  "）",
  "(",
  ")",
  "各",
  "分别",
  "为",
  "共",
  "较上年",
  "增加",
  "2023年",
  "12月",
  "件",
  "条",
  "个",
  "起",
  "，",
  "。",
  "；",
  "\n",
  "12",
  "１２",
  "十二",
  "一百零五",
  "1,234",
  "两",
  "申請",
  "複議",
  "無",
  "統計期限",
  "本報告",
  "2019年",
  ",",
  ":",
];
const wordy = fc.array(fc.constantFrom(...WORDS), { maxLength: 60 }).map((ws) => ws.join(""));
const anyText = fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: "grapheme", maxLength: 200 }), wordy);
const anyCell = fc.oneof(fc.constantFrom(...NUMBERISH), fc.string({ maxLength: 20 }));

const arbitrarySections = fc
  .record({
    overview: anyText,
    problems: anyText,
    other: anyText,
    notes: fc.tuple(anyText, anyText, anyText),
    cells: fc.dictionary(fc.constantFrom(...ALL_CELLS[2], ...ALL_CELLS[3], ...ALL_CELLS[4]), anyCell),
  })
  .map(({ overview, problems, other, notes, cells }) => {
    const sections = emptySections();
    sections.overview = { kind: "narrative", text: overview };
    sections.problems = { kind: "narrative", text: problems };
    sections.other = { kind: "narrative", text: other };
    (["proactive", "requests", "appeals"] as const).forEach((key, i) => {
      const table = ([2, 3, 4] as const)[i]!;
      sections[key] = { kind: "table", note: notes[i]!, cells: Object.fromEntries(ALL_CELLS[table].map((c) => [c, cells[c] ?? "0"])) };
    });
    return sections;
  });

describe("any input", () => {
  it("never makes a check throw, and every finding is well-formed", () => {
    fc.assert(
      fc.property(
        arbitrarySections,
        fc.option(arbitrarySections),
        fc.integer({ min: 2008, max: 2100 }),
        fc.constantFrom(...ORGAN_KINDS),
        anyText,
        (sections, lastYear, year, organKind, title) => {
          const identity = { title, organName: "青石镇" };
          const draft = checkDraft({ year, organKind, sections, lastYear, identity });
          wellFormed(draft, sections);
          const report = checkReport({ year, organKind, sections, lastYear, identity });
          wellFormed(report, sections);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("never makes reading a file throw, however its cells, keys and texts are broken", () => {
    const keys = fc.oneof(
      fc.constantFrom(...ALL_CELLS[3], "regulations.本年新制作数量", "政府集中采购.采购总金额", "otherHandling.natural", "a.b.c", ""),
      fc.string({ maxLength: 12 }),
    );
    const values = fc.oneof(anyCell, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 2 }));
    fc.assert(
      fc.property(arbitrarySections, fc.dictionary(keys, values, { maxKeys: 4 }), fc.integer({ min: 2000, max: 2110 }), fc.anything(), (sections, extra, year, junk) => {
        const file = toReportJson({ organ: { name: "青石镇", code: "A1", kind: "TOWNSHIP" }, year, title: "青石镇报告", sections }) as unknown as Record<string, unknown>;
        Object.assign((file.sections as Array<{ cells?: Record<string, unknown> }>)[2]!.cells!, extra);
        for (const raw of [file, junk, { ...file, sections: junk }, { ...file, organ: junk }]) {
          const parsed = parseReportJson(raw);
          if (parsed.ok) wellFormed(parsed.findings, parsed.sections);
          else expect(parsed.problems.length).toBeGreaterThan(0);
          const checked = checkReportFile(raw, { previous: file });
          if (checked.ok) expect(checked.findings.every((f) => CHECK_IDS.includes(f.id))).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("reads any text with claims whose words lie inside it", () => {
    fc.assert(
      fc.property(anyText, fc.integer({ min: 2000, max: 2100 }), (text, year) => {
        for (const claim of readNarrative(text, year)) {
          for (const span of [claim.quote, claim.sentence]) expect(0 <= span.start && span.start < span.end && span.end <= text.length).toBe(true);
          expect(Number.isFinite(claim.value)).toBe(true);
        }
      }),
      { numRuns: RUNS * 5 },
    );
  });
});

// ---- Random consistent reports ----

const CHINESE_DIGITS = "零一二三四五六七八九";
/** A number in Chinese numerals, as reports write it (十二, 一百零五, 两千三百). */
function chinese(n: number): string {
  if (n < 10) return n === 2 ? "两" : CHINESE_DIGITS[n]!; // 两件, as one says it
  if (n < 20) return `十${n % 10 ? CHINESE_DIGITS[n % 10] : ""}`;
  const units = ["", "十", "百", "千"];
  const digits = String(n).split("").map(Number);
  let out = "";
  let zero = false;
  digits.forEach((d, i) => {
    const unit = units[digits.length - 1 - i]!;
    if (d === 0) zero = out !== "";
    else {
      out += `${zero ? "零" : ""}${CHINESE_DIGITS[d]}${unit}`;
      zero = false;
    }
  });
  return out;
}
type Form = "arabic" | "fullWidth" | "chinese" | "separated";
function written(n: number, form: Form): string {
  if (form === "fullWidth") return String(n).replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
  if (form === "chinese" && n < 10_000) return chinese(n);
  if (form === "separated") return n.toLocaleString("en-US");
  return String(n);
}

type Figures = {
  newRequests: number;
  carriedIn: number;
  closed: number;
  disclosed: number;
  partly: number;
  withheld: number;
  unavailable: number;
  unprocessed: number;
  otherHandling: number;
  carriedOut: number;
  review: Record<"upheld" | "corrected" | "other" | "pending", number>;
  litigation: Record<"upheld" | "corrected" | "other" | "pending", number>;
};

const small = fc.nat({ max: 6 });
const consistentTables = fc
  .record({
    columns: fc.array(
      fc.record({ carriedIn: small, results: fc.array(small, { minLength: TABLE3_RESULT_ROWS.length, maxLength: TABLE3_RESULT_ROWS.length }), carriedOut: small }),
      {
        minLength: TABLE3_APPLICANT_COLUMNS.length,
        maxLength: TABLE3_APPLICANT_COLUMNS.length,
      },
    ),
    sparse: fc.array(fc.boolean(), { minLength: TABLE3_RESULT_ROWS.length, maxLength: TABLE3_RESULT_ROWS.length }),
    appeals: fc.array(fc.array(fc.nat({ max: 3 }), { minLength: 4, maxLength: 4 }), { minLength: 3, maxLength: 3 }),
    table2: fc.array(fc.nat({ max: 500 }), { minLength: 9, maxLength: 9 }),
    big: fc.boolean(),
  })
  .map(({ columns, sparse, appeals, table2, big }) => {
    const sections = emptySections();
    const t3 = (sections.requests as TableContent).cells;
    columns.forEach((column, i) => {
      const key = TABLE3_APPLICANT_COLUMNS[i]!;
      // Many rows are 0 in real reports; a "big" report has four-figure counts (thousands separators).
      const results = column.results.map((v, r) => (sparse[r] ? 0 : v * (big && i === 0 ? 250 : 1)));
      TABLE3_RESULT_ROWS.forEach((row, r) => (t3[`${row}.${key}`] = String(results[r])));
      const closed = results.reduce((a, b) => a + b, 0);
      const carriedIn = Math.min(column.carriedIn, closed + column.carriedOut);
      t3[`carriedIn.${key}`] = String(carriedIn);
      t3[`carriedOut.${key}`] = String(column.carriedOut);
      t3[`newRequests.${key}`] = String(closed + column.carriedOut - carriedIn);
    });
    const t4 = (sections.appeals as TableContent).cells;
    TABLE4_BLOCKS.forEach((block, b) => ["upheld", "corrected", "other", "pending"].forEach((c, i) => (t4[`${block.key}.${c}`] = String(appeals[b]![i]))));
    const t2 = (sections.proactive as TableContent).cells;
    TYPED_CELLS[2].forEach((cell, i) => (t2[cell] = cell.startsWith("regulations") ? "0" : cell === "fees.amount" ? "0" : String(table2[i])));
    return sections;
  });

function figuresOf(sections: ReportSections): Figures {
  const full = withComputedTotals(sections);
  const t3 = (full.requests as TableContent).cells;
  const t4 = (full.appeals as TableContent).cells;
  const n = (cell: string) => Number(t3[cell]);
  const sum = (prefix: string) => TABLE3_RESULT_ROWS.filter((r) => r.startsWith(prefix)).reduce((a, r) => a + n(`${r}.total`), 0);
  const block = (keys: string[]) =>
    Object.fromEntries((["upheld", "corrected", "other", "pending"] as const).map((c) => [c, keys.reduce((a, k) => a + Number(t4[`${k}.${c}`]), 0)])) as Figures["review"];
  return {
    newRequests: n("newRequests.total"),
    carriedIn: n("carriedIn.total"),
    closed: n("resultsTotal.total"),
    disclosed: n("disclosed.total"),
    partly: n("partlyDisclosed.total"),
    withheld: sum("withheld"),
    unavailable: sum("unavailable"),
    unprocessed: sum("unprocessed"),
    otherHandling: sum("otherHandling"),
    carriedOut: n("carriedOut.total"),
    review: block(["review"]),
    litigation: block(["litigationDirect", "litigationAfterReview"]),
  };
}

/** Sentences stating the figures, each fact in several wordings; `pick` chooses among them. */
function narrativeOf(f: Figures, year: number, pick: (n: number) => number, num: (n: number) => string): string {
  const one = <T>(options: T[]) => options[pick(options.length)]!;
  const total = (b: Figures["review"]) => b.upheld + b.corrected + b.other + b.pending;
  const sentences: string[] = [
    one([`本报告中所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`, `${year}年，本机关认真贯彻落实《条例》。`, "本年度，本机关认真贯彻落实《条例》。"]),
    one([
      `本年度新收政府信息公开申请${num(f.newRequests)}件，上年结转${num(f.carriedIn)}件。`,
      `全年共收到政府信息公开申请${num(f.newRequests)}件。`,
      `依申请公开数为${num(f.newRequests)}件。`,
      `共受理申请${num(f.newRequests + f.carriedIn)}件（含上年结转${num(f.carriedIn)}件）。`,
      f.newRequests === 0 ? "本年度未收到政府信息公开申请。" : `本年度收到依申请公开申请${num(f.newRequests)}件，均依法答复。`,
    ]),
    one([
      `全年办结${num(f.closed)}件，其中予以公开${num(f.disclosed)}件，部分公开${num(f.partly)}件，不予公开${num(f.withheld)}件，无法提供${num(f.unavailable)}件，不予处理${num(f.unprocessed)}件，其他处理${num(f.otherHandling)}件。`,
      `办理结果：同意公开${num(f.disclosed)}件、部分公开${num(f.partly)}件、不予公开${num(f.withheld)}件、无法提供${num(f.unavailable)}件。`,
      `予以公开及部分公开${num(f.disclosed + f.partly)}件，已办理完毕${num(f.closed)}件。`,
    ]),
    one([`结转下年度继续办理${num(f.carriedOut)}件。`, `截至年底，转入下一年度办理${num(f.carriedOut)}件。`, ""]),
    total(f.review) === 0
      ? one(["本年度未发生政府信息公开行政复议。", "全年行政复议为零。", ""])
      : one([
          `发生行政复议${num(total(f.review))}件，其中维持${num(f.review.upheld)}件，纠正${num(f.review.corrected)}件，尚未审结${num(f.review.pending)}件。`,
          f.review.corrected + f.review.other + f.review.pending === 0 ? `行政复议${num(total(f.review))}件，均获维持。` : `被申请行政复议${num(total(f.review))}件。`,
          f.review.pending > 0 ? `行政复议${num(total(f.review))}件，截至目前部分案件尚未审结。` : `行政复议案件${num(total(f.review))}起。`,
        ]),
    total(f.litigation) === 0
      ? one(["未发生因政府信息公开引起的行政诉讼。", "没有行政诉讼案件。", "实现零诉讼。".replace("零诉讼", "行政诉讼为零")])
      : one([
          `被提起行政诉讼${num(total(f.litigation))}件。`,
          f.litigation.corrected === 0 ? `行政诉讼${num(total(f.litigation))}件，实现零败诉。` : `行政诉讼${num(total(f.litigation))}件，被纠正${num(f.litigation.corrected)}件。`,
          `涉及政府信息公开的行政诉讼案件${num(total(f.litigation))}件。`,
        ]),
  ];
  return `（一）主动公开\n本年度主动公开政府信息356条。\n（二）依申请公开\n${sentences.filter(Boolean).join("")}\n（五）监督保障\n未发生责任追究情况。`;
}

const toTraditional = OpenCC.Converter({ from: "cn", to: "tw" });

describe("random consistent reports", () => {
  const quiet = new Set(["NARRATIVE", "YEAR", "ORGAN", "PUNCTUATION", "CARRYOVER", "T2-CONTINUITY"]);

  it("of every organ kind and year, stating their figures in varied wording, give no error and no NARRATIVE warning", () => {
    fc.assert(
      fc.property(
        consistentTables,
        fc.constantFrom<OrganKind>(...ORGAN_KINDS),
        fc.integer({ min: 2021, max: 2035 }),
        fc.infiniteStream(fc.nat()),
        fc.constantFrom<Form>("arabic", "fullWidth", "chinese", "separated"),
        fc.boolean(),
        (sections, organKind, year, choices, form, traditional) => {
          const stream = choices[Symbol.iterator]();
          const pick = (n: number) => (stream.next().value as number) % n;
          const text = narrativeOf(figuresOf(sections), year, pick, (n) => written(n, form));
          sections.overview = { kind: "narrative", text: traditional ? toTraditional(text) : text };
          sections.problems = { kind: "narrative", text: PROBLEMS_TEXT };
          sections.other = { kind: "narrative", text: OTHER_TEXT };
          // The generated text does state figures: the property is not met by reading nothing.
          expect(readNarrative(sections.overview.text, year).length).toBeGreaterThanOrEqual(2);
          const identity = { title: reportTitle("青石镇", year), organName: "青石镇" };
          const findings = checkDraft({ year, organKind, sections, identity });
          const wrong = findings.filter((f) => f.severity === "error" || quiet.has(f.id));
          expect({ text: sections.overview.text, wrong: wrong.map((f) => f.message) }).toEqual({ text: sections.overview.text, wrong: [] });
          // The same report as a file, with its printed totals: still nothing.
          const file = checkReport({ year, organKind, sections: withComputedTotals(sections), identity });
          expect(file.filter((f) => f.severity === "error" || quiet.has(f.id)).map((f) => f.message)).toEqual([]);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("following last year's, give no cross-year warning", () => {
    fc.assert(
      fc.property(consistentTables, consistentTables, (last, now) => {
        const lastCells = (last.requests as TableContent).cells;
        const nowCells = (now.requests as TableContent).cells;
        // This year's 二 is last year's 四 (new requests adjusted to keep the balance)...
        for (const column of TABLE3_APPLICANT_COLUMNS) {
          const delta = Number(lastCells[`carriedOut.${column}`]) - Number(nowCells[`carriedIn.${column}`]);
          if (Number(nowCells[`newRequests.${column}`]) - delta < 0) nowCells[`carriedOut.${column}`] = String(Number(nowCells[`carriedOut.${column}`]) + delta);
          else nowCells[`newRequests.${column}`] = String(Number(nowCells[`newRequests.${column}`]) - delta);
          nowCells[`carriedIn.${column}`] = lastCells[`carriedOut.${column}`]!;
        }
        // ...and 现行有效 follows from last year's.
        const t2 = (now.proactive as TableContent).cells;
        const lastT2 = (last.proactive as TableContent).cells;
        for (const row of ["regulations", "normativeDocuments"]) {
          const available = Number(lastT2[`${row}.current`]) + Number(t2[`${row}.made`]);
          t2[`${row}.repealed`] = String(Math.min(Number(t2[`${row}.repealed`]), available));
          t2[`${row}.current`] = String(available - Number(t2[`${row}.repealed`]));
        }
        for (const s of [last, now]) {
          s.overview = { kind: "narrative", text: "（一）主动公开\n主动公开政府信息。" };
          s.problems = { kind: "narrative", text: PROBLEMS_TEXT };
          s.other = { kind: "narrative", text: OTHER_TEXT };
        }
        const findings = checkDraft({ year: 2025, organKind: "TOWNSHIP", sections: now, lastYear: last });
        expect(findings.filter((f) => f.id === "CARRYOVER" || f.id === "T2-CONTINUITY" || f.severity === "error").map((f) => f.message)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });
});
