import "server-only";
import { auditingRefusals } from "@/lib/audit/refusals";
import { appendAuditEntry } from "@/lib/audit/append-audit-entry";
import { assertOrganPermission } from "@/lib/auth/assert-permission";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import type { OrganWordLists } from "@/lib/review/confidentiality-scan";
import { storedStagesSchema, type StageSetting } from "@/lib/review/review-settings";
import { readJsonColumn } from "@/lib/db/json-column";
import { organWordLists } from "./word-lists";

/**
 * An organ's 管理员 sets its review stages and its scan word lists. Rounds already
 * running keep the stages they started with (they carry a copy).
 */
export async function saveReviewSettings(options: { actor: Actor; organId: string; stages: StageSetting[]; lists: OrganWordLists; clientAddress: string | null }) {
  return auditingRefusals("organ.saveReviewSettings", options, async () => {
    const { actor, organId, stages, lists, clientAddress } = options;
    await assertOrganPermission(actor, "organ.manageReview", organId);
    await db().$transaction(async (tx) => {
      await tx.reviewStage.deleteMany({ where: { organId } });
      await tx.reviewStage.createMany({ data: stages.map((stage, position) => ({ organId, position, ...stage })) });
      await tx.organ.update({ where: { id: organId }, data: { sensitiveWords: lists.sensitiveWords, wrongTerms: lists.wrongTerms } });
      await appendAuditEntry(tx, {
        action: "organ.reviewSettingsChanged",
        actor,
        targetType: "organ",
        targetId: organId,
        organId,
        clientAddress,
        details: { stages, sensitiveWords: lists.sensitiveWords.length, wrongTerms: lists.wrongTerms.length },
      });
    });
  });
}

export async function getReviewSettings(organId: string) {
  const [stages, organ] = await Promise.all([
    db().reviewStage.findMany({ where: { organId }, orderBy: { position: "asc" }, select: { name: true, role: true, isConfidentialityReview: true } }),
    db().organ.findUniqueOrThrow({ where: { id: organId }, select: { sensitiveWords: true, wrongTerms: true } }),
  ]);
  return { stages: readJsonColumn(storedStagesSchema, stages, "ReviewStage"), lists: organWordLists(organ) };
}
