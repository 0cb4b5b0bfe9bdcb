import "server-only";
import { auditingRefusals } from "@/lib/audit/refusals";
import { findOrganScope } from "@/lib/auth/organ-scope";
import { can, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import type { SectionKey } from "@/lib/report-format/format";
import { mayActOnStage, workflowContext } from "@/lib/review/workflow";
import { findReportOrThrow, type FoundReport } from "./find-report";
import { loadReviewState } from "./review-state";

/** An editor that has not said it is open for this long is taken to be closed. */
export const OPEN_STALE_AFTER_MS = 90_000;

/**
 * Records that the actor has the section open (called on opening and every 30 s),
 * and returns who else has it open, if anyone. Only someone who may write the section now has a
 * presence (the draft's 撰稿人, or in review the person who may act on the stage); anyone else
 * who may read the report is simply told nothing, not refused.
 */
export async function markSectionOpen(options: { actor: Actor; reportId: string; key: SectionKey; closing?: boolean; clientAddress: string | null }) {
  return auditingRefusals("section.presence", options, async () => {
    const { actor, reportId, key, closing } = options;
    const report = await findReportOrThrow(actor, reportId, "report.view");
    if (!(await mayWriteNow(actor, report))) return { openBy: null };
    const now = new Date();
    const staleBefore = new Date(now.getTime() - OPEN_STALE_AFTER_MS);
    if (closing) {
      await db().section.updateMany({ where: { reportId, key, openById: actor.id }, data: { openById: null, openSince: null, openSeenAt: null } });
      return { openBy: null };
    }
    // Take the section when nobody (or only a stale editor) holds it; refresh when we already do.
    await db().section.updateMany({
      where: { reportId, key, OR: [{ openById: null }, { openSeenAt: { lt: staleBefore } }] },
      data: { openById: actor.id, openSince: now, openSeenAt: now },
    });
    await db().section.updateMany({ where: { reportId, key, openById: actor.id }, data: { openSeenAt: now } });
    const section = await db().section.findUnique({
      where: { reportId_key: { reportId, key } },
      select: { openById: true, openSince: true, openBy: { select: { displayName: true } } },
    });
    const other = section && section.openById && section.openById !== actor.id ? section : null;
    return { openBy: other ? { name: other.openBy?.displayName ?? "", since: other.openSince } : null };
  });
}

async function mayWriteNow(actor: Actor, report: FoundReport): Promise<boolean> {
  if (report.status === "DRAFT") return can(actor, "report.edit", (await findOrganScope(report.organId))!);
  if (report.status !== "IN_REVIEW") return false;
  const review = await loadReviewState(db(), report, { lock: false });
  return mayActOnStage(review.state, workflowContext(review.stages, report.organId, [actor]), actor.id) === null;
}
