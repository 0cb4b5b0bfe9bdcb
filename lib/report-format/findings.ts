// What a check reports. Its own module so that the checks, split by subject, share it without
// importing each other. Pure.
import type { CellProblem } from "./cells";
import type { SectionKey, TableNumber } from "./format";

export const ERROR_IDS = ["CELL", "T3-BALANCE", "T3-RESULTS", "T3-ROWTOTAL", "T4-TOTAL", "SECTIONS", "FORMAT"] as const;
export const WARNING_IDS = ["CARRYOVER", "T2-CONTINUITY", "REGULATION", "FEE-UNIT", "NARRATIVE", "YEAR", "ORGAN", "PUNCTUATION", "SECTION5", "SECTION6-FEE", "COPY"] as const;
export type CheckId = (typeof ERROR_IDS)[number] | (typeof WARNING_IDS)[number];
export const CHECK_IDS: ReadonlyArray<CheckId> = [...ERROR_IDS, ...WARNING_IDS];

export type CellRef = { table: TableNumber; cell: string };
/** A stretch of a section's text (its narrative, or a table's note), in UTF-16 code units as JavaScript indexes strings. */
export type TextSpan = { start: number; end: number };

export type Finding = {
  id: CheckId;
  severity: "error" | "warning";
  section: SectionKey;
  message: string;
  cells: CellRef[];
  /** For a CELL finding: what is wrong with the value (e.g. "empty": not filled in yet). */
  cellProblem?: CellProblem;
  /** For a finding about words of the section's text: the words quoted, and their sentence. */
  quote?: TextSpan;
  sentence?: TextSpan;
};
