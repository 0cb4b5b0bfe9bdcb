// The 工作台's summary of the organs below a supervising office: how many stand where this year,
// and the overdue ones (the first few by name; the dashboard lists them all). Computed from
// groups of organs that share everything the reading depends on (their report's state and their
// deadline), so that a province's 5,000 organs arrive as a few dozen rows. Pure.
import { deadlineOf, deadlineText, isOverdue, progressLabel, progressOf, PROGRESS, type Progress } from "@/lib/domain/report-progress";
import type { ReportStatus } from "@/lib/domain/report-status";

export type ProgressGroup = {
  deadlineMonth: number;
  deadlineDay: number;
  /** The report's stored state (all null: no report for the year). */
  status: ReportStatus | null;
  isCorrection: boolean | null;
  roundStatus: string | null;
  /** The waiting stage's name, for a report in review. */
  stageName: string | null;
  /** Whether the report has been published (a correction of it is never overdue). */
  published: boolean;
  organs: number;
  /** The first organs' names, in name order (at least as many as will be listed). */
  names: string[];
};

export type ProgressSummary = {
  total: number;
  counts: Record<Progress, number>;
  overdueCount: number;
  /** The first `listed` overdue organs by name, with where each stands and by how much it is late. */
  overdue: Array<{ organName: string; statusText: string; deadlineText: string }>;
};

export function summariseProgress(groups: ProgressGroup[], year: number, now: Date, listed: number): ProgressSummary {
  const counts = Object.fromEntries(PROGRESS.map((p) => [p, 0])) as Record<Progress, number>;
  let total = 0;
  let overdueCount = 0;
  const overdue: ProgressSummary["overdue"] = [];
  for (const group of groups) {
    const progress = progressOf(group.status ? { status: group.status, isCorrection: Boolean(group.isCorrection), lastRoundStatus: group.roundStatus } : null);
    counts[progress] += group.organs;
    total += group.organs;
    const deadline = deadlineOf(year, group.deadlineMonth, group.deadlineDay);
    if (group.published || !isOverdue({ progress, deadline, now, firstPublishedAt: null })) continue;
    overdueCount += group.organs;
    const statusText = progressLabel(progress, group.status === "IN_REVIEW" ? group.stageName : null);
    const late = deadlineText({ progress, deadline, now, firstPublishedAt: null });
    for (const organName of group.names.slice(0, listed)) overdue.push({ organName, statusText, deadlineText: late });
  }
  overdue.sort((a, b) => (a.organName < b.organName ? -1 : a.organName > b.organName ? 1 : 0));
  return { total, counts, overdueCount, overdue: overdue.slice(0, listed) };
}
