import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm, Field } from "@/components/action-form";
import { findOrganScope } from "@/lib/organs/organ-scope";
import { can } from "@/lib/auth/permissions";
import { formatDateTime, formatTime } from "@/lib/format-time";
import { checkDraft } from "@/lib/report/checks";
import type { ReportSections } from "@/lib/report/content";
import { SECTION_TITLES } from "@/lib/report/format";
import { findLastYearSections, getReportSections, listOrganAuthors } from "@/lib/reports/queries";
import { requireReportPage } from "@/lib/reports/require-report-page";
import { assignSectionAction, importReportAction } from "./actions";

export const metadata: Metadata = { title: "年度报告" };

export default async function ReportPage({ params }: { params: Promise<{ reportId: string }> }) {
  const { reportId } = await params;
  const { actor, report } = await requireReportPage(reportId, "report.view");
  const scope = (await findOrganScope(report.organId))!;
  const [sections, lastYear, authors] = await Promise.all([
    getReportSections(reportId),
    findLastYearSections(report.organId, report.year),
    listOrganAuthors(report.organId),
  ]);
  const contents = Object.fromEntries(sections.map((s) => [s.key, s.content])) as ReportSections;
  const findings = checkDraft({ year: report.year, organKind: report.organ.kind, sections: contents, lastYear });
  const errors = findings.filter((f) => f.severity === "error");
  const canEdit = can(actor, "report.edit", scope) && report.status === "DRAFT";
  const canAssign = can(actor, "report.assign", scope);
  const authorOptions = [{ value: "", label: "（未指定）" }, ...authors.map((a) => ({ value: a.id, label: a.displayName }))];

  return (
    <>
      <p>
        <Link href={`/organs/${report.organId}`}>← {report.organ.name}</Link>
      </p>
      <h1>{report.title}</h1>
      <p>
        <span className="tag">{report.status === "DRAFT" ? "草稿" : report.status}</span>{" "}
        <span data-testid="check-summary" className={errors.length ? "field-error" : "muted"}>
          检查：{errors.length} 个错误，{findings.length - errors.length} 个提醒
        </span>
      </p>
      <div className="table-scroll">
        <table className="data">
          <thead>
            <tr>
              <th scope="col">部分</th>
              <th scope="col">撰稿人</th>
              <th scope="col">最后修改</th>
              <th scope="col">检查</th>
            </tr>
          </thead>
          <tbody>
            {sections.map((s) => {
              const own = findings.filter((f) => f.section === s.key);
              const ownErrors = own.filter((f) => f.severity === "error").length;
              return (
                <tr key={s.key} data-section={s.key}>
                  <th scope="row">
                    <Link href={`/reports/${reportId}/sections/${s.key}`}>{SECTION_TITLES[s.key]}</Link>
                    {s.isCarriedOver ? <div className="tag">沿用上年，未修改</div> : null}
                    {s.openBy && s.openBy.id !== actor.id ? (
                      <div className="hint">{s.openBy.name} 正在编辑（自 {formatTime(s.openBy.since)} 起）</div>
                    ) : null}
                  </th>
                  <td>
                    {canAssign ? (
                      <ActionForm action={assignSectionAction.bind(null, reportId, s.key)} submitLabel="指定" className="inline-form" buttonClassName="button secondary">
                        <Field name="assigneeId" label={`${SECTION_TITLES[s.key]}的撰稿人`} options={authorOptions} defaultValue={s.assignee?.id ?? ""} />
                      </ActionForm>
                    ) : (
                      s.assignee?.displayName ?? "（未指定）"
                    )}
                  </td>
                  <td>
                    {s.lastEditorName ? `${s.lastEditorName}，${formatDateTime(s.updatedAt)}` : "尚未修改"}
                    <div>
                      <Link href={`/reports/${reportId}/sections/${s.key}/history`}>历史版本</Link>
                    </div>
                  </td>
                  <td>{ownErrors ? <span className="field-error">{ownErrors} 个错误</span> : "无错误"}{own.length - ownErrors ? `，${own.length - ownErrors} 个提醒` : ""}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <section className="card" aria-labelledby="downloads" style={{ marginTop: "1.5rem" }}>
        <h2 id="downloads">下载与导入</h2>
        <p>
          <a href={`/api/reports/${reportId}/export/docx`}>下载 Word 文档（.docx）</a> · <a href={`/api/reports/${reportId}/export/json`}>导出 JSON</a>
        </p>
        {canEdit ? (
          <ActionForm action={importReportAction.bind(null, reportId)} submitLabel="导入 JSON" className="inline-form" buttonClassName="button secondary">
            <div className="field">
              <label htmlFor="import-file">从 JSON 文件导入（覆盖当前草稿，原内容保留在历史版本中）</label>
              <input id="import-file" name="file" type="file" accept="application/json,.json" />
            </div>
          </ActionForm>
        ) : null}
      </section>
    </>
  );
}
