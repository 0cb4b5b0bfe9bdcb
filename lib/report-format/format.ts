// The national format of the annual report (国办公开办函〔2021〕30号): sections,
// exact table labels and cell keys. Labels are official wording, reproduced
// exactly in the editor, the public page and every export. Pure data.

/**
 * The parts of a report, in order: the optional 引言 (the opening paragraph real reports put
 * before 一、总体情况), then the six numbered sections of the format. The 引言 is stored, edited,
 * reviewed, diffed and published like a narrative section, so every loop over the parts reaches it;
 * what only the numbered sections have (the SECTIONS check, a heading on the public page and in
 * Word) loops over NUMBERED_SECTION_KEYS. An empty 引言 is the same as none.
 */
export const SECTION_KEYS = ["intro", "overview", "proactive", "requests", "appeals", "problems", "other"] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];
export const NUMBERED_SECTION_KEYS = ["overview", "proactive", "requests", "appeals", "problems", "other"] as const satisfies ReadonlyArray<SectionKey>;
export type NumberedSectionKey = (typeof NUMBERED_SECTION_KEYS)[number];
export const INTRO_KEY = "intro" satisfies SectionKey;

/** Whether a part is optional (the 引言): it may stay empty and has no numbered heading. */
export const isOptionalSection = (key: SectionKey) => key === INTRO_KEY;

export const SECTION_TITLES: Record<SectionKey, string> = {
  intro: "引言",
  overview: "一、总体情况",
  proactive: "二、主动公开政府信息情况",
  requests: "三、收到和处理政府信息公开申请情况",
  appeals: "四、政府信息公开行政复议、行政诉讼情况",
  problems: "五、存在的主要问题及改进情况",
  other: "六、其他需要报告的事项",
};

/** A part's name where people pick it (the editor's navigation and heading): the 引言 says it is optional. */
export function sectionLabel(key: SectionKey): string {
  return isOptionalSection(key) ? `${SECTION_TITLES[key]}（可选）` : SECTION_TITLES[key];
}

/** The short name in the editor's navigation between parts: "引言（可选）", "一" … "六". */
export function sectionNavLabel(key: SectionKey): string {
  return isOptionalSection(key) ? sectionLabel(key) : SECTION_TITLES[key].split("、")[0]!;
}

export type TableNumber = 2 | 3 | 4;
export const SECTION_TABLE: Partial<Record<SectionKey, TableNumber>> = { proactive: 2, requests: 3, appeals: 4 };
export const TABLE_SECTION: Record<TableNumber, SectionKey> = { 2: "proactive", 3: "requests", 4: "appeals" };
export const TABLE_NAMES: Record<TableNumber, string> = { 2: "表二", 3: "表三", 4: "表四" };

export const OVERVIEW_SUBHEADINGS = ["（一）主动公开", "（二）依申请公开", "（三）政府信息管理", "（四）政府信息公开平台建设", "（五）监督保障"];

export function reportTitle(organName: string, year: number) {
  return `${organName}${year}年度政府信息公开工作年度报告`;
}

// ---- Table 2: 主动公开政府信息情况 ----

export type Table2Block = {
  caption: string;
  columns: ReadonlyArray<{ key: string; label: string }>;
  rows: ReadonlyArray<{ key: string; label: string }>;
  /** The fee block holds a decimal amount in 万元, not a count. */
  isAmount?: boolean;
};

export const TABLE2_BLOCKS: ReadonlyArray<Table2Block> = [
  {
    caption: "第二十条第（一）项",
    columns: [
      { key: "made", label: "本年制发件数" },
      { key: "repealed", label: "本年废止件数" },
      { key: "current", label: "现行有效件数" },
    ],
    rows: [
      { key: "regulations", label: "规章" },
      { key: "normativeDocuments", label: "行政规范性文件" },
    ],
  },
  { caption: "第二十条第（五）项", columns: [{ key: "decisions", label: "本年处理决定数量" }], rows: [{ key: "licensing", label: "行政许可" }] },
  {
    caption: "第二十条第（六）项",
    columns: [{ key: "decisions", label: "本年处理决定数量" }],
    rows: [
      { key: "punishment", label: "行政处罚" },
      { key: "enforcement", label: "行政强制" },
    ],
  },
  {
    caption: "第二十条第（八）项",
    columns: [{ key: "amount", label: "本年收费金额（单位：万元）" }],
    rows: [{ key: "fees", label: "行政事业性收费" }],
    isAmount: true,
  },
];

