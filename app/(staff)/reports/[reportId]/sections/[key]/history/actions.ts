"use server";
import { revalidatePath } from "next/cache";
import type { FormState } from "@/lib/actions/form-state";
import { parseId, runAction } from "@/lib/actions/run-action";
import { currentClientAddress, requireActor } from "@/lib/auth/current-actor";
import { AppError } from "@/lib/errors";
import { isSectionKey } from "@/lib/report-format/content";
import { restoreRevision } from "@/lib/reports/restore-revision";

export async function restoreRevisionAction(reportId: string, key: string, revisionId: string, baseVersion: number, _state: FormState, _formData: FormData): Promise<FormState> {
  return runAction(async () => {
    const actor = await requireActor();
    if (!isSectionKey(key) || !Number.isInteger(baseVersion)) throw new AppError("NOT_FOUND", "该部分不存在。");
    const result = await restoreRevision({
      actor,
      reportId: parseId(reportId),
      key,
      revisionId: parseId(revisionId),
      baseVersion,
      clientAddress: await currentClientAddress(),
    });
    if (!result.ok) throw new AppError("CONFLICT", `这一部分刚被${result.current.editorName ?? "他人"}修改过，请刷新页面后再恢复。`);
    revalidatePath(`/reports/${reportId}/sections/${key}/history`);
    return `已恢复为新的第 ${result.version} 版。`;
  });
}
