import "server-only";
import { auditingRefusals } from "@/lib/audit/refusals";
import { appendAuditEntry } from "@/lib/audit/append-audit-entry";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { findReportOrThrow } from "@/lib/reports/find-report";
import { invalidatePublicPages } from "./public-cache";
import { announcePublicChange } from "./public-changes";

/**
 * A published report is corrected through the same pipeline: it becomes a draft
 * again (the published version stays public until the correction is published).
 */
export async function startCorrection(options: { actor: Actor; reportId: string; clientAddress: string | null }) {
  return auditingRefusals("report.startCorrection", options, async () => {
    const { actor, reportId, clientAddress } = options;
    const report = await findReportOrThrow(actor, reportId, "report.publish");
    await db().$transaction(async (tx) => {
      const changed = await tx.report.updateMany({ where: { id: reportId, status: "PUBLISHED" }, data: { status: "DRAFT", isCorrection: true } });
      if (changed.count === 0) throw new AppError("CONFLICT", "只有已发布的报告才能发起更正。");
      await appendAuditEntry(tx, { action: "report.correctionStarted", actor, targetType: "report", targetId: reportId, organId: report.organId, clientAddress });
    });
  });
}

/** Takes a published report off the public site, with a reason; its pages then say when and that it was withdrawn. */
export async function withdrawPublished(options: { actor: Actor; reportId: string; reason: string; clientAddress: string | null }) {
  return auditingRefusals("report.withdrawFromPublic", options, async () => {
    const { actor, reportId, clientAddress } = options;
    const reason = options.reason.trim();
    if (!reason) throw new AppError("INVALID_INPUT", "撤回已发布的报告必须填写理由。", { reason: "撤回已发布的报告必须填写理由。" });
    const report = await findReportOrThrow(actor, reportId, "report.publish");
    await db().$transaction(async (tx) => {
      const published = await tx.publication.count({ where: { reportId } });
      const changed = published
        ? await tx.report.updateMany({
            where: { id: reportId, status: { in: ["PUBLISHED", "DRAFT", "IN_REVIEW", "APPROVED"] } },
            data: { status: "WITHDRAWN", withdrawnAt: new Date(), withdrawReason: reason },
          })
        : { count: 0 };
      if (changed.count === 0) throw new AppError("CONFLICT", "该报告尚未发布，或已经撤回。");
      // A correction under review ends with the withdrawal: its round must not wait in anyone's 待办.
      await tx.reviewRound.updateMany({ where: { reportId, status: "OPEN" }, data: { status: "WITHDRAWN", closedAt: new Date(), version: { increment: 1 } } });
      await appendAuditEntry(tx, {
        action: "report.withdrawnFromPublic",
        actor,
        targetType: "report",
        targetId: reportId,
        organId: report.organId,
        clientAddress,
        details: { reason },
      });
      // Every instance stops serving the report's pages when this commits (410 from then on).
      await announcePublicChange(tx, { organCode: report.organ.code, year: report.year });
    });
    invalidatePublicPages({ organCode: report.organ.code, year: report.year });
  });
}
