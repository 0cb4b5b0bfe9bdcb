import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm, Field } from "@/components/action-form";
import { findOrganScope } from "@/lib/auth/organ-scope";
import { can } from "@/lib/auth/permissions";
import { formatDateTime, formatTime } from "@/lib/format-time";
import { checkDraft, isUnfilledCell } from "@/lib/report-format/checks";
import type { ReportSections } from "@/lib/report-format/content";
import { SECTION_TITLES } from "@/lib/report-format/format";
import { findLastYearSections, getReportSections, listOrganAuthors } from "@/lib/reports/queries";
import { requireReportPage } from "@/lib/reports/require-report-page";
import { ACTION_LABELS, getReviewView, REPORT_STATUS_LABELS } from "@/lib/reports/review-view";
import { assignSectionAction, importReportAction } from "./actions";
import { submitReportAction, withdrawAction } from "./review-actions";
import { publishAction, startCorrectionAction, withdrawPublishedAction } from "./publish-actions";
import { reportPath } from "@/lib/publish/public-paths";
import { getLastPublishedSections, getPublicationHistory } from "@/lib/publish/publication-history";
import { correctionChanges } from "@/lib/publish/correction-changes";
import { CorrectionChangesList } from "@/components/report/correction-changes-list";

export const metadata: Metadata = { title: "年度报告" };

