// NARRATIVE: every figure the text states about tables 3 and 4 (narrative-reader.ts) compared
// with the tables, naming the words, their sentence and the cells. Pure.
import { parseCount } from "./cells";
import type { ReportSections } from "./content";
import type { CellRef, Finding } from "./findings";
import { cellLabel, SECTION_KEYS, SECTION_TITLES, TABLE3_ROWS, TABLE4_BLOCKS, type SectionKey } from "./format";
import { readNarrative, type Block, type FigureKey, type NarrativeClaim, type Outcome, type Table3Figure } from "./narrative-reader";

type Figure = { where: string; cells: CellRef[] };

const t3 = (rows: string[]): CellRef[] => rows.map((row) => ({ table: 3, cell: `${row}.total` }));
const rowsOf = (prefix: string) => TABLE3_ROWS.filter((r) => r.key.startsWith(prefix) && /\d$/.test(r.key)).map((r) => r.key);
const rowLabel = (key: string) => TABLE3_ROWS.find((r) => r.key === key)!.label;

const TABLE3_FIGURES: Record<Table3Figure, Figure> = {
  newRequests: { where: `表三 ${rowLabel("newRequests")} 总计`, cells: t3(["newRequests"]) },
  carriedIn: { where: `表三 ${rowLabel("carriedIn")} 总计`, cells: t3(["carriedIn"]) },
  incoming: { where: "表三 一、本年新收与二、上年结转的总计之和", cells: t3(["newRequests", "carriedIn"]) },
  resultsTotal: { where: "表三 三、本年度办理结果（七）总计", cells: t3(["resultsTotal"]) },
  disclosed: { where: "表三 （一）予以公开 总计", cells: t3(["disclosed"]) },
  partlyDisclosed: { where: "表三 （二）部分公开 总计", cells: t3(["partlyDisclosed"]) },
  disclosedOrPartly: { where: "表三 （一）予以公开与（二）部分公开的总计之和", cells: t3(["disclosed", "partlyDisclosed"]) },
  withheld: { where: "表三 （三）不予公开 1–8 项的总计之和", cells: t3(rowsOf("withheld")) },
  unavailable: { where: "表三 （四）无法提供 1–3 项的总计之和", cells: t3(rowsOf("unavailable")) },
  unprocessed: { where: "表三 （五）不予处理 1–5 项的总计之和", cells: t3(rowsOf("unprocessed")) },
  otherHandling: { where: "表三 （六）其他处理 1–3 项的总计之和", cells: t3(rowsOf("otherHandling")) },
  carriedOut: { where: `表三 ${rowLabel("carriedOut")} 总计`, cells: t3(["carriedOut"]) },
};

const BLOCK_KEYS: Record<Block, string[]> = {
  review: ["review"],
  litigation: ["litigationDirect", "litigationAfterReview"],
  litigationDirect: ["litigationDirect"],
  litigationAfterReview: ["litigationAfterReview"],
  appeals: TABLE4_BLOCKS.map((b) => b.key),
};
const BLOCK_NAMES: Record<Block, string> = {
  review: "行政复议",
  litigation: "行政诉讼",
  litigationDirect: "行政诉讼（未经复议直接起诉）",
  litigationAfterReview: "行政诉讼（复议后起诉）",
  appeals: "行政复议和行政诉讼",
};
const OUTCOME_NAMES: Record<Outcome, string> = { total: "总计", upheld: "结果维持", corrected: "结果纠正", other: "其他结果", pending: "尚未审结" };

const FIGURES = new Map<FigureKey, Figure>();
function figureOf(key: FigureKey): Figure {
  let figure = FIGURES.get(key);
  if (!figure) FIGURES.set(key, (figure = describeFigure(key)));
  return figure;
}

