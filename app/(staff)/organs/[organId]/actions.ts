"use server";
import { revalidatePath } from "next/cache";
import type { FormState } from "@/lib/actions/form-state";
import { parseForm, parseId, runAction } from "@/lib/actions/run-action";
import { currentClientAddress, requireActor } from "@/lib/auth/current-actor";
import { deadlineSchema } from "@/lib/organs/organ-input";
import { setOrganDeadline } from "@/lib/organs/save-organ";
import { setIndexSerialStart } from "@/lib/organs/set-index-serial-start";
import { indexSerialStartSchema } from "@/lib/validation/publish-input";

export async function setDeadlineAction(organId: string, _state: FormState, formData: FormData): Promise<FormState> {
  return runAction(async () => {
    const actor = await requireActor();
    const input = parseForm(deadlineSchema, formData);
    await setOrganDeadline({ actor, organId: parseId(organId), ...input, clientAddress: await currentClientAddress() });
    revalidatePath(`/organs/${organId}`);
    return "截止日期已保存。";
  });
}

export async function setIndexSerialStartAction(organId: string, _state: FormState, formData: FormData): Promise<FormState> {
  return runAction(async () => {
    const actor = await requireActor();
    const input = parseForm(indexSerialStartSchema, formData);
    const { next } = await setIndexSerialStart({ actor, organId: parseId(organId), ...input, clientAddress: await currentClientAddress() });
    revalidatePath(`/organs/${organId}`);
    return `已保存。${input.year} 年下一个索引号为 ${next}。`;
  });
}
