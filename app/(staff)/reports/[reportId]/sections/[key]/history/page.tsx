import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/action-form";
import { can } from "@/lib/auth/permissions";
import { formatDateTime } from "@/lib/format-time";
import { findOrganScope } from "@/lib/auth/organ-scope";
import { isSectionKey } from "@/lib/report-format/content";
import { diffSection } from "@/lib/report-format/diff";
import { SECTION_TABLE, SECTION_TITLES } from "@/lib/report-format/format";
import { getReportSections, listRevisions } from "@/lib/reports/queries";
import { revisionKindLabel } from "@/lib/domain/revision-kinds";
import { requireReportPage } from "@/lib/reports/require-report-page";
import { restoreRevisionAction } from "./actions";

export const metadata: Metadata = { title: "历史版本" };

export default async function HistoryPage({
  params,
  searchParams,
}: {
  params: Promise<{ reportId: string; key: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { reportId, key } = await params;
  if (!isSectionKey(key)) notFound();
  const query = await searchParams;
  const { actor, report } = await requireReportPage(reportId, "report.view");
  const scope = (await findOrganScope(report.organId))!;
  const [revisions, sections] = await Promise.all([listRevisions(reportId, key), getReportSections(reportId)]);
  const current = sections.find((s) => s.key === key)!;
  const canRestore = can(actor, "report.edit", scope) && report.status === "DRAFT";
  const pick = (value: string | string[] | undefined) => revisions.find((r) => String(r.version) === (Array.isArray(value) ? value[0] : value));
  // Default comparison: the newest revision against the one before it.
  const newer = pick(query.b) ?? revisions[0];
  const older = pick(query.a) ?? revisions.find((r) => newer && r.version < newer.version);
  const diff = older && newer ? diffSection(SECTION_TABLE[key], older.content, newer.content) : null;

  return (
    <>
      <p>
        <Link href={`/reports/${reportId}/sections/${key}`}>← {SECTION_TITLES[key]}</Link>
      </p>
      <h1>历史版本：{SECTION_TITLES[key]}</h1>
      <form className="inline-form card" method="get">
        <label htmlFor="a">比较</label>
        <select id="a" name="a" defaultValue={older?.version}>
          {revisions.map((r) => (
            <option key={r.id} value={r.version}>
              第 {r.version} 版
            </option>
          ))}
        </select>
        <label htmlFor="b">与</label>
        <select id="b" name="b" defaultValue={newer?.version}>
          {revisions.map((r) => (
            <option key={r.id} value={r.version}>
              第 {r.version} 版
            </option>
          ))}
        </select>
        <button type="submit" className="button secondary">
          比较
        </button>
      </form>
      {diff && older && newer ? (
        <section className="card" aria-labelledby="diff-heading" data-testid="diff">
          <h2 id="diff-heading">
            第 {older.version} 版 → 第 {newer.version} 版
          </h2>
          {diff.cells.length ? (
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">单元格</th>
                  <th scope="col">原为</th>
                  <th scope="col">改为</th>
                </tr>
              </thead>
              <tbody>
                {diff.cells.map((c) => (
                  <tr key={c.cell}>
                    <th scope="row">{c.label}</th>
                    <td>
                      <del className="diff">{c.before || "（空）"}</del>
                    </td>
                    <td>
                      <ins className="diff">{c.after || "（空）"}</ins>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          <p style={{ whiteSpace: "pre-wrap" }}>
            {diff.text.map((part, i) =>
              part.kind === "added" ? (
                <ins key={i} className="diff">
                  {part.text}
                </ins>
              ) : part.kind === "removed" ? (
                <del key={i} className="diff">
                  {part.text}
                </del>
              ) : (
                <span key={i}>{part.text}</span>
              ),
            )}
          </p>
          {diff.cells.length === 0 && diff.text.every((p) => p.kind === "same") ? <p className="muted">两个版本相同。</p> : null}
        </section>
      ) : null}
      <div className="table-scroll">
        <table className="data">
          <thead>
            <tr>
              <th scope="col">版本</th>
              <th scope="col">操作</th>
              <th scope="col">修改人</th>
              <th scope="col">时间</th>
              <th scope="col">恢复</th>
            </tr>
          </thead>
          <tbody>
            {revisions.map((r) => (
              <tr key={r.id} data-version={r.version}>
                <th scope="row">
                  第 {r.version} 版{r.version === current.version ? "（当前）" : ""}
                </th>
                <td>{revisionKindLabel(r.kind)}</td>
                <td>{r.authorName}</td>
                <td>{formatDateTime(r.createdAt)}</td>
                <td>
                  {canRestore && r.version !== current.version ? (
                    <ActionForm
                      action={restoreRevisionAction.bind(null, reportId, key, r.id, current.version)}
                      submitLabel={`恢复第 ${r.version} 版`}
                      className="inline-form"
                      buttonClassName="button secondary"
                    />
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
