import "server-only";
import { assertOrganPermission } from "@/lib/auth/assert-permission";
import type { Action, Actor } from "@/lib/auth/permissions";
import { db, type Tx } from "@/lib/db/client";
import type { ReportStatus } from "@/lib/domain/report-status";
import { AppError } from "@/lib/errors";
import { idField } from "@/lib/validation/fields";

const NOT_FOUND = "报告不存在，或您无权进行此操作。";

export type FoundReport = Awaited<ReturnType<typeof findReportOrThrow>>;

/** The report when the actor may do `action` to it in its own organ; otherwise "not found". */
export async function findReportOrThrow(actor: Actor, reportId: string, action: Action) {
  if (!idField.safeParse(reportId).success) throw new AppError("NOT_FOUND", NOT_FOUND);
  const report = await db().report.findUnique({
    where: { id: reportId },
    select: {
      id: true,
      organId: true,
      year: true,
      title: true,
      status: true,
      carriedFromId: true,
      organ: { select: { name: true, kind: true, code: true, sensitiveWords: true, wrongTerms: true } },
    },
  });
  if (!report) throw new AppError("NOT_FOUND", NOT_FOUND);
  await assertOrganPermission(actor, action, report.organId).catch(() => {
    throw new AppError("NOT_FOUND", NOT_FOUND);
  });
  return report;
}

/** Why a report that is not a draft cannot be written, by status: the refusal, and the page's notice. */
export const FROZEN_MESSAGES: Record<Exclude<ReportStatus, "DRAFT">, string> = {
  IN_REVIEW: "报告已提交审核，内容已冻结，不能再修改。",
  APPROVED: "报告已审核通过，内容已冻结。",
  PUBLISHED: "报告已发布，内容已冻结；如需修改请发起更正。",
  WITHDRAWN: "报告已撤回，内容已冻结。",
};

/**
 * Locks the report's row for the rest of the transaction and reads its status as it is now.
 * Every use case that writes a report's content checks the status under this lock, so a
 * save racing a submission lands before it or is refused, never after it.
 */
export async function lockReportStatus(tx: Tx, reportId: string): Promise<ReportStatus> {
  const [row] = await tx.$queryRaw<Array<{ status: ReportStatus }>>`SELECT status FROM "Report" WHERE id = ${reportId} FOR UPDATE`;
  if (!row) throw new AppError("NOT_FOUND", NOT_FOUND);
  return row.status;
}

/** Refuses unless the status allows writing; `IN_REVIEW` is writable only for the stage holder's corrections. */
export function assertWritable(status: ReportStatus, allowed: ReadonlyArray<ReportStatus>) {
  if (!allowed.includes(status)) throw new AppError("CONFLICT", status === "DRAFT" ? "报告是草稿，不能进行此操作。" : FROZEN_MESSAGES[status]);
}
