// Every check of the national format (shared/spec/report-format.md §6), with its id; the
// README's "Checks" section lists each with what it reads and an example message. Pure
// TypeScript: runs in the browser as the user types and on the server, which is authoritative.
// Each finding names the table, row, column and numbers involved. The table arithmetic is in
// check-sums.ts, the narrative's figures in check-narrative.ts, year and organ in
// check-identity.ts, half-width punctuation in punctuation.ts.
import type { OrganKind } from "@/lib/domain/organ-kinds";
import { CELL_PROBLEM_MESSAGES, parseAmount, parseCount, withComputedTotals, withTotals } from "./cells";
import { checkIdentity, type Identity } from "./check-identity";
import { checkNarrative } from "./check-narrative";
import { checkTable3, checkTable4, type TotalsMode } from "./check-sums";
import type { NarrativeContent, ReportSections, TableContent } from "./content";
import type { Finding } from "./findings";
import {
  ALL_CELLS,
  cellLabel,
  FIRST_YEAR_OF_2021_FORMAT,
  OVERVIEW_SUBHEADINGS,
  isOptionalSection,
  SECTION_KEYS,
  SECTION_TABLE,
  SECTION_TITLES,
  TABLE2_BLOCKS,
  TABLE2_FEE_CELL,
  TABLE3_COLUMNS,
  TYPED_CELLS,
  type SectionKey,
  type TableNumber,
} from "./format";
import { FORMAT_2019_TEXT_LABELS } from "./format-2019";
import { checkPunctuation, fixPunctuation } from "./punctuation";
import { textSimilarity } from "./similarity";

export { CHECK_IDS, ERROR_IDS, WARNING_IDS, type CellRef, type CheckId, type Finding, type TextSpan } from "./findings";

export type CheckInput = {
  year: number;
  organKind: OrganKind;
  /** Table cells of the whole official form, totals included. */
  sections: ReportSections;
  /** Last year's report of the same organ, when it is in the system. */
  lastYear?: ReportSections | null;
  /** The report's title and the organ's name, for the YEAR and ORGAN checks of the title. */
  identity?: Identity;
};

/** Text mostly the same as last year's, at or above this similarity. */
export const COPY_THRESHOLD = 0.85;
export const SECTION5_MIN_LENGTH = 50;
/** A fee above this many 万元 was probably typed in 元 (by organ kind). */
const FEE_PLAUSIBLE_MAX: Record<OrganKind, number> = {
  PROVINCE: 500_000,
  CITY: 50_000,
  COUNTY: 5_000,
  DISTRICT: 5_000,
  DEPARTMENT: 5_000,
  TOWNSHIP: 100,
  STREET: 100,
};
/** Only these make 规章 (《立法法》 articles 91 and 93). */
const MAKES_REGULATIONS: ReadonlySet<OrganKind> = new Set(["PROVINCE", "CITY"]);

function cellsOf(sections: ReportSections, table: TableNumber): Record<string, string> {
  const content = sections[tableSection(table)];
  return content.kind === "table" ? content.cells : {};
}
function tableSection(table: TableNumber): SectionKey {
  return table === 2 ? "proactive" : table === 3 ? "requests" : "appeals";
}
function textOf(content: NarrativeContent | TableContent) {
  return content.kind === "narrative" ? content.text : content.note;
}

function checkCells(sections: ReportSections, cellsToCheck: Record<TableNumber, ReadonlyArray<string>>): Finding[] {
  const findings: Finding[] = [];
  for (const table of [2, 3, 4] as const) {
    const cells = cellsOf(sections, table);
    for (const cell of cellsToCheck[table]) {
      const parsed = table === 2 && cell === TABLE2_FEE_CELL ? parseAmount(cells[cell]) : parseCount(cells[cell]);
      if (parsed.ok) continue;
      const raw = cells[cell] ?? "";
      findings.push({
        id: "CELL",
        severity: "error",
        section: tableSection(table),
        message: `${cellLabel(table, cell)}：${CELL_PROBLEM_MESSAGES[parsed.problem]}${raw.trim() ? `（现为“${raw.trim()}”）` : ""}`,
        cells: [{ table, cell }],
        cellProblem: parsed.problem,
      });
    }
  }
  return findings;
}

function meaningfulText(key: SectionKey, text: string) {
  if (key !== "overview") return text.trim();
  return text
    .split("\n")
    .filter((line) => !OVERVIEW_SUBHEADINGS.includes(fixPunctuation(line.trim())))
    .join("")
    .trim();
}

