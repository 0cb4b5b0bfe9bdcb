import "server-only";
import { createHash } from "node:crypto";
import { auditingRefusals } from "@/lib/audit/refusals";
import { AppError } from "@/lib/errors";
import { appendAuditEntry } from "@/lib/audit/append-audit-entry";
import { assertOrganPermission } from "@/lib/auth/assert-permission";
import type { Actor } from "@/lib/auth/permissions";
import { db, type Tx } from "@/lib/db/client";
import type { OrganWordLists } from "@/lib/review/confidentiality-scan";
import { storedStagesSchema, type StageSetting } from "@/lib/review/review-settings";
import { readJsonColumn } from "@/lib/db/json-column";
import { organWordLists } from "./word-lists";

type ReviewSettings = { stages: StageSetting[]; lists: OrganWordLists };

/** What the settings form was based on: a digest of the stages and word lists it showed. */
export function reviewSettingsVersion(settings: ReviewSettings): string {
  return createHash("sha256")
    .update(JSON.stringify([settings.stages, settings.lists]))
    .digest("base64url")
    .slice(0, 22);
}

/** The current settings, in words, for a person whose form was based on older ones. */
function describe(settings: ReviewSettings): string {
  const stages = settings.stages.map((s) => s.name).join("、") || "（无）";
  return `审核环节：${stages}；敏感词 ${settings.lists.sensitiveWords.length} 个；常见错误表述 ${settings.lists.wrongTerms.length} 条`;
}

/**
 * An organ's 管理员 sets its review stages and its scan word lists. Rounds already
 * running keep the stages they started with (they carry a copy). The save states the version
 * its form was based on (reviewSettingsVersion): when someone else saved in between, it is
 * refused with what they saved, and nothing is written.
 */
export async function saveReviewSettings(options: { actor: Actor; organId: string; stages: StageSetting[]; lists: OrganWordLists; basedOn: string; clientAddress: string | null }) {
  return auditingRefusals("organ.saveReviewSettings", options, async () => {
    const { actor, organId, stages, lists, basedOn, clientAddress } = options;
    await assertOrganPermission(actor, "organ.manageReview", organId);
    await db().$transaction(async (tx) => {
      // Two 管理员 saving at once: the second waits here, then sees the first one's settings.
      await tx.$queryRaw`SELECT id FROM "Organ" WHERE id = ${organId} FOR UPDATE`;
      const current = await readReviewSettings(tx, organId);
      if (reviewSettingsVersion(current) !== basedOn) {
        throw new AppError("CONFLICT", `审核设置已被他人修改，本次未保存。现在的设置是：${describe(current)}。请刷新页面，核对后再保存。`);
      }
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

async function readReviewSettings(client: Tx | ReturnType<typeof db>, organId: string): Promise<ReviewSettings> {
  const [stages, organ] = await Promise.all([
    client.reviewStage.findMany({ where: { organId }, orderBy: { position: "asc" }, select: { name: true, role: true, isConfidentialityReview: true } }),
    client.organ.findUniqueOrThrow({ where: { id: organId }, select: { sensitiveWords: true, wrongTerms: true } }),
  ]);
  return { stages: readJsonColumn(storedStagesSchema, stages, "ReviewStage"), lists: organWordLists(organ) };
}

/** An organ's review settings and their version (what its settings form is based on). */
export async function getReviewSettings(organId: string) {
  const settings = await readReviewSettings(db(), organId);
  return { ...settings, version: reviewSettingsVersion(settings) };
}
