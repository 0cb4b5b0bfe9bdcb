import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm, Field } from "@/components/action-form";
import { DecisionForm } from "@/components/report/decision-form";
import { FindingsList } from "@/components/report/section-editor";
import { cellText, FormTable } from "@/components/report/form-table";
import { withTotals } from "@/lib/report-format/cells";
import { checkDraft } from "@/lib/report-format/checks";
import { paragraphsOf, type ReportSections, type SectionContent } from "@/lib/report-format/content";
import { diffSection, type SectionDiff } from "@/lib/report-format/diff";
import { SECTION_KEYS, SECTION_TABLE, SECTION_TITLES, type SectionKey } from "@/lib/report-format/format";
import { TABLE_LAYOUTS } from "@/lib/report-format/table-layouts";
import { SCAN_KIND_LABELS } from "@/lib/review/confidentiality-scan";
import { findLastYearSections, getReportSections, sectionsAt } from "@/lib/reports/queries";
import { organWordLists } from "@/lib/organs/word-lists";
import { scanReport, warningKey } from "@/lib/review/review-findings";
import { getReviewView } from "@/lib/reports/review-view";
import { requireReportPage } from "@/lib/reports/require-report-page";
import { listHandoverCandidates } from "@/lib/reports/hand-over-stage";
import { commentAction, decideAction, handOverAction } from "../review-actions";

export const metadata: Metadata = { title: "审核" };

export default async function ReviewPage({ params }: { params: Promise<{ reportId: string }> }) {
  const { reportId } = await params;
  const { actor, report } = await requireReportPage(reportId, "report.view");
  const review = await getReviewView(actor, report);
  if (!review.canAct || !review.round) {
    return (
      <>
        <p>
          <Link href={`/reports/${reportId}`}>← {report.title}</Link>
        </p>
        <h1>审核</h1>
        <p className="notice error" role="alert">
          {review.actRefusal ?? "报告当前不在审核中。"}
        </p>
      </>
    );
  }
  const round = review.round;
  const [rows, lastYear, atSubmission] = await Promise.all([
    getReportSections(reportId),
    findLastYearSections(report.organId, report.year),
    sectionsAt(reportId, round.submittedAt),
  ]);
  const sections = Object.fromEntries(rows.map((r) => [r.key, r.content])) as ReportSections;
  const previousRound = review.rounds.find((r) => r.number === round.number - 1 && r.closedAt);
  const atLastReturn = previousRound?.closedAt ? await sectionsAt(reportId, previousRound.closedAt) : null;
  const colleagues = await listHandoverCandidates(actor, report.organId, review);
  const findings = checkDraft({ year: report.year, organKind: report.organ.kind, sections, lastYear, identity: { title: report.title, organName: report.organ.name } });
  const warnings = findings.filter((f) => f.severity === "warning").map((f) => ({ key: warningKey(f), message: `[${f.id}] ${f.message}` }));
  const scan = review.isConfidentialityStage
    ? scanReport(sections, organWordLists(report.organ)).map((f) => ({
        key: f.key,
        label: `${f.place}：${SCAN_KIND_LABELS[f.kind]}“${f.match}”${f.suggestion ? `，建议改为“${f.suggestion}”` : ""}`,
      }))
    : [];

  return (
    <>
      <p>
        <Link href={`/reports/${reportId}`}>← {report.title}</Link>
      </p>
      <h1>审核：{review.stageName}</h1>
      <p className="muted">第 {round.number} 轮。您可以在各部分中直接校对修改（记为您的校对），添加意见，然后通过或退回。</p>
      <FindingsList title="检查结果" findings={findings} emptyText="未发现问题。" reportId={reportId} />
      {review.isConfidentialityStage ? (
        <section className="card" aria-label="保密审查">
          <h2>保密审查</h2>
          {scan.length ? (
            <ul>
              {scan.map((f) => (
                <li key={f.key}>{f.label}</li>
              ))}
            </ul>
          ) : (
            <p className="muted">未发现身份证号、手机号或涉密标识用语。</p>
          )}
        </section>
      ) : null}
      {SECTION_KEYS.map((key) => (
        <section key={key} className="card review-section" aria-labelledby={`h-${key}`}>
          <h2 id={`h-${key}`}>{SECTION_TITLES[key]}</h2>
          <p>
            <Link href={`/reports/${reportId}/sections/${key}`}>校对修改这一部分</Link>
          </p>
          <SectionView sectionKey={key} content={sections[key]} />
          <Changes title="本轮校对修改（提交后）" diff={diffSection(SECTION_TABLE[key], atSubmission[key], sections[key])} />
          {atLastReturn ? <Changes title="上轮退回后撰稿人的修改" diff={diffSection(SECTION_TABLE[key], atLastReturn[key], atSubmission[key])} /> : null}
        </section>
      ))}
      <section className="card" aria-labelledby="comment-heading">
        <h2 id="comment-heading">添加意见</h2>
        <ActionForm action={commentAction.bind(null, reportId)} submitLabel="添加意见" resetOnSuccess>
          <Field name="sectionKey" label="部分" options={SECTION_KEYS.map((k) => ({ value: k, label: SECTION_TITLES[k] }))} />
          <Field name="text" label="意见" maxLength={2000} />
        </ActionForm>
      </section>
      {colleagues.length ? (
        <section className="card" aria-labelledby="handover-heading">
          <h2 id="handover-heading">转交</h2>
          <ActionForm action={handOverAction.bind(null, reportId, round.id)} submitLabel="转交" buttonClassName="button secondary">
            <Field name="toUserId" label="转交给" options={[{ value: "", label: "请选择" }, ...colleagues.map((c) => ({ value: c.id, label: c.displayName }))]} />
            <Field name="note" label="说明" maxLength={2000} />
          </ActionForm>
        </section>
      ) : null}
      <DecisionForm action={decideAction.bind(null, reportId, round.id, round.stageIndex)} warnings={warnings} scanFindings={scan} />
    </>
  );
}

