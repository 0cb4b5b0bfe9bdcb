"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { FormState } from "@/lib/actions/form-state";
import { parseForm, parseId, runAction } from "@/lib/actions/run-action";
import { currentClientAddress, requireActor } from "@/lib/auth/current-actor";
import { ROLE_LABELS } from "@/lib/domain/roles";
import { createUser } from "@/lib/users/create-user";
import { assignRole, removeRole } from "@/lib/users/manage-roles";
import { resetAccountPassword, setAccountDisabled } from "@/lib/users/manage-account";
import { displayNameField, optionalEmailField, passwordField, roleField, text, usernameField } from "@/lib/validation/fields";

const createUserSchema = z.object({
  username: usernameField,
  displayName: displayNameField,
  email: optionalEmailField,
  password: passwordField,
  role: roleField,
});

const roleChangeSchema = z.object({ userId: text(), role: roleField });

export async function createUserAction(organId: string, _state: FormState, formData: FormData): Promise<FormState> {
  return runAction(async () => {
    const actor = await requireActor();
    const input = parseForm(createUserSchema, formData);
    await createUser({
      actor,
      organId: parseId(organId),
      username: input.username,
      displayName: input.displayName,
      email: input.email,
      password: input.password,
      roles: [input.role],
      clientAddress: await currentClientAddress(),
    });
    revalidatePath(`/organs/${organId}/users`);
    return `已创建用户 ${input.username}，首次登录时须修改密码。`;
  });
}

export async function assignRoleAction(organId: string, _state: FormState, formData: FormData): Promise<FormState> {
  return runAction(async () => {
    const actor = await requireActor();
    const { userId, role } = parseForm(roleChangeSchema, formData);
    await assignRole({ actor, organId: parseId(organId), userId: parseId(userId), role, clientAddress: await currentClientAddress() });
    revalidatePath(`/organs/${organId}/users`);
    return `已分配角色：${ROLE_LABELS[role]}。`;
  });
}

export async function removeRoleAction(organId: string, _state: FormState, formData: FormData): Promise<FormState> {
  return runAction(async () => {
    const actor = await requireActor();
    const { userId, role } = parseForm(roleChangeSchema, formData);
    await removeRole({ actor, organId: parseId(organId), userId: parseId(userId), role, clientAddress: await currentClientAddress() });
    revalidatePath(`/organs/${organId}/users`);
    return `已移除角色：${ROLE_LABELS[role]}。`;
  });
}

export async function setDisabledAction(organId: string, _state: FormState, formData: FormData): Promise<FormState> {
  return runAction(async () => {
    const actor = await requireActor();
    const { userId, disabled } = parseForm(z.object({ userId: text(), disabled: z.enum(["true", "false"]) }), formData);
    await setAccountDisabled({ actor, userId: parseId(userId), disabled: disabled === "true", clientAddress: await currentClientAddress() });
    revalidatePath(`/organs/${organId}/users`);
    return disabled === "true" ? "已停用该账号。" : "已启用该账号。";
  });
}

export async function resetPasswordAction(organId: string, _state: FormState, formData: FormData): Promise<FormState> {
  return runAction(async () => {
    const actor = await requireActor();
    const { userId } = parseForm(z.object({ userId: text() }), formData);
    const { temporaryPassword } = await resetAccountPassword({ actor, userId: parseId(userId), clientAddress: await currentClientAddress() });
    revalidatePath(`/organs/${organId}/users`);
    return { ok: true, message: "密码已重置。请将临时密码告知本人，登录后须立即修改：", secret: temporaryPassword };
  });
}
