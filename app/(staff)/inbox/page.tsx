import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/current-actor";
import { formatDateTime } from "@/lib/format-time";
import { findHandled, findInbox, findReturned } from "@/lib/reports/inbox";
import { REVIEW_ACTION_LABELS } from "@/lib/review/action-details";

export const metadata: Metadata = { title: "待办" };

const date = new Intl.DateTimeFormat("zh-CN", { dateStyle: "long", timeZone: "Asia/Shanghai" });

export default async function InboxPage() {
  const actor = await requireActor();
  const [waiting, returned, handled] = await Promise.all([findInbox(actor), findReturned(actor), findHandled(actor)]);
  return (
    <>
      <h1>待办</h1>
      {waiting.length === 0 ? (
        <p className="muted">没有等待您审核的报告。</p>
      ) : (
        <ul className="plain inbox" aria-label="待办列表">
          {waiting.map((item) => (
            <li key={item.reportId} className="card">
              <Link href={`/reports/${item.reportId}/review`}>{item.title}</Link>
              <div className="muted">
                {item.organName} · {item.year} 年度 · {item.stageName}
              </div>
              <div className="muted">
                等待自 {formatDateTime(item.waitingSince)} · 截止 {date.format(item.deadline)}
              </div>
            </li>
          ))}
        </ul>
      )}
      {returned.length ? (
        <>
          <h2>退回给我的报告</h2>
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
        </>
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
