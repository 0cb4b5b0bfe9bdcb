// The 工作台's summary of the organs below a supervising office: how many stand where this year,
// and the overdue ones (the first few by name; the dashboard lists them all). Computed from the
// dashboard's own rows (organ-progress.ts keeps them, and reads again only what changed). Pure.
import { PROGRESS, type Progress } from "@/lib/domain/report-progress";

/** What the summary reads of each organ's row. */
export type SummarisedRow = { organName: string; progress: Progress; overdue: boolean; statusText: string; deadlineText: string };

export type ProgressSummary = {
  total: number;
  counts: Record<Progress, number>;
  overdueCount: number;
  /** The first `listed` overdue organs by name, with where each stands and by how much it is late. */
  overdue: Array<{ organName: string; statusText: string; deadlineText: string }>;
};

export function summariseProgress(rows: ReadonlyArray<SummarisedRow>, listed: number): ProgressSummary {
  const counts = Object.fromEntries(PROGRESS.map((p) => [p, 0])) as Record<Progress, number>;
  let overdueCount = 0;
  // The first `listed` overdue organs by name, kept in order as the rows pass (a province may have thousands overdue).
  const first: SummarisedRow[] = [];
  for (const row of rows) {
    counts[row.progress]++;
    if (!row.overdue) continue;
    overdueCount++;
    if (first.length === listed && (listed === 0 || !(row.organName < first[listed - 1]!.organName))) continue;
    let at = first.length;
    while (at > 0 && row.organName < first[at - 1]!.organName) at--;
    first.splice(at, 0, row);
    if (first.length > listed) first.pop();
  }
  return {
    total: rows.length,
    counts,
    overdueCount,
    overdue: first.map(({ organName, statusText, deadlineText }) => ({ organName, statusText, deadlineText })),
  };
}
