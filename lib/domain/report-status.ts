// A report's status as people read it. Pure domain words. Browser-safe.
export const REPORT_STATUSES = ["DRAFT", "IN_REVIEW", "APPROVED", "PUBLISHED", "WITHDRAWN"] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  DRAFT: "草稿",
  IN_REVIEW: "审核中",
  APPROVED: "待发布（审核通过）",
  PUBLISHED: "已发布",
  WITHDRAWN: "已撤回",
};
