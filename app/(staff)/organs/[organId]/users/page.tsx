import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm, Field } from "@/components/action-form";
import { requireOrganPermission } from "@/lib/auth/current-actor";
import { ROLE_LABELS, ROLES } from "@/lib/domain/roles";
import { getConfig } from "@/lib/config";
import { getOrganDetail, listOrganMembers } from "@/lib/organs/queries";
import { USERNAME_MAX_LENGTH } from "@/lib/validation/fields";
import { assignRoleAction, createUserAction, removeRoleAction, resetPasswordAction, setDisabledAction } from "./actions";

export const metadata: Metadata = { title: "人员与角色" };

const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

export default async function OrganUsersPage({ params }: { params: Promise<{ organId: string }> }) {
  const { organId } = await params;
  const { actor } = await requireOrganPermission("organ.manageUsers", organId);
  const [organ, members] = await Promise.all([getOrganDetail(organId), listOrganMembers(organId)]);
  if (!organ) notFound();
  const { minLength } = getConfig().passwordPolicy;

  return (
    <>
      <p>
        <Link href={`/organs/${organId}`}>← {organ.name}</Link>
      </p>
      <h1>人员与角色</h1>
      <div className="table-scroll">
        <table className="data">
          <caption className="muted" style={{ textAlign: "left" }}>
            {organ.name}的账号（{members.length} 个）
          </caption>
          <thead>
            <tr>
              <th scope="col">姓名</th>
              <th scope="col">用户名</th>
              <th scope="col">状态</th>
              <th scope="col">本机关角色</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {members.map((member) => (
              <tr key={member.id} data-username={member.username}>
                <th scope="row">{member.displayName}</th>
                <td>{member.username}</td>
                <td>
                  {member.disabledAt ? "已停用" : "正常"}
                  {member.isLocked ? "（已锁定）" : ""}
                  {member.mustChangePassword ? <div className="hint">待修改密码</div> : null}
                </td>
                <td>
                  {member.roles.map((role) => (
                    <ActionForm
                      key={role}
                      action={removeRoleAction.bind(null, organId)}
                      submitLabel={`移除${ROLE_LABELS[role]}`}
                      className="inline-form"
                      buttonClassName="button secondary"
                      confirmText={`确定移除 ${member.displayName} 的“${ROLE_LABELS[role]}”角色？`}
                    >
                      <input type="hidden" name="userId" value={member.id} />
                      <input type="hidden" name="role" value={role} />
                    </ActionForm>
                  ))}
                  <ActionForm action={assignRoleAction.bind(null, organId)} submitLabel="添加角色" className="inline-form" buttonClassName="button secondary">
                    <input type="hidden" name="userId" value={member.id} />
                    <label className="sr-only" htmlFor={`role-${member.id}`}>
                      为 {member.displayName} 添加角色
                    </label>
                    <select id={`role-${member.id}`} name="role" defaultValue="AUTHOR">
                      {ROLE_OPTIONS.filter((o) => !member.roles.includes(o.value)).map((o) => (
                        <option key={o.value} value={o.value}>
                          {o.label}
                        </option>
                      ))}
                    </select>
                  </ActionForm>
                </td>
                <td>
                  {member.id === actor.id ? (
                    <span className="muted">（本人）</span>
                  ) : (
                    <>
                      <ActionForm
                        action={setDisabledAction.bind(null, organId)}
                        submitLabel={member.disabledAt ? "启用" : "停用"}
                        className="inline-form"
                        buttonClassName="button secondary"
                        confirmText={member.disabledAt ? undefined : `确定停用 ${member.displayName} 的账号？`}
                      >
                        <input type="hidden" name="userId" value={member.id} />
                        <input type="hidden" name="disabled" value={member.disabledAt ? "false" : "true"} />
                      </ActionForm>
                      <ActionForm
                        action={resetPasswordAction.bind(null, organId)}
                        submitLabel="重置密码"
                        className="inline-form"
                        buttonClassName="button secondary"
                        confirmText={`确定重置 ${member.displayName} 的密码？`}
                      >
                        <input type="hidden" name="userId" value={member.id} />
                      </ActionForm>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section className="card" aria-labelledby="new-user-heading" style={{ marginTop: "1.5rem" }}>
        <h2 id="new-user-heading">新建用户</h2>
        <ActionForm action={createUserAction.bind(null, organId)} submitLabel="创建用户" resetOnSuccess className="grid-2">
          <Field name="displayName" label="姓名" maxLength={50} />
          <Field name="username" label="用户名" maxLength={USERNAME_MAX_LENGTH} autoComplete="off" hint="字母、数字、点、下划线或连字符" />
          <Field name="email" label="邮箱（可选，用于审核通知）" type="email" maxLength={100} />
          <Field name="password" label="初始密码" type="password" autoComplete="new-password" hint={`至少 ${minLength} 个字符，首次登录须修改`} />
          <Field name="role" label="角色" options={ROLE_OPTIONS} />
        </ActionForm>
      </section>
    </>
  );
}
