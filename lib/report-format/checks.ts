// Every check of the national format (shared/spec/report-format.md §6), with its id.
// Pure TypeScript: runs in the browser as the user types and on the server, which
// is authoritative. Each finding names the table, row, column and numbers involved.
import type { OrganKind } from "@/lib/domain/organ-kinds";
import { CELL_PROBLEM_MESSAGES, parseAmount, parseCount, withComputedTotals, withTotals, type CellProblem } from "./cells";
import type { NarrativeContent, ReportSections, TableContent } from "./content";
import {
  ALL_CELLS,
  cellLabel,
  FIRST_YEAR_OF_2021_FORMAT,
  FORMAT_2019_LABELS,
  OVERVIEW_SUBHEADINGS,
  SECTION_KEYS,
  SECTION_TABLE,
  SECTION_TITLES,
  TABLE2_FEE_CELL,
  TABLE3_COLUMNS,
  TABLE3_RESULT_ROWS,
  TABLE3_ROWS,
  TABLE4_BLOCKS,
  TABLE4_COLUMNS,
  TYPED_CELLS,
  type SectionKey,
  type TableNumber,
} from "./format";
import { claimsAllUpheld, findQuotedFigures } from "./narrative-numbers";
import { textSimilarity } from "./similarity";

export const ERROR_IDS = ["CELL", "T3-BALANCE", "T3-RESULTS", "T3-ROWTOTAL", "T4-TOTAL", "SECTIONS", "FORMAT"] as const;
export const WARNING_IDS = ["CARRYOVER", "REGULATION", "FEE-UNIT", "NARRATIVE", "SECTION5", "SECTION6-FEE", "COPY"] as const;
export type CheckId = (typeof ERROR_IDS)[number] | (typeof WARNING_IDS)[number];

export type CellRef = { table: TableNumber; cell: string };
export type Finding = {
  id: CheckId;
  severity: "error" | "warning";
  section: SectionKey;
  message: string;
  cells: CellRef[];
  /** For a CELL finding: what is wrong with the value (e.g. "empty": not filled in yet). */
  cellProblem?: CellProblem;
};

