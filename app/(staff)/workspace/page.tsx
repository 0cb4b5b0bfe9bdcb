import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/action-form";
import { requireActor } from "@/lib/auth/current-actor";
import { subtreeRootsWhere } from "@/lib/auth/permissions";
import { PROGRESS, PROGRESS_LABELS } from "@/lib/domain/report-progress";
import { ROLE_LABELS } from "@/lib/domain/roles";
import { getOrganDetail } from "@/lib/organs/queries";
import { currentReportYear, findWorkItems, type WorkItem } from "@/lib/reports/work-items";
import { summariseOrganProgress } from "@/lib/supervision/organ-progress";
import { createReportAction } from "../organs/[organId]/report-actions";

export const metadata: Metadata = { title: "我的工作台" };

/** How many overdue organs the supervisor's summary names before pointing to the dashboard. */
const OVERDUE_LISTED = 10;

export default async function WorkspacePage() {
  const actor = await requireActor();
  const year = currentReportYear();
  const [work, supervised] = await Promise.all([findWorkItems(actor), supervision(subtreeRootsWhere(actor, "organ.supervise"), year)]);

  return (
    <>
      <h1>我的工作台</h1>
      <p className="muted">您好，{actor.displayName}。</p>
      {work.length === 0 && supervised.length === 0 ? (
        <p className="muted">{actor.isPlatformAdmin ? "您是平台管理员，可在“机关管理”中维护机关和人员。" : "您尚未被分配到任何机关，请联系管理员。"}</p>
      ) : null}
      {work.map((organ) => (
        <section key={organ.organId} className="card" aria-labelledby={`organ-${organ.organId}`} data-testid="organ-work">
          <h2 id={`organ-${organ.organId}`}>
            <Link href={`/organs/${organ.organId}`}>{organ.organName}</Link>{" "}
            {organ.roles.map((r) => (
              <span key={r} className="tag">
                {ROLE_LABELS[r]}
              </span>
            ))}
          </h2>
          <ul className="plain">
            {organ.items.map((item) => (
              <WorkLine key={`${item.year}`} organId={organ.organId} item={item} />
            ))}
          </ul>
        </section>
      ))}
      {supervised.map((s) => (
        <section key={s.organId} className="card" aria-labelledby={`supervise-${s.organId}`} data-testid="supervised">
          <h2 id={`supervise-${s.organId}`}>
            主管：{s.organName}下级机关 {year} 年度报告
          </h2>
          <p>
            共 {s.total} 个机关：
            {PROGRESS.filter((p) => s.counts[p])
              .map((p) => `${PROGRESS_LABELS[p]} ${s.counts[p]}`)
              .join("，")}
            {s.overdueCount ? <strong className="field-error">；逾期 {s.overdueCount} 个</strong> : "；无逾期"}
          </p>
          {s.overdue.length ? (
            <ul>
              {s.overdue.map((r, i) => (
                <li key={i}>
                  {r.organName}：{r.statusText}，{r.deadlineText}
                </li>
              ))}
              {s.overdueCount > s.overdue.length ? <li>另有 {s.overdueCount - s.overdue.length} 个，见进度表</li> : null}
            </ul>
          ) : null}
          <p>
            <Link className="button" href={`/organs/${s.organId}/supervision?year=${year}`}>
              查看进度表、催办
            </Link>{" "}
            <Link href={`/organs/${s.organId}/summary?year=${year}`}>汇总统计</Link>
          </p>
        </section>
      ))}
    </>
  );
}

function WorkLine({ organId, item }: { organId: string; item: WorkItem }) {
  return (
    <li className="work-item" data-year={item.year}>
      <strong>{item.year} 年度</strong> <span className="tag">{item.statusText}</span>
      {item.reportId ? (
        <span className="muted">
          {" "}
          · 经办：{item.holder} · <span className={item.overdue ? "field-error" : undefined}>{item.deadlineText}</span>
          {item.checkErrors !== null ? ` · 检查：${item.checkErrors} 个错误，${item.checkWarnings} 个提醒` : ""}
        </span>
      ) : (
        <span className="muted">
          {" "}
          · 还没有 {item.year} 年度报告 · <span className={item.overdue ? "field-error" : undefined}>{item.deadlineText}</span>
        </span>
      )}
      <div>
        {item.next?.kind === "create" ? (
          <ActionForm action={createReportAction.bind(null, organId)} submitLabel={`创建 ${item.year} 年度报告`} className="inline-form">
            <input type="hidden" name="year" value={item.year} />
          </ActionForm>
        ) : item.next ? (
          <Link className={item.next.label === "查看" ? undefined : "button"} href={item.next.href}>
            {item.next.label}
          </Link>
        ) : null}
      </div>
    </li>
  );
}

/** For each organ the person supervises: counts per status this year and the first overdue organs (not every organ: that is the dashboard). */
async function supervision(rootIds: string[], year: number) {
  return Promise.all(
    rootIds.map(async (organId) => {
      const [organ, summary] = await Promise.all([getOrganDetail(organId), summariseOrganProgress({ rootId: organId, year, listed: OVERDUE_LISTED })]);
      return { organId, organName: organ?.name ?? "", ...summary };
    }),
  );
}
