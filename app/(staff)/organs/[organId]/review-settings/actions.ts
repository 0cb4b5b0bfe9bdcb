"use server";
import { revalidatePath } from "next/cache";
import type { FormState } from "@/lib/actions/form-state";
import { parseId, runAction } from "@/lib/actions/run-action";
import { currentClientAddress, requireActor } from "@/lib/auth/current-actor";
import { AppError } from "@/lib/errors";
import { saveReviewSettings } from "@/lib/organs/save-review-settings";
import { parseWordLists, stagesSchema } from "@/lib/review/review-settings";

export async function saveReviewSettingsAction(organId: string, _state: FormState, formData: FormData): Promise<FormState> {
  return runAction(async () => {
    const actor = await requireActor();
    let raw: unknown;
    try {
      raw = JSON.parse(String(formData.get("stages") ?? "[]"));
    } catch {
      throw new AppError("INVALID_INPUT", "审核环节数据有误，请刷新页面后重试。");
    }
    const stages = stagesSchema.safeParse(raw);
    if (!stages.success) throw new AppError("INVALID_INPUT", stages.error.issues[0]!.message);
    const lists = parseWordLists(String(formData.get("sensitiveWords") ?? ""), String(formData.get("wrongTerms") ?? ""));
    if ("error" in lists) throw new AppError("INVALID_INPUT", lists.error);
    const basedOn = String(formData.get("basedOn") ?? "");
    await saveReviewSettings({ actor, organId: parseId(organId), stages: stages.data, lists: lists.lists, basedOn, clientAddress: await currentClientAddress() });
    revalidatePath(`/organs/${organId}/review-settings`);
    return "审核设置已保存。";
  });
}
