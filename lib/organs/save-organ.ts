import "server-only";
import { auditingRefusals } from "@/lib/audit/refusals";
import { appendAuditEntry } from "@/lib/audit/append-audit-entry";
import { assertOrganPermission, assertPlatformPermission } from "@/lib/auth/assert-permission";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { isUniqueViolation, uniqueViolationIndex } from "@/lib/db/errors";
import { AppError } from "@/lib/errors";
import { DEFAULT_STAGES } from "@/lib/review/workflow";
import type { OrganInput } from "./organ-input";
import { findOrganScope } from "@/lib/auth/organ-scope";
import { forgetCheckCounts } from "@/lib/reports/report-checks";
import { findDescendantIds } from "./organ-tree";

function duplicateError(error: unknown): AppError {
  if (uniqueViolationIndex(error) === "Organ_code_key") return new AppError("INVALID_INPUT", "该机关代码已被使用。", { code: "该机关代码已被使用。" });
  return new AppError("INVALID_INPUT", "该机关名称已存在。", { name: "该机关名称已存在。" });
}

async function assertParentExists(parentId: string | null) {
  if (parentId && !(await findOrganScope(parentId))) {
    throw new AppError("INVALID_INPUT", "上级机关不存在。", { parentId: "上级机关不存在。" });
  }
}

/** A platform administrator adds an organ anywhere in the tree. */
export async function createOrgan(options: { actor: Actor; input: OrganInput; clientAddress: string | null }) {
  return auditingRefusals("organ.create", options, async () => {
    const { actor, input, clientAddress } = options;
    assertPlatformPermission(actor, "organ.create");
    await assertParentExists(input.parentId);
    try {
      return await db().$transaction(async (tx) => {
        const organ = await tx.organ.create({ data: input, select: { id: true } });
        await tx.reviewStage.createMany({ data: DEFAULT_STAGES.map((stage, position) => ({ organId: organ.id, position, ...stage })) });
        await appendAuditEntry(tx, {
          action: "organ.created",
          actor,
          targetType: "organ",
          targetId: organ.id,
          organId: organ.id,
          clientAddress,
          details: { ...input },
        });
        return organ;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicateError(error);
      throw error;
    }
  });
}

/** A platform administrator edits every field, including where the organ sits in the tree. */
export async function updateOrgan(options: { actor: Actor; organId: string; input: OrganInput; clientAddress: string | null }) {
  return auditingRefusals("organ.update", options, async () => {
    const { actor, organId, input, clientAddress } = options;
    assertPlatformPermission(actor, "organ.edit");
    if (!(await findOrganScope(organId))) throw new AppError("NOT_FOUND", "机关不存在。");
    await assertParentExists(input.parentId);
    try {
      await db().$transaction(async (tx) => {
        // One move in the tree at a time: two admins putting A under B and B under A at once would both pass the check and make a loop.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('organ-tree'))`;
        if (input.parentId && (await findDescendantIds([organId], tx)).includes(input.parentId)) {
          throw new AppError("INVALID_INPUT", "上级机关不能是本机关或其下级机关。", { parentId: "上级机关不能是本机关或其下级机关。" });
        }
        const before = await tx.organ.findUniqueOrThrow({ where: { id: organId }, select: { code: true, name: true, kind: true } });
        // Published pages, their addresses and 索引号 carry the code: it is fixed once the organ has published.
        if (before.code !== input.code && (await tx.publication.count({ where: { organCode: before.code } })) > 0) {
          throw new AppError("INVALID_INPUT", "本机关已有发布的报告，机关代码不能再修改。", { code: "本机关已有发布的报告，机关代码不能再修改。" });
        }
        await tx.organ.update({ where: { id: organId }, data: input });
        // Reports are checked against their organ's name (ORGAN) and kind (the fee's plausible size): the stored counts are out of date.
        if (before.name !== input.name || before.kind !== input.kind) await forgetCheckCounts(tx, { organId });
        await appendAuditEntry(tx, {
          action: "organ.updated",
          actor,
          targetType: "organ",
          targetId: organId,
          organId,
          clientAddress,
          details: { ...input },
        });
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicateError(error);
      throw error;
    }
  });
}

/** An organ's own admin sets its report deadline. */
export async function setOrganDeadline(options: { actor: Actor; organId: string; deadlineMonth: number; deadlineDay: number; clientAddress: string | null }) {
  return auditingRefusals("organ.setDeadline", options, async () => {
    const { actor, organId, deadlineMonth, deadlineDay, clientAddress } = options;
    await assertOrganPermission(actor, "organ.setDeadline", organId);
    await db().$transaction(async (tx) => {
      await tx.organ.update({ where: { id: organId }, data: { deadlineMonth, deadlineDay } });
      await appendAuditEntry(tx, {
        action: "organ.updated",
        actor,
        targetType: "organ",
        targetId: organId,
        organId,
        clientAddress,
        details: { deadlineMonth, deadlineDay },
      });
    });
  });
}
