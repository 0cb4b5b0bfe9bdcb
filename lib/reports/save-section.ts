import "server-only";
import { auditingRefusals } from "@/lib/audit/refusals";
import { appendAuditEntry } from "@/lib/audit/append-audit-entry";
import { can, type Actor } from "@/lib/auth/permissions";
import { findOrganScope } from "@/lib/auth/organ-scope";
import { db, type Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { sectionContentSchema, type SectionContent } from "@/lib/report-format/content";
import type { CorrectionDetails } from "@/lib/review/action-details";
import { contentHash, reportContentHash } from "@/lib/reports/content-hash";
import type { SectionKey } from "@/lib/report-format/format";
import { fieldErrorsOf } from "@/lib/validation/fields";
import { applyEvent, refusalError, workflowContext } from "@/lib/review/workflow";
import { assertWritable, findReportOrThrow, lockReportStatus } from "./find-report";
import { loadSectionsIn, readSectionContent } from "./load-sections";
import { refreshCheckCounts } from "./report-checks";
import { loadReviewState } from "./review-state";

export type SavedSection = { ok: true; version: number; updatedAt: Date };
/** Someone saved after the version this save was based on: their text, for the conflict view. */
export type SectionConflict = {
  ok: false;
  current: { version: number; content: SectionContent; editorName: string | null; updatedAt: Date };
};

type RevisionKind = "save" | "restore" | "import" | "correction";

/**
 * Writes a new version of a section when `baseVersion` is still current; never
 * overwrites someone else's save. In a draft, the organ's 撰稿人 write; in review,
 * only the holder of the current stage, whose change is a tracked correction (校对).
 */
export async function saveSection(options: {
  actor: Actor;
  reportId: string;
  key: SectionKey;
  baseVersion: number;
  content: unknown;
  clientAddress: string | null;
  kind?: RevisionKind;
}): Promise<SavedSection | SectionConflict> {
  return auditingRefusals("section.save", options, async () => {
    const { actor, reportId, key, baseVersion, clientAddress } = options;
    const report = await findReportOrThrow(actor, reportId, "report.view");
    const mayEditDraft = can(actor, "report.edit", (await findOrganScope(report.organId))!);
    const parsed = sectionContentSchema(key).safeParse(options.content);
    if (!parsed.success) throw new AppError("INVALID_INPUT", "内容不符合要求，未保存。", fieldErrorsOf(parsed.error));
    const content = parsed.data;

    return db().$transaction(async (tx) => {
      // The status as it is now, under the row lock a submission also takes.
      const status = await lockReportStatus(tx, reportId);
      assertWritable(status, ["DRAFT", "IN_REVIEW"]);
      if (status === "DRAFT" && !mayEditDraft) throw new AppError("FORBIDDEN", "只有本机关的撰稿人可以修改草稿。");
      const review = status === "IN_REVIEW" ? await loadReviewState(tx, report, { lock: false }) : null;
      if (review) {
        const outcome = applyEvent(review.state, { type: "correct", by: actor.id, contentHash: "" }, workflowContext(review.stages, report.organId, [actor]));
        if (!outcome.ok) throw refusalError(outcome.refusal);
      }
      const kind: RevisionKind = review ? "correction" : (options.kind ?? "save");
      const saved = await writeVersion(tx, { reportId, key, baseVersion, content, actor, kind });
      if (!saved) return { ok: false as const, current: await currentSection(tx, reportId, key) };
      if (review?.round) {
        const newHash = reportContentHash(await loadSectionsIn(tx, reportId));
        await tx.reviewAction.create({
          data: {
            roundId: review.round.id,
            stageIndex: review.round.stageIndex,
            kind: "correct",
            actorId: actor.id,
            actorName: actor.displayName,
            contentHash: newHash,
            details: { section: key, version: saved.version } satisfies CorrectionDetails,
          },
        });
        await tx.reviewRound.update({ where: { id: review.round.id }, data: { version: { increment: 1 } } });
      }
      await refreshCheckCounts(tx, report.id);
      await appendAuditEntry(tx, {
        action: kind === "restore" ? "section.restored" : kind === "correction" ? "review.corrected" : "section.saved",
        actor,
        targetType: "report",
        targetId: reportId,
        organId: report.organId,
        clientAddress,
        details: { section: key, version: saved.version, kind },
        contentHash: contentHash(content),
      });
      return { ok: true as const, ...saved };
    });
  });
}

/**
 * The conditional update at the heart of "no silent overwrite": it matches only
 * while the stored version is the one the editor started from.
 */
export async function writeVersion(
  tx: Tx,
  args: { reportId: string; key: SectionKey; baseVersion: number; content: SectionContent; actor: Actor; kind: RevisionKind },
): Promise<{ version: number; updatedAt: Date } | null> {
  const { reportId, key, baseVersion, content, actor, kind } = args;
  const updatedAt = new Date();
  const result = await tx.section.updateMany({
    where: { reportId, key, version: baseVersion },
    data: { content, version: { increment: 1 }, lastEditorId: actor.id, isCarriedOver: false, updatedAt },
  });
  if (result.count === 0) return null;
  const section = await tx.section.findUniqueOrThrow({ where: { reportId_key: { reportId, key } }, select: { id: true, version: true } });
  await tx.sectionRevision.create({
    data: { sectionId: section.id, version: section.version, content, kind, authorId: actor.id, authorName: actor.displayName },
  });
  return { version: section.version, updatedAt };
}

async function currentSection(tx: Tx, reportId: string, key: SectionKey): Promise<SectionConflict["current"]> {
  const section = await tx.section.findUniqueOrThrow({
    where: { reportId_key: { reportId, key } },
    select: { version: true, content: true, updatedAt: true, lastEditor: { select: { displayName: true } } },
  });
  return {
    version: section.version,
    content: readSectionContent(section.content),
    editorName: section.lastEditor?.displayName ?? null,
    updatedAt: section.updatedAt,
  };
}
