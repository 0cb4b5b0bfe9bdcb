import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/action-form";
import { FormTable } from "@/components/report/form-table";
import { requireOrganPermission } from "@/lib/auth/current-actor";
import { withComputedTotals } from "@/lib/report-format/cells";
import { SECTION_KEYS, SECTION_TABLE, SECTION_TITLES } from "@/lib/report-format/format";
import { TABLE_LAYOUTS } from "@/lib/report-format/table-layouts";
import { findExternalReport } from "@/lib/reports/external-reports";
import { correctExternalAction } from "../actions";

export const metadata: Metadata = { title: "外部导入的历年报告" };

/** One 外部导入 year: its source and metadata, and the form that corrects it (audited). */
export default async function ExternalYearPage({
  params,
  searchParams,
}: {
  params: Promise<{ organId: string; year: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { organId, year: yearText } = await params;
  await requireOrganPermission("organ.importHistory", organId);
  const year = /^\d{4}$/.test(yearText) ? Number(yearText) : null;
  const report = year ? await findExternalReport(organId, year) : null;
  if (!report || !year) notFound();
  const added = (await searchParams).added === "1";
  const sections = withComputedTotals(report.sections);
  return (
    <>
      <p>
        <Link href={`/organs/${organId}/history`}>← 历年报告（外部导入）</Link>
      </p>
      <h1>{report.title}</h1>
      {added ? (
        <p className="notice ok" role="status">
          已添加为外部导入的 {year} 年度报告。
        </p>
      ) : null}
      <div className="card">
        <dl className="meta">
          <dt>类型</dt>
          <dd>外部导入（未经本平台审核和发布）</dd>
          <dt>来源</dt>
          <dd>{report.source}</dd>
          <dt>原发布地址</dt>
          <dd>{report.sourceUrl ?? "未记录"}</dd>
          <dt>索引号</dt>
          <dd>{report.indexNumber ?? "未记录"}</dd>
          <dt>发布机构</dt>
          <dd>{report.publisher ?? "未记录"}</dd>
          <dt>发文日期</dt>
          <dd>{report.issuedOn ?? "未记录"}</dd>
          <dt>文件编号</dt>
          <dd>{report.documentNumber ?? "未记录"}</dd>
          <dt>导入人</dt>
          <dd>{report.createdByName}</dd>
        </dl>
        {report.intro ? <p>引言：{report.intro}</p> : null}
      </div>
      <section className="card" aria-labelledby="correct-heading">
        <h2 id="correct-heading">更正</h2>
        <p className="muted">导入有误时在此更正（如数字读错）。每次更正记入操作日志，写明改动之处。</p>
        <ActionForm action={correctExternalAction.bind(null, organId, year)} submitLabel="保存更正">
          <input type="hidden" name="expectedVersion" value={report.version} />
          <div className="field">
            <label htmlFor="sourceUrl">原发布地址</label>
            <input id="sourceUrl" name="sourceUrl" type="url" defaultValue={report.sourceUrl ?? ""} />
          </div>
          {SECTION_KEYS.map((key) => {
            const content = sections[key];
            const table = SECTION_TABLE[key];
            if (content.kind === "narrative") {
              return (
                <div className="field" key={key}>
                  <label htmlFor={`text-${key}`}>{SECTION_TITLES[key]}</label>
                  <textarea id={`text-${key}`} name={`text.${key}`} rows={6} defaultValue={content.text} />
                </div>
              );
            }
            return (
              <fieldset key={key}>
                <legend>{SECTION_TITLES[key]}</legend>
                <div className="table-scroll">
                  <FormTable
                    layout={TABLE_LAYOUTS[table!]}
                    className="form-table"
                    title="label"
                    renderValue={(cell) =>
                      cell.computed ? (
                        (content.cells[cell.cell] ?? "")
                      ) : (
                        <input name={`cell.${key}.${cell.cell}`} aria-label={cell.label} defaultValue={content.cells[cell.cell] ?? ""} size={5} />
                      )
                    }
                  />
                </div>
                <div className="field">
                  <label htmlFor={`note-${key}`}>{SECTION_TITLES[key]}的表格说明</label>
                  <textarea id={`note-${key}`} name={`note.${key}`} rows={2} defaultValue={content.note} />
                </div>
              </fieldset>
            );
          })}
        </ActionForm>
      </section>
    </>
  );
}
