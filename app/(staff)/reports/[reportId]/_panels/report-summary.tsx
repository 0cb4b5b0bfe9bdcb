import type { SessionActor } from "@/lib/auth/load-actor";
import { REPORT_STATUS_LABELS } from "@/lib/domain/report-status";
import { isUnfilledCell } from "@/lib/report-format/checks";
import type { FoundReport } from "@/lib/reports/find-report";
import { getReportFindings } from "@/lib/reports/queries";
import { getReviewView } from "@/lib/reports/review-view";

/** The report's status (with the stage it waits at) and the count of check findings. */
export async function ReportSummary({ actor, report }: { actor: SessionActor; report: FoundReport }) {
  const [findings, review] = await Promise.all([getReportFindings(report), getReviewView(actor, report)]);
  const errors = findings.filter((f) => f.severity === "error");
  const unfilled = errors.filter(isUnfilledCell).length;
  return (
    <p>
      <span className="tag" data-testid="report-status">
        {REPORT_STATUS_LABELS[report.status]}
        {review.state.status === "IN_REVIEW" && review.stageName ? `：${review.stageName}` : ""}
      </span>{" "}
      <span data-testid="check-summary" className={errors.length ? "field-error" : "muted"}>
        检查：{errors.length} 个错误{unfilled ? `（其中 ${unfilled} 个单元格尚未填写）` : ""}，{findings.length - errors.length} 个提醒
      </span>
    </p>
  );
}
