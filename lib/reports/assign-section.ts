import "server-only";
import { auditingRefusals } from "@/lib/audit/refusals";
import { appendAuditEntry } from "@/lib/audit/append-audit-entry";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { SectionKey } from "@/lib/report-format/format";
import { findReportOrThrow } from "./find-report";

/** Names the 撰稿人 responsible for a section (null: nobody in particular). Only the organ's 撰稿人 qualify. */
export async function assignSection(options: { actor: Actor; reportId: string; key: SectionKey; assigneeId: string | null; clientAddress: string | null }) {
  return auditingRefusals("section.assign", options, async () => {
    const { actor, reportId, key, assigneeId, clientAddress } = options;
    const report = await findReportOrThrow(actor, reportId, "report.assign");
    if (assigneeId) {
      const isAuthor = await db().membership.findFirst({ where: { userId: assigneeId, organId: report.organId, role: "AUTHOR" } });
      if (!isAuthor) throw new AppError("INVALID_INPUT", "只能指定本机关的撰稿人。", { assigneeId: "只能指定本机关的撰稿人。" });
    }
    await db().$transaction(async (tx) => {
      await tx.section.update({ where: { reportId_key: { reportId, key } }, data: { assigneeId } });
      await appendAuditEntry(tx, {
        action: "section.assigned",
        actor,
        targetType: "report",
        targetId: reportId,
        organId: report.organId,
        clientAddress,
        details: { section: key, assigneeId },
      });
    });
  });
}
