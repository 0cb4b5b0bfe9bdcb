// What a publication freezes: the report as approved, with its metadata, approval chain and
// history. Stored as JSON in Publication.snapshot and never changed.
import type { ReportSections } from "@/lib/report-format/content";
import type { TrendPoint } from "./charts";
import type { CorrectionChanges } from "./correction-changes";

export type PublishedSnapshot = {
  organ: { name: string; code: string; kind: string };
  year: number;
  title: string;
  indexNumber: string;
  version: number;
  publishedAt: string; // ISO
  sections: ReportSections;
  approvals: Array<{ stage: string; name: string; at: string }>;
  correctionNote: string | null;
  /** For a correction: what changed against the version it replaced (absent in snapshots from before this was kept). */
  changes?: CorrectionChanges | null;
  /** Earlier versions, for the history shown on the page. */
  history: Array<{ version: number; publishedAt: string; correctionNote: string | null }>;
  /** This organ's published years, this one included, for the 历年情况 chart. */
  trend?: TrendPoint[];
};
