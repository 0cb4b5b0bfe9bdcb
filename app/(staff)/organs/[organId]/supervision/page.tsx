import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm, Field } from "@/components/action-form";
import { requireOrganPermission } from "@/lib/auth/current-actor";
import { ORGAN_KIND_LABELS, ORGAN_KINDS } from "@/lib/domain/organ-kinds";
import { PROGRESS, PROGRESS_LABELS } from "@/lib/domain/report-progress";
import { formatDateTime, formatDeadline } from "@/lib/format-time";
import { getOrganDetail } from "@/lib/organs/queries";
import { DASHBOARD_SORT_LABELS, DASHBOARD_SORTS, dashboardView, readDashboardQuery, type DashboardQuery } from "@/lib/supervision/dashboard-view";
import { findOrganProgress } from "@/lib/supervision/organ-progress";
import { remindAction } from "./actions";

export const metadata: Metadata = { title: "下级机关进度" };

/** The address of this page with some filters changed (the page number back to 1 unless given). */
function href(organId: string, query: DashboardQuery, change: Partial<Record<"status" | "overdue" | "kind" | "under" | "sort" | "page", string | undefined>>) {
  const params = new URLSearchParams();
  const merged = { year: String(query.year), status: query.status, overdue: query.overdue, kind: query.kind, under: query.under, sort: query.sort, page: undefined, ...change };
  for (const [key, value] of Object.entries(merged)) if (value && !(key === "sort" && value === "organ")) params.set(key, value);
  return `/organs/${organId}/supervision?${params.toString()}`;
}

