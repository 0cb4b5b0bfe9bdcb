import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm, Field } from "@/components/action-form";
import { requireOrganPermission } from "@/lib/auth/current-actor";
import { can, rolesIn } from "@/lib/auth/permissions";
import { ORGAN_KIND_LABELS } from "@/lib/domain/organ-kinds";
import { FIRST_REPORT_YEAR, yearInChina } from "@/lib/domain/report-progress";
import { REPORT_STATUS_LABELS } from "@/lib/domain/report-status";
import { ROLE_LABELS } from "@/lib/domain/roles";
import { findNextIndexNumber, getOrganDetail } from "@/lib/organs/queries";
import { listOrganReports } from "@/lib/reports/queries";
import { setDeadlineAction, setIndexSerialStartAction } from "./actions";
import { createReportAction } from "./report-actions";

export const metadata: Metadata = { title: "机关" };

export default async function OrganPage({ params }: { params: Promise<{ organId: string }> }) {
  const { organId } = await params;
  const { actor, scope } = await requireOrganPermission("organ.view", organId);
  const organ = await getOrganDetail(organId);
  if (!organ) notFound();
  const myRoles = rolesIn(actor, organId);
  const reports = can(actor, "report.view", scope) ? await listOrganReports(organId) : [];
  const existingYears = new Set(reports.map((r) => r.year));
  const thisYear = yearInChina(new Date());
  const nextIndexNumber = can(actor, "organ.setIndexSerial", scope) ? await findNextIndexNumber(organId, organ.code, thisYear) : null;
  const lastYear = thisYear - 1;
  // Every year without a report, newest first: an office catching up on earlier years finds them too.
  const yearOptions = Array.from({ length: thisYear - FIRST_REPORT_YEAR + 1 }, (_, i) => thisYear - i)
    .filter((y) => !existingYears.has(y))
    .map((y) => ({ value: String(y), label: `${y} 年度` }));

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
      {can(actor, "report.view", scope) ? (
        <section className="card" aria-labelledby="reports-heading">
          <h2 id="reports-heading">年度报告</h2>
          {reports.length === 0 ? <p className="muted">还没有年度报告。</p> : null}
          <ul className="plain">
            {reports.map((r) => (
              <li key={r.id}>
                <Link href={`/reports/${r.id}`}>{r.title}</Link> <span className="tag">{REPORT_STATUS_LABELS[r.status]}</span>
              </li>
            ))}
          </ul>
          {can(actor, "report.create", scope) && yearOptions.length > 0 ? (
            <ActionForm action={createReportAction.bind(null, organId)} submitLabel="新建年度报告" className="inline-form">
              <Field name="year" label="报告年度" options={yearOptions} defaultValue={String(existingYears.has(lastYear) ? yearOptions[0]?.value : lastYear)} />
            </ActionForm>
          ) : null}
        </section>
      ) : null}
      <nav aria-label="机关功能" className="card">
        <ul className="plain">
          {can(actor, "organ.manageUsers", scope) ? (
            <li>
              <Link href={`/organs/${organId}/users`}>人员与角色</Link>
            </li>
          ) : null}
          {can(actor, "organ.manageReview", scope) ? (
            <li>
              <Link href={`/organs/${organId}/review-settings`}>审核设置（环节、敏感词）</Link>
            </li>
          ) : null}
          {can(actor, "organ.importHistory", scope) ? (
            <li>
              <Link href={`/organs/${organId}/history`}>历年报告（外部导入）</Link>
            </li>
          ) : null}
          {can(actor, "organ.supervise", scope) ? (
            <>
              <li>
                <Link href={`/organs/${organId}/supervision`}>下级机关年报进度（催办）</Link>
              </li>
              <li>
                <Link href={`/organs/${organId}/summary`}>汇总统计</Link>
              </li>
            </>
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
      {can(actor, "organ.setIndexSerial", scope) ? (
        <section className="card" aria-labelledby="serial-heading">
          <h2 id="serial-heading">索引号起始流水号</h2>
          <p>
            本平台分配的索引号为“机关代码/发文年份-流水号”，流水号按年度连续编号。{thisYear} 年下一个为 <strong data-testid="next-index-number">{nextIndexNumber}</strong>。
            年中从其他平台转来时，可设置本平台接续的起始流水号。
          </p>
          <ActionForm action={setIndexSerialStartAction.bind(null, organId)} submitLabel="保存起始流水号" className="grid-2" fieldIdSuffix="serial">
            <Field name="year" label="年份" type="number" defaultValue={thisYear} />
            <Field name="start" label="起始流水号" type="number" hint="已分配的流水号不会重复使用，起始流水号只能往后设。" />
          </ActionForm>
        </section>
      ) : null}
      {organ.children.length > 0 ? (
        <section aria-labelledby="children-heading">
          <h2 id="children-heading">下级机关</h2>
          <ul className="plain">
            {organ.children.map((child) => (
              <li key={child.id}>
                <Link href={`/organs/${child.id}`}>{child.name}</Link> <span className="muted">（{ORGAN_KIND_LABELS[child.kind]}）</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
