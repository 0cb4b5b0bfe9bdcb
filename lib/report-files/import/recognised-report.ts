// What reading a report from a Word file, a published page or pasted text found: the shared
// result of every reader. Pure.
import type { ReportSections } from "@/lib/report-format/content";
import type { Finding } from "@/lib/report-format/findings";
import type { SectionKey, TableNumber } from "@/lib/report-format/format";

/** The metadata block that disclosure platforms print above a report. Each field as printed, trimmed; absent when not found. */
export type ImportedMetadata = {
  indexNumber?: string;
  publisher?: string;
  /** YYYY-MM-DD when the printed date could be read as one. */
  issuedOn?: string;
  documentNumber?: string;
  category?: string;
};

/** How a table was found: as a table, as text flattened into runs of "|", or not at all. */
export type TableSource = "table" | "flattened" | "missing";

export type RecognisedReport = {
  /** The report's title line, when one was found. */
  title: string | null;
  /** The year the title names ("2024年度"), when it names one. */
  year: number | null;
  /** The opening paragraph(s) before 一、总体情况, "" when there are none. */
  intro: string;
  /** The six sections: narratives as read; tables with the cells read (totals included, as printed), others "". */
  sections: ReportSections;
  /** Which sections' headings were found. */
  foundSections: Record<SectionKey, boolean>;
  /** For each table, the cells that were read from the file. */
  readCells: Record<TableNumber, string[]>;
  tableSources: Record<TableNumber, TableSource>;
  /** Which of the five sub-headings of 一、总体情况 were found. */
  foundSubheadings: string[];
  metadata: ImportedMetadata;
  /** What was not recognised, each said plainly in Chinese (a line of text, a table row, a missing table). */
  unrecognised: string[];
  /** What reading itself found wrong in the format (FORMAT: titles or items of an older format). */
  findings: Finding[];
};

export type ReadResult = { ok: true; report: RecognisedReport } | { ok: false; problem: string };