export const TABLE2_FEE_CELL = "fees.amount";

// ---- Table 3: 收到和处理政府信息公开申请情况 ----

export const TABLE3_HEADER_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

export const TABLE3_COLUMNS = [
  { key: "natural", label: "自然人" },
  { key: "commercial", label: "商业企业" },
  { key: "research", label: "科研机构" },
  { key: "social", label: "社会公益组织" },
  { key: "legal", label: "法律服务机构" },
  { key: "other", label: "其他" },
  { key: "total", label: "总计" },
] as const;
export type Table3Column = (typeof TABLE3_COLUMNS)[number]["key"];
export const TABLE3_APPLICANT_COLUMNS = TABLE3_COLUMNS.filter((c) => c.key !== "total").map((c) => c.key);

/**
 * Rows in order. `group` names the heading a row sits under (三、本年度办理结果 and its
 * （三）–（六） groups), which the official layout prints as merged cells to the left.
 */
export type Table3Row = { key: string; label: string; group?: "results"; subgroup?: string };

export const TABLE3_SUBGROUPS: Record<string, string> = {
  withheld: "（三）不予公开",
  unavailable: "（四）无法提供",
  unprocessed: "（五）不予处理",
  otherHandling: "（六）其他处理",
};

export const TABLE3_ROWS: ReadonlyArray<Table3Row> = [
  { key: "newRequests", label: "一、本年新收政府信息公开申请数量" },
  { key: "carriedIn", label: "二、上年结转政府信息公开申请数量" },
  { key: "disclosed", label: "（一）予以公开", group: "results" },
  { key: "partlyDisclosed", label: "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", group: "results" },
  { key: "withheld1", label: "1.属于国家秘密", group: "results", subgroup: "withheld" },
  { key: "withheld2", label: "2.其他法律行政法规禁止公开", group: "results", subgroup: "withheld" },
  { key: "withheld3", label: "3.危及“三安全一稳定”", group: "results", subgroup: "withheld" },
  { key: "withheld4", label: "4.保护第三方合法权益", group: "results", subgroup: "withheld" },
  { key: "withheld5", label: "5.属于三类内部事务信息", group: "results", subgroup: "withheld" },
  { key: "withheld6", label: "6.属于四类过程性信息", group: "results", subgroup: "withheld" },
  { key: "withheld7", label: "7.属于行政执法案卷", group: "results", subgroup: "withheld" },
  { key: "withheld8", label: "8.属于行政查询事项", group: "results", subgroup: "withheld" },
  { key: "unavailable1", label: "1.本机关不掌握相关政府信息", group: "results", subgroup: "unavailable" },
  { key: "unavailable2", label: "2.没有现成信息需要另行制作", group: "results", subgroup: "unavailable" },
  { key: "unavailable3", label: "3.补正后申请内容仍不明确", group: "results", subgroup: "unavailable" },
  { key: "unprocessed1", label: "1.信访举报投诉类申请", group: "results", subgroup: "unprocessed" },
  { key: "unprocessed2", label: "2.重复申请", group: "results", subgroup: "unprocessed" },
  { key: "unprocessed3", label: "3.要求提供公开出版物", group: "results", subgroup: "unprocessed" },
  { key: "unprocessed4", label: "4.无正当理由大量反复申请", group: "results", subgroup: "unprocessed" },
  { key: "unprocessed5", label: "5.要求行政机关确认或重新出具已获取信息", group: "results", subgroup: "unprocessed" },
  { key: "otherHandling1", label: "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", group: "results", subgroup: "otherHandling" },
  { key: "otherHandling2", label: "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", group: "results", subgroup: "otherHandling" },
  { key: "otherHandling3", label: "3.其他", group: "results", subgroup: "otherHandling" },
  { key: "resultsTotal", label: "（七）总计", group: "results" },
  { key: "carriedOut", label: "四、结转下年度继续办理" },
];