export default async function SupervisionPage({
  params,
  searchParams,
}: {
  params: Promise<{ organId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { organId } = await params;
  await requireOrganPermission("organ.supervise", organId);
  const organ = await getOrganDetail(organId);
  if (!organ) notFound();
  const query = readDashboardQuery(await searchParams);
  const rows = await findOrganProgress({ rootId: organId, year: query.year, countChecks: true });
  const view = dashboardView(rows, query);
  // One action reference for every 催办 form on the page (the organ is each form's own field).
  const remind = remindAction.bind(null, organId, query.year);
  const downloadQuery = href(organId, query, {}).split("?")[1];

  return (
    <>
      <p>
        <Link href={`/organs/${organId}`}>← {organ.name}</Link> · <Link href={`/organs/${organId}/summary?year=${query.year}`}>汇总统计</Link>
      </p>
      <h1>下级机关年报进度：{query.year} 年度</h1>
      {query.yearError ? (
        <p className="notice error" role="alert">
          {query.yearError}已显示 {query.year} 年度。
        </p>
      ) : null}
      <form method="get" className="card grid-2" aria-label="筛选">
        <div className="field">
          <label htmlFor="f-year">年度</label>
          <input id="f-year" name="year" inputMode="numeric" defaultValue={String(query.year)} maxLength={4} />
        </div>
        <div className="field">
          <label htmlFor="f-status">状态</label>
          <select id="f-status" name="status" defaultValue={query.status ?? ""}>
            <option value="">全部</option>
            {PROGRESS.map((p) => (
              <option key={p} value={p}>
                {PROGRESS_LABELS[p]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-kind">机关类型</label>
          <select id="f-kind" name="kind" defaultValue={query.kind ?? ""}>
            <option value="">全部</option>
            {ORGAN_KINDS.map((k) => (
              <option key={k} value={k}>
                {ORGAN_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-sort">排序</label>
          <select id="f-sort" name="sort" defaultValue={query.sort}>
            {DASHBOARD_SORTS.map((s) => (
              <option key={s} value={s}>
                {DASHBOARD_SORT_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label>
            <input type="checkbox" name="overdue" value="1" defaultChecked={Boolean(query.overdue)} /> 只看逾期
          </label>
        </div>
        {query.under ? <input type="hidden" name="under" value={query.under} /> : null}
        <div className="inline-form">
          <button type="submit" className="button">
            筛选
          </button>
          <a href={`/api/organs/${organId}/supervision?format=xlsx&${downloadQuery}`}>下载 Excel</a>
          <a href={`/api/organs/${organId}/supervision?format=csv&${downloadQuery}`}>下载 CSV</a>
        </div>
      </form>
      <ul className="plain status-counts" aria-label="各状态机关数" data-testid="status-counts">
        <li>共 {view.total} 个机关</li>
        {PROGRESS.map((p) => (
          <li key={p}>
            <Link href={href(organId, query, { status: p })}>
              {PROGRESS_LABELS[p]} {view.counts[p]}
            </Link>
          </li>
        ))}
        <li>
          <Link href={href(organId, query, { overdue: "1" })} className={view.overdue ? "field-error" : undefined}>
            逾期 {view.overdue}
          </Link>
        </li>
      </ul>
      {view.overdue > 0 ? (
        <section className="card" aria-labelledby="remind-all">
          <h2 id="remind-all">催办全部逾期机关（{view.overdue} 个）</h2>
          <ActionForm action={remind} submitLabel="催办全部逾期机关" confirmText={`向 ${view.overdue} 个逾期机关发送催办？`}>
            <input type="hidden" name="target" value="overdue" />
            <Field name="message" label="留言（可选）" maxLength={500} />
          </ActionForm>
        </section>
      ) : null}
      <p className="muted">
        符合条件 {view.filtered.length} 个{view.pages > 1 ? `，第 ${view.page} / ${view.pages} 页` : ""}。
      </p>
      <div className="table-scroll">
        <table className="data" data-testid="progress-table">
          <thead>
            <tr>
              <th scope="col">机关</th>
              <th scope="col">类型</th>
              <th scope="col">状态</th>
              <th scope="col">经办</th>
              <th scope="col">截止</th>
              <th scope="col">检查</th>
              <th scope="col">发布</th>
              <th scope="col">催办</th>
            </tr>
          </thead>
          <tbody>
            {view.pageRows.map((r) => (
              <tr key={r.organId} data-organ={r.organName}>
                <th scope="row">
                  {r.path.length ? <div className="hint">{r.path.join(" › ")}</div> : null}
                  <Link href={r.reportId ? `/reports/${r.reportId}` : `/organs/${r.organId}`}>{r.organName}</Link>{" "}
                  <Link href={href(organId, query, { under: r.organId })} className="hint" aria-label={`只看${r.organName}及其下级`}>
                    下级
                  </Link>
                </th>
                <td>{ORGAN_KIND_LABELS[r.organKind]}</td>
                <td>{r.statusText}</td>
                <td>{r.holder}</td>
                <td className={r.overdue ? "field-error" : undefined}>
                  {formatDeadline(r.deadline)}
                  <div>{r.deadlineText}</div>
                </td>
                <td>{r.checkErrors === null ? "—" : `${r.checkErrors} 个错误，${r.checkWarnings} 个提醒`}</td>
                <td>
                  {r.firstPublishedAt ? `${formatDateTime(r.firstPublishedAt)}` : "—"}
                  {r.latestVersion && r.latestVersion > 1 ? <div>已更正 {r.latestVersion - 1} 次</div> : null}
                  {r.withdrawnAt ? <div>已撤回</div> : null}
                </td>
                <td>
                  {r.lastReminderAt ? <div className="hint">最近：{formatDateTime(r.lastReminderAt)}</div> : null}
                  {r.progress !== "PUBLISHED" && r.progress !== "WITHDRAWN" ? (
                    <ActionForm fieldIdSuffix={r.organId} action={remind} submitLabel="催办" className="inline-form" buttonClassName="button secondary">
                      <input type="hidden" name="target" value={r.organId} />
                      <Field name="message" label={`给${r.organName}的留言（可选）`} hideLabel maxLength={500} />
                    </ActionForm>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {view.pages > 1 ? (
        <nav aria-label="分页" className="inline-form">
          {view.page > 1 ? <Link href={href(organId, query, { page: String(view.page - 1) })}>上一页</Link> : null}
          {view.page < view.pages ? <Link href={href(organId, query, { page: String(view.page + 1) })}>下一页</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