export type CheckInput = {
  year: number;
  organKind: OrganKind;
  /** Table cells of the whole official form, totals included. */
  sections: ReportSections;
  /** Last year's report of the same organ, when it is in the system. */
  lastYear?: ReportSections | null;
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

const table3Column = (key: string) => TABLE3_COLUMNS.find((c) => c.key === key)!.label;
const table3Row = (key: string) => TABLE3_ROWS.find((r) => r.key === key)!.label;

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

/** Reads counts; null when any is not a valid count (the cell check reports those). */
function counts(cells: Record<string, string>, keys: string[]): number[] | null {
  const values: number[] = [];
  for (const key of keys) {
    const parsed = parseCount(cells[key]);
    if (!parsed.ok) return null;
    values.push(parsed.value);
  }
  return values;
}
const total = (values: number[]) => values.reduce((a, b) => a + b, 0);

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

function checkTable3(cells: Record<string, string>): Finding[] {
  const findings: Finding[] = [];
  for (const { key: column } of TABLE3_COLUMNS) {
    const c = (row: string) => `${row}.${column}`;
    const balance = counts(cells, [c("newRequests"), c("carriedIn"), c("resultsTotal"), c("carriedOut")]);
    if (balance) {
      const [one, two, seven, four] = balance as [number, number, number, number];
      if (one + two !== seven + four) {
        findings.push({
          id: "T3-BALANCE",
          severity: "error",
          section: "requests",
          message: `表三 ${table3Column(column)}列：一+二=${one + two}，（七）总计+四=${seven + four}，两者应相等`,
          cells: ["newRequests", "carriedIn", "resultsTotal", "carriedOut"].map((row) => ({ table: 3 as const, cell: c(row) })),
        });
      }
    }
    const results = counts(cells, TABLE3_RESULT_ROWS.map(c));
    const seven = counts(cells, [c("resultsTotal")]);
    if (results && seven && total(results) !== seven[0]) {
      findings.push({
        id: "T3-RESULTS",
        severity: "error",
        section: "requests",
        message: `表三 ${table3Column(column)}列：（七）总计为 ${seven[0]}，但（一）至（六）各项之和为 ${total(results)}`,
        cells: [{ table: 3, cell: c("resultsTotal") }],
      });
    }
  }
  for (const row of TABLE3_ROWS) {
    const parts = counts(
      cells,
      TABLE3_COLUMNS.filter((x) => x.key !== "total").map((x) => `${row.key}.${x.key}`),
    );
    const rowTotal = counts(cells, [`${row.key}.total`]);
    if (parts && rowTotal && total(parts) !== rowTotal[0]) {
      findings.push({
        id: "T3-ROWTOTAL",
        severity: "error",
        section: "requests",
        message: `表三 ${row.label}：总计为 ${rowTotal[0]}，但各类申请人之和为 ${total(parts)}`,
        cells: [{ table: 3, cell: `${row.key}.total` }],
      });
    }
  }
  return findings;
}

function checkTable4(cells: Record<string, string>): Finding[] {
  const findings: Finding[] = [];
  for (const block of TABLE4_BLOCKS) {
    const parts = counts(
      cells,
      TABLE4_COLUMNS.filter((c) => c.key !== "total").map((c) => `${block.key}.${c.key}`),
    );
    const blockTotal = counts(cells, [`${block.key}.total`]);
    if (parts && blockTotal && total(parts) !== blockTotal[0]) {
      findings.push({
        id: "T4-TOTAL",
        severity: "error",
        section: "appeals",
        message: `${cellLabel(4, `${block.key}.total`)}：总计为 ${blockTotal[0]}，但维持、纠正、其他、尚未审结之和为 ${total(parts)}`,
        cells: [{ table: 4, cell: `${block.key}.total` }],
      });
    }
  }
  return findings;
}

function meaningfulText(key: SectionKey, text: string) {
  if (key !== "overview") return text.trim();
  return text
    .split("\n")
    .filter((line) => !OVERVIEW_SUBHEADINGS.includes(line.trim()))
    .join("")
    .trim();
}

function checkSectionsAndFormat(input: CheckInput): Finding[] {
  const findings: Finding[] = [];
  for (const key of SECTION_KEYS) {
    const content = input.sections[key];
    if (!SECTION_TABLE[key] && content.kind === "narrative" && meaningfulText(key, content.text) === "") {
      findings.push({ id: "SECTIONS", severity: "error", section: key, message: `${SECTION_TITLES[key]}：尚未填写内容`, cells: [] });
    }
    if (input.year >= FIRST_YEAR_OF_2021_FORMAT) {
      const text = textOf(content);
      for (const label of FORMAT_2019_LABELS) {
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
  const t4 = cellsOf(input.sections, 4);

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

  findings.push(...checkNarrativeNumbers(input.sections, t3, t4));

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

function checkNarrativeNumbers(sections: ReportSections, t3: Record<string, string>, t4: Record<string, string>): Finding[] {
  const findings: Finding[] = [];
  const figure = (cells: Record<string, string>, keys: string[]) => {
    const values = counts(cells, keys);
    return values ? total(values) : null;
  };
  const actual = {
    newRequests: { value: figure(t3, ["newRequests.total"]), where: `表三 ${table3Row("newRequests")} 总计`, cells: [{ table: 3 as const, cell: "newRequests.total" }] },
    review: { value: figure(t4, ["review.total"]), where: "表四 行政复议 总计", cells: [{ table: 4 as const, cell: "review.total" }] },
    litigation: {
      value: figure(t4, ["litigationDirect.total", "litigationAfterReview.total"]),
      where: "表四 行政诉讼 两项总计之和",
      cells: [
        { table: 4 as const, cell: "litigationDirect.total" },
        { table: 4 as const, cell: "litigationAfterReview.total" },
      ],
    },
  };
  const unresolved = TABLE4_BLOCKS.flatMap((b) => ["pending", "corrected", "other"].map((c) => `${b.key}.${c}`)).filter((cell) => {
    const parsed = parseCount(t4[cell]);
    return parsed.ok && parsed.value > 0;
  });

  for (const key of SECTION_KEYS) {
    const text = textOf(sections[key]);
    for (const quoted of findQuotedFigures(text)) {
      const truth = actual[quoted.subject];
      if (truth.value !== null && truth.value !== quoted.value) {
        findings.push({
          id: "NARRATIVE",
          severity: "warning",
          section: key,
          message: `${SECTION_TITLES[key]}：文中写“${quoted.quote}”，但${truth.where}为 ${truth.value}`,
          cells: truth.cells,
        });
      }
    }
    const upheld = claimsAllUpheld(text);
    if (upheld && unresolved.length) {
      findings.push({
        id: "NARRATIVE",
        severity: "warning",
        section: key,
        message: `${SECTION_TITLES[key]}：文中写“${upheld}”，但表四的${unresolved.map((c) => cellLabel(4, c).replace("表四 ", "")).join("、")}不为 0`,
        cells: unresolved.map((cell) => ({ table: 4 as const, cell })),
      });
    }
  }
  return findings;
}

/** Every finding for a report whose tables carry all their cells, totals included (e.g. an imported file). */
export function checkReport(input: CheckInput, options: { cellsToCheck?: Record<TableNumber, ReadonlyArray<string>> } = {}): Finding[] {
  return [
    ...checkCells(input.sections, options.cellsToCheck ?? ALL_CELLS),
    ...checkTable3(cellsOf(input.sections, 3)),
    ...checkTable4(cellsOf(input.sections, 4)),
    ...checkSectionsAndFormat(input),
    ...checkWarnings(input),
  ];
}

/** Every finding for a draft: totals are computed, so only typed cells are read for values. */
export function checkDraft(input: CheckInput): Finding[] {
  return checkReport({ ...input, sections: withComputedTotals(input.sections) }, { cellsToCheck: TYPED_CELLS });
}

export const hasErrors = (findings: ReadonlyArray<Finding>) => findings.some((f) => f.severity === "error");

/** Whether a finding only says that a cell has not been filled in yet (an error that blocks submission, but no mistake). */
export const isUnfilledCell = (f: Finding) => f.id === "CELL" && f.cellProblem === "empty";
