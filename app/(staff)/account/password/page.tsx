import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm, Field } from "@/components/action-form";
import { requireActor } from "@/lib/auth/current-actor";
import { getConfig } from "@/lib/config";
import { changePasswordAction } from "./actions";

export const metadata: Metadata = { title: "修改密码" };

export default async function ChangePasswordPage() {
  const actor = await requireActor({ allowPendingPasswordChange: true });
  const { minLength } = getConfig().passwordPolicy;
  return (
    <div className="card narrow">
      <h1>修改密码</h1>
      {actor.mustChangePassword ? (
        <div className="notice error" role="alert">
          您的密码由管理员设置或重置，请先修改密码再继续使用。
        </div>
      ) : null}
      <ActionForm action={changePasswordAction} submitLabel="修改密码" resetOnSuccess>
        <Field name="currentPassword" label="当前密码" type="password" autoComplete="current-password" />
        <Field name="newPassword" label="新密码" type="password" autoComplete="new-password" hint={`至少 ${minLength} 个字符，不能与用户名相同`} />
        <Field name="confirmPassword" label="再次输入新密码" type="password" autoComplete="new-password" />
      </ActionForm>
      <p>
        <Link href="/workspace">返回工作台</Link>
      </p>
    </div>
  );
}
