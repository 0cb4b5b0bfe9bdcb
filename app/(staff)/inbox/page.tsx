import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/current-actor";
import { deadlineText, isOverdue } from "@/lib/domain/report-progress";
import { formatDateTime, formatDeadline } from "@/lib/format-time";
import { findHandled, findInbox, findPublishable, findReminders, findReturned } from "@/lib/reports/inbox";
import { REVIEW_ACTION_LABELS } from "@/lib/review/action-details";

export const metadata: Metadata = { title: "待办" };

export default async function InboxPage() {
  const actor = await requireActor();
  const [waiting, publishable, returned, reminders, handled] = await Promise.all([
    findInbox(actor),
    findPublishable(actor),
    findReturned(actor),
    findReminders(actor),
    findHandled(actor),
  ]);
  const now = new Date();
  const nothing = waiting.length + publishable.length + returned.length + reminders.length === 0;
  return (
    <>
      <h1>待办</h1>
      {nothing ? <p className="muted">目前没有等待您处理的事项。</p> : null}
      {reminders.length ? (
        <section aria-labelledby="reminders-heading">
          <h2 id="reminders-heading">催办</h2>
          <ul className="plain" aria-label="催办列表">
            {reminders.map((r) => (
              <li key={r.id} className="card">
                <strong>
                  {r.organName} {r.year} 年度报告
                </strong>
                <div className="muted">
                  {r.from}于 {formatDateTime(r.at)} 催办{r.message ? `：${r.message}` : "，请尽快完成撰写、审核和发布。"}
                </div>
                <Link href={`/organs/${r.organId}`}>前往{r.organName}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {waiting.length ? (
        <section aria-labelledby="review-heading">
          <h2 id="review-heading">待审核</h2>
          <ul className="plain inbox" aria-label="待办列表">
            {waiting.map((item) => (
              <li key={item.reportId} className="card">
                <Link href={`/reports/${item.reportId}/review`}>{item.title}</Link>
                <div className="muted">
                  {item.organName} · {item.year} 年度 · {item.stageName}
                </div>
                {item.isCorrection ? (
                  <div className="muted">等待自 {formatDateTime(item.waitingSince)} · 更正</div>
                ) : (
                  <div className={isOverdue({ progress: "IN_REVIEW", deadline: item.deadline, now, firstPublishedAt: null }) ? "field-error" : "muted"}>
                    等待自 {formatDateTime(item.waitingSince)} · 截止 {formatDeadline(item.deadline)}（
                    {deadlineText({ progress: "IN_REVIEW", deadline: item.deadline, now, firstPublishedAt: null })}）
                  </div>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {publishable.length ? (
        <section aria-labelledby="publish-heading">
          <h2 id="publish-heading">待发布</h2>
          <ul className="plain" aria-label="待发布列表">
            {publishable.map((r) => (
              <li key={r.reportId} className="card">
                <Link href={`/reports/${r.reportId}`}>{r.title}</Link>
                <div className="muted">
                  {r.organName} · 审核已全部通过{r.isCorrection ? "（更正）" : ""}，请核对后发布
                </div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {returned.length ? (
        <section aria-labelledby="returned-heading">
          <h2 id="returned-heading">退回给我的报告</h2>
          <ul className="plain" aria-label="退回列表">
            {returned.map((r) => (
              <li key={r.reportId} className="card">
                <Link href={`/reports/${r.reportId}`}>{r.title}</Link>
                <div className="muted">
                  {r.returnedBy} 退回{r.at ? `（${formatDateTime(r.at)}）` : ""}：{r.reason}
                </div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <h2>已办</h2>
      {handled.length === 0 ? (
        <p className="muted">暂无。</p>
      ) : (
        <ul className="plain" aria-label="已办列表">
          {handled.map((a, i) => (
            <li key={i}>
              {formatDateTime(a.createdAt)} · <Link href={`/reports/${a.report.id}`}>{a.report.title}</Link> · 第 {a.roundNumber} 轮 {a.stageName} · {REVIEW_ACTION_LABELS[a.kind]}
              {a.comment ? `：${a.comment}` : ""}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
