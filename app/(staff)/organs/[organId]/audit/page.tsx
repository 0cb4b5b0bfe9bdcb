import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AUDIT_ACTION_LABELS, type AuditAction } from "@/lib/audit/actions";
import { requireOrganPermission } from "@/lib/auth/current-actor";
import { getOrganDetail, listOrganAuditEntries } from "@/lib/organs/queries";

export const metadata: Metadata = { title: "操作日志" };

const formatTime = new Intl.DateTimeFormat("zh-CN", { dateStyle: "short", timeStyle: "medium", timeZone: "Asia/Shanghai" });

export default async function OrganAuditPage({ params }: { params: Promise<{ organId: string }> }) {
  const { organId } = await params;
  await requireOrganPermission("organ.viewAudit", organId);
  const [organ, entries] = await Promise.all([getOrganDetail(organId), listOrganAuditEntries(organId)]);
  if (!organ) notFound();
  return (
    <>
      <p>
        <Link href={`/organs/${organId}`}>← {organ.name}</Link>
      </p>
      <h1>操作日志</h1>
      <p className="muted">最近 {entries.length} 条与本机关有关的操作（日志只可追加，不能修改或删除）。</p>
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
                <td>{formatTime.format(entry.createdAt)}</td>
                <td>{entry.actorName ?? "—"}</td>
                <td>{AUDIT_ACTION_LABELS[entry.action as AuditAction] ?? entry.action}</td>
                <td>
                  <code>{JSON.stringify(entry.details)}</code>
                </td>
                <td>{entry.clientAddress ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
