"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { FormState } from "@/lib/actions/form-state";
import { parseForm, parseId, runAction } from "@/lib/actions/run-action";
import { currentClientAddress, requireActor } from "@/lib/auth/current-actor";
import { organInputSchema } from "@/lib/organs/organ-input";
import { createOrgan, updateOrgan } from "@/lib/organs/save-organ";

export async function createOrganAction(_state: FormState, formData: FormData): Promise<FormState> {
  return runAction(async () => {
    const actor = await requireActor();
    const input = parseForm(organInputSchema, formData);
    await createOrgan({ actor, input, clientAddress: await currentClientAddress() });
    revalidatePath("/admin/organs");
    return `已创建机关：${input.name}。`;
  });
}

export async function updateOrganAction(organId: string, _state: FormState, formData: FormData): Promise<FormState> {
  const state = await runAction(async () => {
    const actor = await requireActor();
    const input = parseForm(organInputSchema, formData);
    await updateOrgan({ actor, organId: parseId(organId), input, clientAddress: await currentClientAddress() });
    return "已保存。";
  });
  if (state.ok) redirect("/admin/organs");
  return state;
}
