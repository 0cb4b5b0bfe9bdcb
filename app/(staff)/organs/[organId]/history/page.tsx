import type { Metadata } from "next";
import Link from "next/link";
import { requireOrganPermission } from "@/lib/auth/current-actor";
import { MAX_IMPORT_FILE_BYTES } from "@/lib/report-files/import/read-report-file";
import { FIRST_HISTORY_YEAR } from "@/lib/reports/add-external-report";
import { listExternalReports } from "@/lib/reports/external-reports";
import { HistoryClient } from "./history-client";

export const metadata: Metadata = { title: "历年报告（外部导入）" };

/** 历年报告（外部导入）: past years published elsewhere, added from a Word file, a saved page or pasted text. */
export default async function HistoryPage({ params }: { params: Promise<{ organId: string }> }) {
  const { organId } = await params;
  await requireOrganPermission("organ.importHistory", organId);
  const reports = await listExternalReports(organId);
  const lastYear = new Date().getFullYear() - 1;
  const years = Array.from({ length: lastYear - FIRST_HISTORY_YEAR + 1 }, (_, i) => lastYear - i).filter((y) => !reports.some((r) => r.year === y));
  return (
    <>
      <p>
        <Link href={`/organs/${organId}`}>← 返回机关</Link>
      </p>
      <h1>历年报告（外部导入）</h1>
      <p className="muted">
        使用本平台之前在其他平台发布的年度报告。导入后用于新报告的“二、上年结转”预填、跨年度检查和公开页面的历年情况；不经审核，也不作为本平台发布的报告，公开页面列为“历年报告（原发布）”并链接原发布地址。
      </p>
      <section className="card" aria-labelledby="history-list">
        <h2 id="history-list">已导入的年度</h2>
        {reports.length === 0 ? <p className="muted">还没有导入历年报告。</p> : null}
        <ul className="plain">
          {reports.map((r) => (
            <li key={r.id}>
              <Link href={`/organs/${organId}/history/${r.year}`}>{r.title}</Link>{" "}
              <span className="muted">
                来源：{r.source}
                {r.indexNumber ? ` · 索引号 ${r.indexNumber}` : ""}
                {r.version > 1 ? ` · 已更正 ${r.version - 1} 次` : ""}
              </span>
            </li>
          ))}
        </ul>
      </section>
      <HistoryClient organId={organId} years={years} maxBytes={MAX_IMPORT_FILE_BYTES} />
    </>
  );
}
