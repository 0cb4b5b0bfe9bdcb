import Link from "next/link";
import { ActionForm, Field } from "@/components/action-form";
import type { SessionActor } from "@/lib/auth/load-actor";
import { findOrganScope } from "@/lib/auth/organ-scope";
import { can } from "@/lib/auth/permissions";
import { formatDateTime, formatTime } from "@/lib/format-time";
import { SECTION_TABLE, SECTION_TITLES, sectionLabel } from "@/lib/report-format/format";
import type { FoundReport } from "@/lib/reports/find-report";
import { getReportFindings, getReportSections, listOrganAuthors } from "@/lib/reports/queries";
import { assignSectionAction } from "../actions";

/** The six sections: who writes each, who changed it last, who has it open, and its check results. */
export async function SectionsPanel({ actor, report }: { actor: SessionActor; report: FoundReport }) {
  const scope = await findOrganScope(report.organId);
  const canAssign = scope !== null && can(actor, "report.assign", scope);
  const [sections, findings, authors] = await Promise.all([
    getReportSections(report.id),
    getReportFindings(report),
    canAssign ? listOrganAuthors(report.organId) : Promise.resolve([]),
  ]);
  const authorOptions = [{ value: "", label: "（未指定）" }, ...authors.map((a) => ({ value: a.id, label: a.displayName }))];
  return (
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
            // A table also counts what other sections' text says against its cells (listed on its page).
            const table = SECTION_TABLE[s.key];
            const aboutTable = table ? findings.filter((f) => f.section !== s.key && f.cells.some((c) => c.table === table)).length : 0;
            return (
              <tr key={s.key} data-section={s.key}>
                <th scope="row">
                  <Link href={`/reports/${report.id}/sections/${s.key}`}>{sectionLabel(s.key)}</Link>
                  {s.isCarriedOver ? <div className="tag">沿用上年，未修改</div> : null}
                  {s.openBy && s.openBy.id !== actor.id ? (
                    <div className="hint">
                      {s.openBy.name} 正在编辑（自 {formatTime(s.openBy.since)} 起）
                    </div>
                  ) : null}
                </th>
                <td>
                  {canAssign ? (
                    <ActionForm
                      action={assignSectionAction.bind(null, report.id, s.key)}
                      fieldIdSuffix={s.key}
                      submitLabel="指定"
                      className="inline-form"
                      buttonClassName="button secondary"
                    >
                      <Field name="assigneeId" label={`${SECTION_TITLES[s.key]}的撰稿人`} hideLabel options={authorOptions} defaultValue={s.assignee?.id ?? ""} />
                    </ActionForm>
                  ) : (
                    (s.assignee?.displayName ?? "（未指定）")
                  )}
                </td>
                <td>
                  {s.lastEditorName ? `${s.lastEditorName}，${formatDateTime(s.updatedAt)}` : "尚未修改"}
                  <div>
                    <Link href={`/reports/${report.id}/sections/${s.key}/history`}>历史版本</Link>
                  </div>
                </td>
                <td>
                  {ownErrors ? <span className="field-error">{ownErrors} 个错误</span> : "无错误"}
                  {own.length - ownErrors ? `，${own.length - ownErrors} 个提醒` : ""}
                  {aboutTable ? <div className="hint">正文中有 {aboutTable} 处与本表有关</div> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