export const TABLE3_RESULTS_HEADING = "三、本年度办理结果";
/** The rows that add up to （七）总计. */
export const TABLE3_RESULT_ROWS = TABLE3_ROWS.filter((r) => r.group === "results" && r.key !== "resultsTotal").map((r) => r.key);

// ---- Table 4: 行政复议、行政诉讼 ----

export const TABLE4_BLOCKS = [
  { key: "review", label: "行政复议" },
  { key: "litigationDirect", label: "未经复议直接起诉", parent: "行政诉讼" },
  { key: "litigationAfterReview", label: "复议后起诉", parent: "行政诉讼" },
] as const;
export const TABLE4_COLUMNS = [
  { key: "upheld", label: "结果维持" },
  { key: "corrected", label: "结果纠正" },
  { key: "other", label: "其他结果" },
  { key: "pending", label: "尚未审结" },
  { key: "total", label: "总计" },
] as const;

// ---- Cells ----

/** Every cell a person types, as "row.column" keys, per table. Totals are computed, never typed. */
export const TYPED_CELLS: Record<TableNumber, ReadonlyArray<string>> = {
  2: TABLE2_BLOCKS.flatMap((b) => b.rows.flatMap((r) => b.columns.map((c) => `${r.key}.${c.key}`))),
  3: TABLE3_ROWS.filter((r) => r.key !== "resultsTotal").flatMap((r) => TABLE3_APPLICANT_COLUMNS.map((c) => `${r.key}.${c}`)),
  4: TABLE4_BLOCKS.flatMap((b) => TABLE4_COLUMNS.filter((c) => c.key !== "total").map((c) => `${b.key}.${c.key}`)),
};

/** Every cell of the official form, totals included (what exports and imports carry). */
export const ALL_CELLS: Record<TableNumber, ReadonlyArray<string>> = {
  2: TYPED_CELLS[2],
  3: TABLE3_ROWS.flatMap((r) => TABLE3_COLUMNS.map((c) => `${r.key}.${c.key}`)),
  4: TABLE4_BLOCKS.flatMap((b) => TABLE4_COLUMNS.map((c) => `${b.key}.${c.key}`)),
};

/** A cell's human name, e.g. "表三 一、本年新收政府信息公开申请数量 / 自然人". */
export function cellLabel(table: TableNumber, cell: string): string {
  const [row, column] = cell.split(".");
  if (table === 2) {
    const block = TABLE2_BLOCKS.find((b) => b.rows.some((r) => r.key === row));
    const rowLabel = block?.rows.find((r) => r.key === row)?.label ?? row;
    const columnLabel = block?.columns.find((c) => c.key === column)?.label ?? column;
    return `表二 ${rowLabel} / ${columnLabel}`;
  }
  if (table === 3) {
    const rowLabel = TABLE3_ROWS.find((r) => r.key === row)?.label ?? row;
    const columnLabel = TABLE3_COLUMNS.find((c) => c.key === column)?.label ?? column;
    return `表三 ${rowLabel} / ${columnLabel}`;
  }
  const block = TABLE4_BLOCKS.find((b) => b.key === row);
  const blockLabel = block ? ("parent" in block ? `${block.parent}（${block.label}）` : block.label) : row;
  return `表四 ${blockLabel} / ${TABLE4_COLUMNS.find((c) => c.key === column)?.label ?? column}`;
}

export const FIRST_YEAR_OF_2021_FORMAT = 2021;
export const SECTION_TEXT_LIMIT = 20_000;
export const NOTE_TEXT_LIMIT = 2_000;
