import Link from "next/link";
import { ActionForm } from "@/components/action-form";
import type { SessionActor } from "@/lib/auth/load-actor";
import { findOrganScope } from "@/lib/auth/organ-scope";
import { can } from "@/lib/auth/permissions";
import type { FoundReport } from "@/lib/reports/find-report";
import { importReportAction } from "../actions";

/** 下载与导入: Word and JSON for everyone who may read the report; import into a draft for its 撰稿人. */
export async function DownloadsPanel({ actor, report }: { actor: SessionActor; report: FoundReport }) {
  const scope = await findOrganScope(report.organId);
  const canImport = scope !== null && can(actor, "report.edit", scope) && report.status === "DRAFT"; // import replaces a draft only
  return (
    <section className="card" aria-labelledby="downloads" style={{ marginTop: "1.5rem" }}>
      <h2 id="downloads">下载与导入</h2>
      <p>
        <a href={`/api/reports/${report.id}/export/docx`}>下载 Word 文档（.docx）</a> · <a href={`/api/reports/${report.id}/export/json`}>导出 JSON</a>
      </p>
      {canImport ? (
        <p>
          <Link href={`/reports/${report.id}/import`}>从 Word 文件或网页导入……</Link>（先预览，确认后才写入草稿）
        </p>
      ) : null}
      {canImport ? (
        <ActionForm action={importReportAction.bind(null, report.id)} submitLabel="导入 JSON" className="inline-form" buttonClassName="button secondary">
          <div className="field">
            <label htmlFor="import-file">从 JSON 文件导入（覆盖当前草稿，原内容保留在历史版本中）</label>
            <input id="import-file" name="file" type="file" accept="application/json,.json" />
          </div>
        </ActionForm>
      ) : null}
    </section>
  );
}
