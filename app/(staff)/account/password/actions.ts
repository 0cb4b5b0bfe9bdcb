"use server";
import { z } from "zod";
import type { FormState } from "@/lib/actions/form-state";
import { parseForm, runAction } from "@/lib/actions/run-action";
import { currentClientAddress, requireActor } from "@/lib/auth/current-actor";
import { AppError } from "@/lib/errors";
import { changeOwnPassword } from "@/lib/users/change-own-password";
import { passwordField, text } from "@/lib/validation/fields";

const schema = z.object({
  currentPassword: text("请输入当前密码。").min(1, "请输入当前密码。").max(200, "当前密码不正确。"),
  newPassword: passwordField,
  confirmPassword: text(),
});

export async function changePasswordAction(_state: FormState, formData: FormData): Promise<FormState> {
  return runAction(async () => {
    const actor = await requireActor({ allowPendingPasswordChange: true });
    const input = parseForm(schema, formData);
    if (input.newPassword !== input.confirmPassword) {
      throw new AppError("INVALID_INPUT", "两次输入的新密码不一致。", { confirmPassword: "两次输入的新密码不一致。" });
    }
    await changeOwnPassword({
      userId: actor.id,
      sessionId: actor.sessionId,
      currentPassword: input.currentPassword,
      newPassword: input.newPassword,
      clientAddress: await currentClientAddress(),
    });
    return "密码已修改。其他设备上的登录已失效。";
  });
}