function SectionView({ sectionKey, content }: { sectionKey: SectionKey; content: SectionContent }) {
  if (content.kind === "narrative") {
    return <div className="report-text">{paragraphsOf(content.text).map((p, i) => (p.kind === "heading" ? <h3 key={i}>{p.text}</h3> : <p key={i}>{p.text}</p>))}</div>;
  }
  const table = SECTION_TABLE[sectionKey]!;
  const cells = withTotals(table, content.cells);
  return (
    <>
      <div className="table-scroll">
        <FormTable layout={TABLE_LAYOUTS[table]} className="form-table" title="label" renderValue={(cell) => cellText(cells[cell.cell])} />
      </div>
      {content.note ? <p>{content.note}</p> : null}
    </>
  );
}

function Changes({ title, diff }: { title: string; diff: SectionDiff }) {
  const changed = diff.cells.length > 0 || diff.text.some((p) => p.kind !== "same");
  if (!changed) return null;
  return (
    <details open className="tracked-changes">
      <summary>{title}</summary>
      {diff.cells.length ? (
        <ul>
          {diff.cells.map((c) => (
            <li key={c.cell}>
              {c.label}：<del className="diff">{c.before || "（空）"}</del> → <ins className="diff">{c.after || "（空）"}</ins>
            </li>
          ))}
        </ul>
      ) : null}
      {diff.text.some((p) => p.kind !== "same") ? (
        <p style={{ whiteSpace: "pre-wrap" }}>
          {diff.text.map((p, i) =>
            p.kind === "added" ? (
              <ins key={i} className="diff">
                {p.text}
              </ins>
            ) : p.kind === "removed" ? (
              <del key={i} className="diff">
                {p.text}
              </del>
            ) : (
              <span key={i}>{p.text}</span>
            ),
          )}
        </p>
      ) : null}
    </details>
  );
}
