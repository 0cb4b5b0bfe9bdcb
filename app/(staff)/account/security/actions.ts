"use server";
import { revalidatePath } from "next/cache";
import type { FormState } from "@/lib/actions/form-state";
import { parseId, runAction } from "@/lib/actions/run-action";
import { currentClientAddress, requireActor } from "@/lib/auth/current-actor";
import { endOwnSession } from "@/lib/users/end-own-session";

export async function endSessionAction(sessionId: string, _state: FormState, _formData: FormData): Promise<FormState> {
  return runAction(async () => {
    const actor = await requireActor({ allowPendingPasswordChange: true });
    await endOwnSession({ actor, sessionId: parseId(sessionId), clientAddress: await currentClientAddress() });
    revalidatePath("/account/security");
    return "已结束该登录。";
  });
}
