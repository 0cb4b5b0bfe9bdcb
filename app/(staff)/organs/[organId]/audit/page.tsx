import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { describeAuditDetails } from "@/lib/audit/audit-details";
import { AUDIT_ACTION_LABELS, AUDIT_ACTIONS, type AuditAction } from "@/lib/audit/actions";
import { auditFilterQuery, readAuditFilter } from "@/lib/audit/audit-filter";
import { findAuditEntries } from "@/lib/audit/find-audit-entries";
import { requireOrganPermission } from "@/lib/auth/current-actor";
import { formatDateTime } from "@/lib/format-time";
import { getOrganDetail } from "@/lib/organs/queries";
import { listOrganReports } from "@/lib/reports/queries";

export const metadata: Metadata = { title: "操作日志" };

const PAGE_LIMIT = 300;

export default async function OrganAuditPage({
  params,
  searchParams,
}: {
  params: Promise<{ organId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { organId } = await params;
  await requireOrganPermission("organ.viewAudit", organId);
  const filter = readAuditFilter(await searchParams);
  const [organ, entries, reports] = await Promise.all([getOrganDetail(organId), findAuditEntries(organId, filter, PAGE_LIMIT), listOrganReports(organId)]);
  if (!organ) notFound();
  return (
    <>
      <p>
        <Link href={`/organs/${organId}`}>← {organ.name}</Link>
      </p>
      <h1>操作日志</h1>
      <p className="muted">日志只可追加，不能修改或删除；每条记录含前一条的哈希值，任何篡改都可由 npm run audit:verify 查出。</p>
      <form method="get" className="card grid-2" aria-label="筛选">
        <div className="field">
          <label htmlFor="f-action">操作</label>
          <select id="f-action" name="action" defaultValue={filter.action ?? ""}>
            <option value="">全部</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {AUDIT_ACTION_LABELS[a]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-actor">操作人</label>
          <input id="f-actor" name="actor" defaultValue={filter.actor ?? ""} maxLength={50} />
        </div>
        <div className="field">
          <label htmlFor="f-report">报告</label>
          <select id="f-report" name="report" defaultValue={filter.report ?? ""}>
            <option value="">全部</option>
            {reports.map((r) => (
              <option key={r.id} value={r.id}>
                {r.title}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-from">自</label>
          <input id="f-from" name="from" type="date" defaultValue={filter.from ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="f-to">至</label>
          <input id="f-to" name="to" type="date" defaultValue={filter.to ?? ""} />
        </div>
        <div className="inline-form">
          <button type="submit" className="button">
            筛选
          </button>
          <a href={`/api/organs/${organId}/audit-csv${auditFilterQuery(filter)}`}>导出 CSV</a>
        </div>
      </form>
      <p className="muted">{entries.length === PAGE_LIMIT ? `显示最近 ${PAGE_LIMIT} 条，导出 CSV 可得全部。` : `共 ${entries.length} 条。`}</p>
      <div className="table-scroll">
        <table className="data">
          <thead>
            <tr>
              <th scope="col">时间</th>
              <th scope="col">操作人</th>
              <th scope="col">操作</th>
              <th scope="col">详情</th>
              <th scope="col">地址</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={String(entry.id)}>
                <td>{formatDateTime(entry.createdAt)}</td>
                <td>{entry.actorName ?? "—"}</td>
                <td>{AUDIT_ACTION_LABELS[entry.action as AuditAction] ?? entry.action}</td>
                <td>{describeAuditDetails(entry.details)}</td>
                <td>{entry.clientAddress ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
