// What importing a recognised report into a draft would do, before anything is written: the
// draft's sections afterwards, which change, and for the preview, section by section and cell
// by cell, what was read, what was kept from the draft and what stays empty. Pure.
import { withTotals } from "@/lib/report-format/cells";
import { checkReport } from "@/lib/report-format/checks";
import { sectionContentSchema, type NarrativeContent, type ReportSections, type SectionContent, type TableContent } from "@/lib/report-format/content";
import type { OrganKind } from "@/lib/domain/organ-kinds";
import { SECTION_KEYS, SECTION_TABLE, SECTION_TITLES, TABLE_SECTION, TYPED_CELLS, type SectionKey, type TableNumber } from "@/lib/report-format/format";
import type { ImportedMetadata, RecognisedReport, TableSource } from "./recognised-report";

export type CellStatus = "read" | "kept" | "empty";

export type PreviewSection =
  | { key: SectionKey; title: string; found: boolean; kind: "narrative"; text: string; changed: boolean }
  | {
      key: SectionKey;
      title: string;
      found: boolean;
      kind: "table";
      table: TableNumber;
      source: TableSource;
      note: string;
      changed: boolean;
      /** Every cell of the form, totals computed from what the draft will hold. */
      cells: Record<string, string>;
      status: Record<string, CellStatus>;
      /** Cells read from the file that the draft held differently: the draft's value. */
      previous: Record<string, string>;
    };

export type ImportPreview = {
  title: string | null;
  year: number | null;
  intro: string;
  metadata: ImportedMetadata;
  sections: PreviewSection[];
  foundSubheadings: string[];
  unrecognised: string[];
  /** Findings of reading (older-format titles and items). */
  readingNotes: string[];
  /** The checks on the draft as it will be, and the totals printed in the file that disagree with its own figures. */
  findings: Array<{ severity: "error" | "warning"; section: SectionKey; message: string }>;
  printedTotals: string[];
  changedSections: SectionKey[];
  /** What the section schemas refuse in the text as read (too long, HTML tags, a cell longer than a cell holds): confirming is refused while any remains. */
  blocking: string[];
};

/** The section schemas' refusals of the planned content (the same schemas as the editor's saves and the JSON import). */
export function refusalsOf(planned: ReportSections, keys: ReadonlyArray<SectionKey> = SECTION_KEYS): string[] {
  return keys.flatMap((key) => {
    const result = sectionContentSchema(key).safeParse(planned[key]);
    if (result.success) return [];
    return result.error.issues.slice(0, 3).map((issue) => {
      const cell = issue.path[0] === "cells" && typeof issue.path[1] === "string" ? `单元格 ${issue.path[1]}：` : "";
      return `${SECTION_TITLES[key]}：${cell}${issue.message}`;
    });
  });
}

const TOTAL_RULES = new Set(["T3-ROWTOTAL", "T3-RESULTS", "T4-TOTAL"]);

function sameContent(a: SectionContent, b: SectionContent) {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The draft's sections after the import: a section whose heading the file has takes the file's
 * text (a table section: its note); a cell read from the file takes the file's value; a section
 * or cell the file does not have keeps what the draft holds. Totals are never stored (the form
 * computes them).
 */
export function planSections(current: ReportSections, read: RecognisedReport): ReportSections {
  const out = { ...current };
  for (const key of SECTION_KEYS) {
    const imported = read.sections[key];
    const before = current[key];
    const table = SECTION_TABLE[key];
    if (!table) {
      if (read.foundSections[key]) out[key] = { kind: "narrative", text: (imported as NarrativeContent).text };
      continue;
    }
    const was = before.kind === "table" ? before : { kind: "table" as const, note: "", cells: {} };
    const file = imported as TableContent;
    const cells = Object.fromEntries(TYPED_CELLS[table].map((c) => [c, c in file.cells ? file.cells[c]! : (was.cells[c] ?? "")]));
    out[key] = { kind: "table", note: read.foundSections[key] ? file.note : was.note, cells };
  }
  return out;
}

export function previewImport(options: {
  current: ReportSections;
  read: RecognisedReport;
  year: number;
  organKind: OrganKind;
  lastYear: ReportSections | null;
  title: string;
  organName: string;
}): ImportPreview {
  const { current, read } = options;
  const planned = planSections(current, read);
  const changedSections = SECTION_KEYS.filter((k) => !sameContent(planned[k], current[k]));
  const sections: PreviewSection[] = SECTION_KEYS.map((key) => {
    const content = planned[key];
    const base = { key, title: SECTION_TITLES[key], found: read.foundSections[key], changed: changedSections.includes(key) };
    if (content.kind === "narrative") return { ...base, kind: "narrative", text: content.text };
    const table = SECTION_TABLE[key]!;
    const file = (read.sections[key] as TableContent).cells;
    const was = current[key].kind === "table" ? (current[key] as TableContent).cells : {};
    const status: Record<string, CellStatus> = {};
    const previous: Record<string, string> = {};
    for (const cell of TYPED_CELLS[table]) {
      status[cell] = cell in file ? "read" : (was[cell] ?? "").trim() ? "kept" : "empty";
      if (cell in file && (was[cell] ?? "") !== "" && was[cell] !== file[cell]) previous[cell] = was[cell]!;
    }
    return { ...base, kind: "table", table, source: read.tableSources[table], note: content.note, cells: withTotals(table, content.cells), status, previous };
  });
  const findings = checkReport({
    year: options.year,
    organKind: options.organKind,
    sections: withPlannedTotals(planned),
    lastYear: options.lastYear,
    identity: { title: options.title, organName: options.organName },
  }).map((f) => ({ severity: f.severity, section: f.section, message: f.message }));
  // The totals as the file prints them, against its own figures.
  const printedTotals = checkReport({ year: options.year, organKind: options.organKind, sections: printedSections(read) })
    .filter((f) => TOTAL_RULES.has(f.id) && f.severity === "error")
    .map((f) => `文件中印出的合计与其各项之和不符：${f.message}（导入后按各项重新计算合计）`);
  return {
    title: read.title,
    year: read.year,
    intro: read.intro,
    metadata: read.metadata,
    sections,
    foundSubheadings: read.foundSubheadings,
    unrecognised: read.unrecognised,
    readingNotes: read.findings.map((f) => f.message),
    findings,
    printedTotals,
    changedSections,
    blocking: refusalsOf(planned, changedSections),
  };
}

function withPlannedTotals(sections: ReportSections): ReportSections {
  const out = { ...sections };
  for (const table of [3, 4] as const) {
    const content = out[TABLE_SECTION[table]] as TableContent;
    out[TABLE_SECTION[table]] = { ...content, cells: withTotals(table, content.cells) };
  }
  return out;
}

/** The file's tables as printed (totals included), for comparing its totals with its figures; only tables whose totals were all read. */
function printedSections(read: RecognisedReport): ReportSections {
  const out = { ...read.sections };
  for (const table of [3, 4] as const) {
    const content = out[TABLE_SECTION[table]] as TableContent;
    const computed = withTotals(table, content.cells);
    // A total the file does not print is taken as computed, so that only printed totals are compared.
    out[TABLE_SECTION[table]] = { ...content, cells: Object.fromEntries(Object.entries(computed).map(([c, v]) => [c, content.cells[c]?.trim() ? content.cells[c]! : v])) };
  }
  return out;
}
