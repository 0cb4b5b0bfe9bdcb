// Where a report stands, as people read it, and its deadline: the one reading shared by the
// 工作台, 待办 and the supervising office's dashboard. Pure; browser-safe.
import type { ReportStatus } from "./report-status";

export const PROGRESS = ["NOT_CREATED", "DRAFT", "RETURNED", "IN_REVIEW", "APPROVED", "PUBLISHED", "CORRECTING", "WITHDRAWN"] as const;
export type Progress = (typeof PROGRESS)[number];

export const PROGRESS_LABELS: Record<Progress, string> = {
  NOT_CREATED: "未创建",
  DRAFT: "草稿",
  RETURNED: "已退回",
  IN_REVIEW: "审核中",
  APPROVED: "待发布",
  PUBLISHED: "已发布",
  CORRECTING: "更正中",
  WITHDRAWN: "已撤回",
};

/** The reading of a report's stored state: a draft after a 退回 is 已退回, a draft or review of a published report is 更正中. */
export function progressOf(report: { status: ReportStatus; isCorrection: boolean; lastRoundStatus: string | null } | null): Progress {
  if (!report) return "NOT_CREATED";
  if (report.status === "WITHDRAWN") return "WITHDRAWN";
  if (report.status === "PUBLISHED") return "PUBLISHED";
  if (report.isCorrection && report.status !== "APPROVED") return "CORRECTING";
  if (report.status === "APPROVED") return "APPROVED";
  if (report.status === "IN_REVIEW") return "IN_REVIEW";
  return report.lastRoundStatus === "RETURNED" ? "RETURNED" : "DRAFT";
}

/** "审核中·一校·初审" while a stage waits (and "更正中·审核中·…" for a correction in review); the plain label otherwise. */
export function progressLabel(progress: Progress, stageName?: string | null): string {
  if (!stageName) return PROGRESS_LABELS[progress];
  if (progress === "IN_REVIEW") return `${PROGRESS_LABELS.IN_REVIEW}·${stageName}`;
  if (progress === "CORRECTING") return `${PROGRESS_LABELS.CORRECTING}·${PROGRESS_LABELS.IN_REVIEW}·${stageName}`;
  return PROGRESS_LABELS[progress];
}

const DAY_MS = 86_400_000;
/** China's offset from UTC, the same all year since 1991: its days and years are plain arithmetic. */
export const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The calendar year in China at a moment (a server may run on UTC: 1 January 06:00 in Beijing is still 31 December there). */
export const yearInChina = (at: Date) => new Date(at.getTime() + CHINA_OFFSET_MS).getUTCFullYear();

/** The report year people are working on now: the year just ended (China's calendar). */
export const currentReportYear = (now = new Date()) => yearInChina(now) - 1;

/** The years a report may be for: from 2008 (the first under the 条例) to next year, counted when asked, never at start-up. */
export const FIRST_REPORT_YEAR = 2008;
export function reportYearProblem(year: number, now = new Date()): string | null {
  const last = yearInChina(now) + 1;
  return Number.isInteger(year) && year >= FIRST_REPORT_YEAR && year <= last ? null : `年度应为 ${FIRST_REPORT_YEAR} 至 ${last} 年之间的年份。`;
}

/** The end of the deadline day (China's time) for a report year: the day in the year after it. */
export function deadlineOf(year: number, deadlineMonth: number, deadlineDay: number): Date {
  return new Date(Date.UTC(year + 1, deadlineMonth - 1, deadlineDay + 1) - CHINA_OFFSET_MS);
}

/** Whole days from today (China's calendar) to the deadline day: 0 on the day itself, negative once it has passed. */
export function daysLeft(deadline: Date, now: Date): number {
  return chinaDayNumber(deadline.getTime() - 1) - chinaDayNumber(now.getTime());
}

/**
 * The day in China's calendar of a moment (milliseconds), as a count of days: what the overdue
 * flag and the days left depend on (deadlines fall at midnight in China).
 */
export const chinaDayNumber = (ms: number) => Math.floor((ms + CHINA_OFFSET_MS) / DAY_MS);

/** Whether the work is still due and past its deadline: never once the year's report was first published (a later correction is not late work). */
export function isOverdue(options: { progress: Progress; deadline: Date; now: Date; firstPublishedAt: Date | null }): boolean {
  const { progress, deadline, now, firstPublishedAt } = options;
  if (firstPublishedAt) return false;
  const due = progress === "NOT_CREATED" || progress === "DRAFT" || progress === "RETURNED" || progress === "IN_REVIEW" || progress === "APPROVED";
  return due && now.getTime() >= deadline.getTime();
}

/** "剩 3 天", "今天截止", "逾期 12 天"; for published work, whether it was on time. */
export function deadlineText(options: { progress: Progress; deadline: Date; now: Date; firstPublishedAt: Date | null }): string {
  const { progress, deadline, now, firstPublishedAt } = options;
  if (firstPublishedAt) return firstPublishedAt.getTime() < deadline.getTime() ? "按期发布" : `逾期发布（晚 ${-daysLeft(deadline, firstPublishedAt)} 天）`;
  if (progress === "WITHDRAWN") return "—";
  const days = daysLeft(deadline, now);
  return days > 0 ? `剩 ${days} 天` : days === 0 ? "今天截止" : `逾期 ${-days} 天`;
}
