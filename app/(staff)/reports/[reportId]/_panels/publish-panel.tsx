import { ActionForm, Field } from "@/components/action-form";
import { CorrectionChangesList } from "@/components/report/correction-changes-list";
import type { SessionActor } from "@/lib/auth/load-actor";
import { findOrganScope } from "@/lib/auth/organ-scope";
import { can } from "@/lib/auth/permissions";
import { chinaDateOf, chineseDate, DOCUMENT_NUMBER_MAX_LENGTH, INDEX_NUMBER_MAX_LENGTH } from "@/lib/domain/publication-metadata";
import { formatDateTime } from "@/lib/format-time";
import { INDEX_MODE_LABELS, INDEX_MODES } from "@/lib/validation/publish-input";
import { correctionChanges } from "@/lib/publish/correction-changes";
import { reportPath } from "@/lib/publish/public-paths";
import { getLastPublishedSections, getPublicationHistory } from "@/lib/publish/publication-history";
import type { FoundReport } from "@/lib/reports/find-report";
import { contentsOf, getReportSections } from "@/lib/reports/queries";
import { publishAction, startCorrectionAction, withdrawPublishedAction } from "../publish-actions";

/** 发布: the public address and versions, and for the 发布人 publishing, correcting and withdrawing. */
export async function PublishPanel({ actor, report }: { actor: SessionActor; report: FoundReport }) {
  const scope = await findOrganScope(report.organId);
  const canPublish = scope !== null && can(actor, "report.publish", scope);
  const publication = await getPublicationHistory(report.id);
  const publications = publication.versions;
  // A correction about to be published: the 发布人 sees the list of changes the public page will show.
  const replaced = canPublish && report.status === "APPROVED" && publications.length ? await getLastPublishedSections(report.id) : null;
  const changes = replaced ? correctionChanges(replaced.sections, contentsOf(await getReportSections(report.id))) : null;
  return (
    <section className="card" aria-labelledby="publish-heading">
      <h2 id="publish-heading">发布</h2>
      {publications.length ? (
        <>
          <p>
            公开地址：<a href={reportPath(report.organ.code, report.year)}>{reportPath(report.organ.code, report.year)}</a>（索引号 {publications[0]!.indexNumber}，发文日期{" "}
            {chineseDate(publications[0]!.issuedOn)}
            {publications[0]!.documentNumber ? `，文件编号 ${publications[0]!.documentNumber}` : ""}）
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
      {publication.withdrawnAt ? (
        <p className="notice error">
          已于 {formatDateTime(publication.withdrawnAt)} 撤回：{publication.withdrawReason}
        </p>
      ) : null}
      {canPublish && report.status === "APPROVED" ? (
        <ActionForm action={publishAction.bind(null, report.id)} submitLabel={publications.length ? "发布更正" : "发布"} confirmText="发布后将向社会公开，确定发布？">
          {replaced && changes ? (
            <>
              <h3>本次更正的内容（与第 {replaced.version} 版相比，将在公开页面列出）</h3>
              <CorrectionChangesList changes={changes} />
            </>
          ) : null}
          {publications.length ? (
            <>
              <p className="hint">更正沿用第 1 版的索引号、发文日期和文件编号。</p>
              <Field name="correctionNote" label="更正说明（必填，将在公开页面显示）" maxLength={2000} />
            </>
          ) : (
            <fieldset className="grid-2">
              <legend>公开信息</legend>
              <Field
                name="issuedOn"
                label="发文日期"
                type="date"
                defaultValue={chinaDateOf(new Date())}
                hint="默认今天；不能晚于今天，也不能早于终审通过的日期。索引号的年份取发文日期的年份。"
              />
              <Field name="documentNumber" label="文件编号（可选）" maxLength={DOCUMENT_NUMBER_MAX_LENGTH} hint="年度报告通常没有文件编号。" />
              <Field name="indexMode" label="索引号" options={INDEX_MODES.map((m) => ({ value: m, label: INDEX_MODE_LABELS[m] }))} defaultValue="platform" />
              <Field
                name="indexNumber"
                label="其他平台分配的索引号"
                maxLength={INDEX_NUMBER_MAX_LENGTH}
                hint={`选择“${INDEX_MODE_LABELS.external}”时填写，如 ${report.organ.code}/2025-01220。由本平台分配时留空，发布时分配为 ${report.organ.code}/发文年份-流水号。`}
              />
            </fieldset>
          )}
        </ActionForm>
      ) : null}
      {canPublish && report.status === "PUBLISHED" ? (
        <ActionForm
          action={startCorrectionAction.bind(null, report.id)}
          submitLabel="发起更正"
          buttonClassName="button secondary"
          confirmText="发起更正后报告回到草稿，须重新审核后发布。确定？"
        />
      ) : null}
      {/* The public version can be withdrawn whenever it is up, a correction under way included. */}
      {canPublish && publications.length && !publication.withdrawnAt ? (
        <ActionForm
          action={withdrawPublishedAction.bind(null, report.id)}
          submitLabel="撤回已发布的报告"
          buttonClassName="button secondary"
          confirmText="撤回后公开页面将显示已撤回。确定？"
        >
          <Field name="reason" label="撤回理由（必填）" maxLength={2000} />
        </ActionForm>
      ) : null}
    </section>
  );
}