export default async function ReportPage({ params, searchParams }: { params: Promise<{ reportId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { reportId } = await params;
  const done = (await searchParams).done;
  const { actor, report } = await requireReportPage(reportId, "report.view");
  const scope = (await findOrganScope(report.organId))!;
  const [sections, lastYear, authors, review] = await Promise.all([
    getReportSections(reportId),
    findLastYearSections(report.organId, report.year),
    listOrganAuthors(report.organId),
    getReviewView(actor, report),
  ]);
  const contents = Object.fromEntries(sections.map((s) => [s.key, s.content])) as ReportSections;
  const findings = checkDraft({ year: report.year, organKind: report.organ.kind, sections: contents, lastYear });
  const errors = findings.filter((f) => f.severity === "error");
  const unfilled = errors.filter(isUnfilledCell).length;
  const canEdit = can(actor, "report.edit", scope) && report.status === "DRAFT"; // import replaces a draft only
  const canAssign = can(actor, "report.assign", scope);
  const canPublish = can(actor, "report.publish", scope);
  const publication = await getPublicationHistory(reportId);
  const publications = publication.versions;
  // A correction about to be published: the 发布人 sees the list of changes the public page will show.
  const replaced = canPublish && report.status === "APPROVED" && publications.length ? await getLastPublishedSections(reportId) : null;
  const authorOptions = [{ value: "", label: "（未指定）" }, ...authors.map((a) => ({ value: a.id, label: a.displayName }))];

  return (
    <>
      <p>
        <Link href={`/organs/${report.organId}`}>← {report.organ.name}</Link>
      </p>
      <h1>{report.title}</h1>
      {typeof done === "string" && done ? (
        <p className="notice ok" role="status">
          {done}
        </p>
      ) : null}
      <p>
        <span className="tag" data-testid="report-status">
          {REPORT_STATUS_LABELS[report.status] ?? report.status}
          {review.state.status === "IN_REVIEW" && review.stageName ? `：${review.stageName}` : ""}
        </span>{" "}
        <span data-testid="check-summary" className={errors.length ? "field-error" : "muted"}>
          检查：{errors.length} 个错误{unfilled ? `（其中 ${unfilled} 个单元格尚未填写）` : ""}，{findings.length - errors.length} 个提醒
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
                        <Field name="assigneeId" label={`${SECTION_TITLES[s.key]}的撰稿人`} hideLabel options={authorOptions} defaultValue={s.assignee?.id ?? ""} />
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
      <section className="card" aria-labelledby="review-heading" style={{ marginTop: "1.5rem" }}>
        <h2 id="review-heading">审核</h2>
        {review.canSubmit ? (
          <ActionForm action={submitReportAction.bind(null, reportId)} submitLabel="提交审核" confirmText="提交后内容将冻结，直到审核退回。确定提交？">
            <p className="hint">提交前须改正所有检查错误。审核依次为：{review.stages.map((s) => s.name).join(" → ")}。</p>
          </ActionForm>
        ) : null}
        {review.canWithdraw ? (
          <ActionForm action={withdrawAction.bind(null, reportId)} submitLabel="撤回提交" buttonClassName="button secondary" />
        ) : null}
        {review.canAct ? (
          <p>
            <Link className="button" href={`/reports/${reportId}/review`}>
              进入审核：{review.stageName}
            </Link>
          </p>
        ) : review.state.status === "IN_REVIEW" ? (
          <p className="muted">当前环节：{review.stageName}。{review.actRefusal && review.actRefusal !== "您没有本机关当前审核环节的角色。" ? review.actRefusal : ""}</p>
        ) : null}
        {review.rounds.length ? (
          <ol className="review-history" reversed>
            {review.rounds.map((round) => (
              <li key={round.id}>
                第 {round.number} 轮（{formatDateTime(round.submittedAt)} 提交）
                <ul>
                  {round.actions.map((a, i) => (
                    <li key={i}>
                      {formatDateTime(a.createdAt)} {(round.stages as Array<{ name: string }>)[a.stageIndex]?.name}：{a.actorName} {ACTION_LABELS[a.kind] ?? a.kind}
                      {a.kind === "handover" ? `给${(a.details as { toName?: string }).toName ?? ""}` : null}
                      {a.comment ? <>：<q>{a.comment}</q></> : null}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        ) : null}
        {review.comments.length ? (
          <>
            <h3>审核意见</h3>
            <ul data-testid="review-comments">
              {review.comments.map((c) => (
                <li key={c.id}>
                  第 {c.roundNumber} 轮 · {SECTION_TITLES[c.sectionKey]} · {c.authorName}：{c.text}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
      <section className="card" aria-labelledby="publish-heading">
        <h2 id="publish-heading">发布</h2>
        {publications.length ? (
          <>
            <p>
              公开地址：<a href={reportPath(report.organ.code, report.year)}>{reportPath(report.organ.code, report.year)}</a>（索引号 {publications[0]!.indexNumber}）
            </p>
            <ul>
              {publications.map((p) => (
                <li key={p.version}>
                  第 {p.version} 版，{formatDateTime(p.publishedAt)} 发布{p.correctionNote ? `；更正说明：${p.correctionNote}` : ""}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p className="muted">尚未发布。</p>
        )}
        {publication.withdrawnAt ? <p className="notice error">已于 {formatDateTime(publication.withdrawnAt)} 撤回：{publication.withdrawReason}</p> : null}
        {canPublish && report.status === "APPROVED" ? (
          <ActionForm action={publishAction.bind(null, reportId)} submitLabel={publications.length ? "发布更正" : "发布"} confirmText="发布后将向社会公开，确定发布？">
            {replaced ? (
              <>
                <h3>本次更正的内容（与第 {replaced.version} 版相比，将在公开页面列出）</h3>
                <CorrectionChangesList changes={correctionChanges(replaced.sections, contents)} />
              </>
            ) : null}
            {publications.length ? <Field name="correctionNote" label="更正说明（必填，将在公开页面显示）" maxLength={2000} /> : null}
          </ActionForm>
        ) : null}
        {canPublish && report.status === "PUBLISHED" ? (
          <>
            <ActionForm action={startCorrectionAction.bind(null, reportId)} submitLabel="发起更正" buttonClassName="button secondary" confirmText="发起更正后报告回到草稿，须重新审核后发布。确定？" />
            <ActionForm action={withdrawPublishedAction.bind(null, reportId)} submitLabel="撤回已发布的报告" buttonClassName="button secondary" confirmText="撤回后公开页面将显示已撤回。确定？">
              <Field name="reason" label="撤回理由（必填）" maxLength={2000} />
            </ActionForm>
          </>
        ) : null}
      </section>
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
