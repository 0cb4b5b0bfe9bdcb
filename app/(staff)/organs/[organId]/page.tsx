import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm, Field } from "@/components/action-form";
import { requireOrganPermission } from "@/lib/auth/current-actor";
import { can, rolesIn } from "@/lib/auth/permissions";
import { ORGAN_KIND_LABELS, ROLE_LABELS } from "@/lib/auth/roles";
import { getOrganDetail } from "@/lib/organs/queries";
import { setDeadlineAction } from "./actions";

export const metadata: Metadata = { title: "机关" };

export default async function OrganPage({ params }: { params: Promise<{ organId: string }> }) {
  const { organId } = await params;
  const { actor, scope } = await requireOrganPermission("organ.view", organId);
  const organ = await getOrganDetail(organId);
  if (!organ) notFound();
  const myRoles = rolesIn(actor, organId);

  return (
    <>
      <h1>{organ.name}</h1>
      <div className="card">
        <dl className="meta">
          <dt>简称</dt>
          <dd>{organ.shortName}</dd>
          <dt>类型</dt>
          <dd>{ORGAN_KIND_LABELS[organ.kind]}</dd>
          <dt>机关代码</dt>
          <dd>{organ.code}</dd>
          <dt>上级机关</dt>
          <dd>{organ.parent ? organ.parent.name : "无"}</dd>
          <dt>年报截止日期</dt>
          <dd>
            报告年度次年 {organ.deadlineMonth} 月 {organ.deadlineDay} 日
          </dd>
          <dt>我的角色</dt>
          <dd>{myRoles.length ? myRoles.map((r) => ROLE_LABELS[r]).join("、") : "（上级主管查看）"}</dd>
        </dl>
      </div>
      <nav aria-label="机关功能" className="card">
        <ul className="plain">
          {can(actor, "organ.manageUsers", scope) ? (
            <li>
              <Link href={`/organs/${organId}/users`}>人员与角色</Link>
            </li>
          ) : null}
          {can(actor, "organ.viewAudit", scope) ? (
            <li>
              <Link href={`/organs/${organId}/audit`}>操作日志</Link>
            </li>
          ) : null}
        </ul>
      </nav>
      {can(actor, "organ.setDeadline", scope) ? (
        <section className="card" aria-labelledby="deadline-heading">
          <h2 id="deadline-heading">设置年报截止日期</h2>
          <ActionForm action={setDeadlineAction.bind(null, organId)} submitLabel="保存截止日期" className="grid-2">
            <Field name="deadlineMonth" label="月" type="number" defaultValue={organ.deadlineMonth} />
            <Field name="deadlineDay" label="日" type="number" defaultValue={organ.deadlineDay} />
          </ActionForm>
        </section>
      ) : null}
      {organ.children.length > 0 ? (
        <section aria-labelledby="children-heading">
          <h2 id="children-heading">下级机关</h2>
          <ul className="plain">
            {organ.children.map((child) => (
              <li key={child.id}>
                <Link href={`/organs/${child.id}`}>{child.name}</Link>{" "}
                <span className="muted">（{ORGAN_KIND_LABELS[child.kind]}）</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