function describeFigure(key: FigureKey): Figure {
  if (key in TABLE3_FIGURES) return TABLE3_FIGURES[key as Table3Figure];
  const [block, outcome] = key.split(".") as [Block, Outcome];
  const keys = BLOCK_KEYS[block];
  const cells = keys.map((k) => ({ table: 4 as const, cell: `${k}.${outcome}` }));
  // The two 行政诉讼 blocks are one figure in the text: "行政诉讼 两项总计之和".
  const where =
    keys.length === 1 ? `表四 ${BLOCK_NAMES[block]} ${OUTCOME_NAMES[outcome]}` : `表四 ${BLOCK_NAMES[block]} ${keys.length === 2 ? "两项" : "各项"}${OUTCOME_NAMES[outcome]}之和`;
  return { where, cells };
}

/** The figure's value in the tables; null while any of its cells is not a valid count (the cell check says why). */
function valueOf(figure: Figure, counts: (table: 3 | 4, cell: string) => number | null): number | null {
  let sum = 0;
  for (const { table, cell } of figure.cells) {
    const value = counts(table as 3 | 4, cell);
    if (value === null) return null;
    sum += value;
  }
  return sum;
}

/** The tables' cells read as counts, each once (a long narrative makes hundreds of claims). */
function countsOf(sections: ReportSections) {
  const read = new Map<string, number | null>();
  return (table: 3 | 4, cell: string): number | null => {
    const key = `${table}.${cell}`;
    if (!read.has(key)) {
      const content = sections[table === 3 ? "requests" : "appeals"];
      const parsed = parseCount(content.kind === "table" ? content.cells[cell] : undefined);
      read.set(key, parsed.ok ? parsed.value : null);
    }
    return read.get(key)!;
  };
}

function textOf(sections: ReportSections, key: SectionKey) {
  const content = sections[key];
  return content.kind === "narrative" ? content.text : content.note;
}

/** NARRATIVE findings for every section's text; `sections` carry their totals (computed or printed). */
export function checkNarrative(sections: ReportSections, year: number): Finding[] {
  const findings: Finding[] = [];
  const counts = countsOf(sections);
  for (const key of SECTION_KEYS) {
    const text = textOf(sections, key);
    if (!text) continue;
    const seen = new Set<string>();
    for (const claim of readNarrative(text, year)) {
      const finding = judge(claim, text, key, counts);
      // The same words repeated (a sentence pasted twice) say one thing.
      if (finding && !seen.has(finding.message)) {
        seen.add(finding.message);
        findings.push(finding);
      }
    }
  }
  return findings;
}

function judge(claim: NarrativeClaim, text: string, key: SectionKey, counts: ReturnType<typeof countsOf>): Finding | null {
  const finding = (message: string, cells: CellRef[]): Finding => ({
    id: "NARRATIVE",
    severity: "warning",
    section: key,
    message: `${SECTION_TITLES[key]}：文中写“${text.slice(claim.quote.start, claim.quote.end)}”，但${message}`,
    cells,
    quote: claim.quote,
    sentence: claim.sentence,
  });

  if (claim.kind === "allUpheld") {
    const open = (claim.blocks ?? ["appeals"])
      .flatMap((block) => BLOCK_KEYS[block].flatMap((b) => ["corrected", "other", "pending"].map((c) => `${b}.${c}`)))
      .filter((cell, i, all) => all.indexOf(cell) === i && (counts(4, cell) ?? 0) > 0);
    if (!open.length) return null;
    return finding(
      `表四的${open.map((c) => cellLabel(4, c).replace("表四 ", "")).join("、")}不为 0`,
      open.map((cell) => ({ table: 4 as const, cell })),
    );
  }
  const figure = figureOf(claim.figure);
  const actual = valueOf(figure, counts);
  if (actual === null) return null;
  if (claim.kind === "some") return actual === 0 ? finding(`${figure.where}为 0`, figure.cells) : null;
  return actual !== claim.value ? finding(`${figure.where}为 ${actual}`, figure.cells) : null;
}
