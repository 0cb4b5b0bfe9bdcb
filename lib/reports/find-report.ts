import "server-only";
import { assertOrganPermission } from "@/lib/auth/assert-permission";
import type { Action, Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
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
      id: true, organId: true, year: true, title: true, status: true, carriedFromId: true,
      organ: { select: { name: true, kind: true, code: true, sensitiveWords: true, wrongTerms: true } },
    },
  });
  if (!report) throw new AppError("NOT_FOUND", NOT_FOUND);
  await assertOrganPermission(actor, action, report.organId).catch(() => {
    throw new AppError("NOT_FOUND", NOT_FOUND);
  });
  return report;
}

export function assertDraft(report: { status: string }) {
  if (report.status !== "DRAFT") throw new AppError("CONFLICT", "报告已提交审核，内容已冻结，不能再修改。");
}