function checkSectionsAndFormat(input: CheckInput): Finding[] {
  const findings: Finding[] = [];
  for (const key of SECTION_KEYS) {
    const content = input.sections[key];
    // The 引言 is optional: only the six numbered sections must be filled.
    if (!isOptionalSection(key) && !SECTION_TABLE[key] && content.kind === "narrative" && meaningfulText(key, content.text) === "") {
      findings.push({ id: "SECTIONS", severity: "error", section: key, message: `${SECTION_TITLES[key]}：尚未填写内容`, cells: [] });
    }
    if (input.year >= FIRST_YEAR_OF_2021_FORMAT) {
      const text = textOf(content);
      for (const label of FORMAT_2019_TEXT_LABELS) {
        if (text.includes(label)) {
          findings.push({
            id: "FORMAT",
            severity: "error",
            section: key,
            message: `${SECTION_TITLES[key]}：含有已废止的 2019 年格式用语“${label}”，${input.year} 年度报告应使用 2021 年格式`,
            cells: [],
          });
        }
      }
    }
  }
  return findings;
}

function checkWarnings(input: CheckInput): Finding[] {
  const findings: Finding[] = [];
  const t2 = cellsOf(input.sections, 2);
  const t3 = cellsOf(input.sections, 3);

  if (input.lastYear) {
    const last3 = withTotals(3, cellsOf(input.lastYear, 3));
    for (const { key: column, label } of TABLE3_COLUMNS) {
      const now = parseCount(t3[`carriedIn.${column}`]);
      const before = parseCount(last3[`carriedOut.${column}`]);
      if (now.ok && before.ok && now.value !== before.value) {
        findings.push({
          id: "CARRYOVER",
          severity: "warning",
          section: "requests",
          message: `表三 ${label}列：二、上年结转为 ${now.value}，但上一年度报告的四、结转下年度继续办理为 ${before.value}`,
          cells: [{ table: 3, cell: `carriedIn.${column}` }],
        });
      }
    }
    findings.push(...checkTable2Continuity(t2, cellsOf(input.lastYear, 2)));
  }

  if (!MAKES_REGULATIONS.has(input.organKind)) {
    const regulationCells = ["regulations.made", "regulations.repealed", "regulations.current"];
    const nonZero = regulationCells.filter((cell) => {
      const parsed = parseCount(t2[cell]);
      return parsed.ok && parsed.value > 0;
    });
    if (nonZero.length) {
      findings.push({
        id: "REGULATION",
        severity: "warning",
        section: "proactive",
        message: "表二 规章：乡镇、街道和县级机关不制定规章（《立法法》第九十一条、第九十三条），一般应全部为 0；规范性文件请填在“行政规范性文件”行",
        cells: nonZero.map((cell) => ({ table: 2 as const, cell })),
      });
    }
  }

  const fee = parseAmount(t2[TABLE2_FEE_CELL]);
  if (fee.ok && fee.value > FEE_PLAUSIBLE_MAX[input.organKind]) {
    findings.push({
      id: "FEE-UNIT",
      severity: "warning",
      section: "proactive",
      message: `表二 行政事业性收费为 ${t2[TABLE2_FEE_CELL]!.trim()} 万元，对本机关而言偏大，请确认单位是“万元”而不是“元”`,
      cells: [{ table: 2, cell: TABLE2_FEE_CELL }],
    });
  }

  findings.push(...checkNarrative(input.sections, input.year));
  findings.push(...checkIdentity(input.sections, input.year, input.identity));
  for (const key of SECTION_KEYS) {
    const content = input.sections[key];
    const punctuation = checkPunctuation(key, textOf(content), content.kind === "narrative" ? "正文" : "表格说明");
    if (punctuation) findings.push(punctuation);
  }

  const problems = input.sections.problems.kind === "narrative" ? input.sections.problems.text.trim() : "";
  const lastProblems = input.lastYear?.problems.kind === "narrative" ? input.lastYear.problems.text : null;
  if (problems !== "") {
    const reason = /^无[。.]?$/.test(problems)
      ? "只写了“无”"
      : [...problems].length < SECTION5_MIN_LENGTH
        ? `只有 ${[...problems].length} 个字，过于简略`
        : lastProblems && textSimilarity(problems, lastProblems) >= COPY_THRESHOLD
          ? "与上一年度报告基本相同"
          : null;
    if (reason) {
      findings.push({
        id: "SECTION5",
        severity: "warning",
        section: "problems",
        message: `${SECTION_TITLES.problems}：${reason}，检查中常被指出，请写明本年度存在的问题和改进情况`,
        cells: [],
      });
    }
  }

  const other = input.sections.other.kind === "narrative" ? input.sections.other.text : "";
  const feeRejections = parseCount(t3["otherHandling2.total"]);
  if (!/处理费/.test(other)) {
    findings.push({
      id: "SECTION6-FEE",
      severity: "warning",
      section: "other",
      message: `${SECTION_TITLES.other}：没有说明信息处理费的收取情况（如“本机关未收取政府信息公开信息处理费”）`,
      cells: [],
    });
  } else if (feeRejections.ok && feeRejections.value > 0 && /未收取/.test(other)) {
    findings.push({
      id: "SECTION6-FEE",
      severity: "warning",
      section: "other",
      message: `${SECTION_TITLES.other}：写明未收取信息处理费，但表三（六）2（逾期未缴纳费用）为 ${feeRejections.value}，说明发出过收费通知`,
      cells: [{ table: 3, cell: "otherHandling2.total" }],
    });
  }

  if (input.lastYear) {
    for (const key of ["overview", "other"] as const) {
      const now = input.sections[key];
      const before = input.lastYear[key];
      if (now.kind !== "narrative" || before.kind !== "narrative" || meaningfulText(key, now.text) === "") continue;
      const similarity = textSimilarity(now.text, before.text);
      if (similarity >= COPY_THRESHOLD) {
        findings.push({
          id: "COPY",
          severity: "warning",
          section: key,
          message: `${SECTION_TITLES[key]}：与上一年度报告的相似度为 ${Math.round(similarity * 100)}%，请按本年度实际情况撰写`,
          cells: [],
        });
      }
    }
  }
  return findings;
}

/** T2-CONTINUITY: this year's 现行有效 = last year's 现行有效 + 本年制发 − 本年废止, for 规章 and 行政规范性文件. */
function checkTable2Continuity(now: Record<string, string>, before: Record<string, string>): Finding[] {
  const findings: Finding[] = [];
  for (const row of TABLE2_BLOCKS[0]!.rows) {
    const current = parseCount(now[`${row.key}.current`]);
    const made = parseCount(now[`${row.key}.made`]);
    const repealed = parseCount(now[`${row.key}.repealed`]);
    const lastCurrent = parseCount(before[`${row.key}.current`]);
    if (!current.ok || !made.ok || !repealed.ok || !lastCurrent.ok) continue;
    const expected = lastCurrent.value + made.value - repealed.value;
    if (current.value === expected) continue;
    findings.push({
      id: "T2-CONTINUITY",
      severity: "warning",
      section: "proactive",
      message: `表二 ${row.label}：现行有效件数为 ${current.value}，但上一年度报告的现行有效件数 ${lastCurrent.value} + 本年制发 ${made.value} − 本年废止 ${repealed.value} = ${expected}`,
      cells: [{ table: 2, cell: `${row.key}.current` }],
    });
  }
  return findings;
}

/** Every finding for a report whose tables carry all their cells, totals included (e.g. an imported file). */
export function checkReport(input: CheckInput, options: { cellsToCheck?: Record<TableNumber, ReadonlyArray<string>>; totals?: TotalsMode } = {}): Finding[] {
  const totals = options.totals ?? "printed";
  return [
    ...checkCells(input.sections, options.cellsToCheck ?? ALL_CELLS),
    ...checkTable3(cellsOf(input.sections, 3), totals),
    ...checkTable4(cellsOf(input.sections, 4), totals),
    ...checkSectionsAndFormat(input),
    ...checkWarnings(input),
  ];
}

/** Every finding for a draft: totals are computed, so only typed cells are read for values. */
export function checkDraft(input: CheckInput): Finding[] {
  return checkReport({ ...input, sections: withComputedTotals(input.sections) }, { cellsToCheck: TYPED_CELLS, totals: "computed" });
}

export const hasErrors = (findings: ReadonlyArray<Finding>) => findings.some((f) => f.severity === "error");

/** Whether a finding only says that a cell has not been filled in yet (an error that blocks submission, but no mistake). */
export const isUnfilledCell = (f: Finding) => f.id === "CELL" && f.cellProblem === "empty";
