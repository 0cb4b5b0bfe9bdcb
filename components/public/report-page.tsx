// The public page of a published report, rendered once at publish time (through
// lib/publish/render-published-pages.tsx) into a complete document without any script.
// No hooks.
import { cellText, FormTable } from "@/components/report/form-table";
import { CorrectionChangesList } from "@/components/report/correction-changes-list";
import { withComputedTotals } from "@/lib/report-format/cells";
import { paragraphsOf, type ReportSections } from "@/lib/report-format/content";
import { NUMBERED_SECTION_KEYS, SECTION_TABLE, SECTION_TITLES, type SectionKey } from "@/lib/report-format/format";
import { TABLE_LAYOUTS } from "@/lib/report-format/table-layouts";
import type { CorrectionChanges } from "@/lib/publish/correction-changes";
import { homePath, organPath, reportPath, type Script } from "@/lib/publish/public-paths";
import type { PublishedSnapshot } from "@/lib/publish/snapshot";
import { chineseDate, metadataRows, snapshotMetadata } from "@/lib/domain/publication-metadata";
import { OutcomesChart, TrendChart } from "./charts";
import { formatDate } from "@/lib/format-time";
import { PublicDocument } from "./public-document";

export type PageVariant = "latest" | "version";

function Narrative({ text }: { text: string }) {
  return paragraphsOf(text).map((p, i) => (p.kind === "heading" ? <h3 key={i}>{p.text}</h3> : <p key={i}>{p.text}</p>));
}

function Section({ sectionKey, sections }: { sectionKey: SectionKey; sections: ReportSections }) {
  const content = sections[sectionKey];
  const title = SECTION_TITLES[sectionKey];
  const table = SECTION_TABLE[sectionKey];
  return (
    <section aria-labelledby={`s-${sectionKey}`}>
      <h2 id={`s-${sectionKey}`}>{title}</h2>
      {content.kind === "narrative" ? (
        <Narrative text={content.text} />
      ) : (
        <>
          <div className="scroll" role="region" aria-label={`${title}表格`} tabIndex={0}>
            {table ? <FormTable layout={TABLE_LAYOUTS[table]} className="form" renderValue={(cell) => cellText(content.cells[cell.cell])} /> : null}
          </div>
          {content.note.trim() ? <Narrative text={content.note} /> : null}
        </>
      )}
    </section>
  );
}

function Changes({ changes, organCode, year, script }: { changes: CorrectionChanges; organCode: string; year: number; script: Script }) {
  const { sinceVersion, items } = changes;
  return (
    <section aria-labelledby="changes" className="changes">
      <h2 id="changes">本次更正的内容（与第 {sinceVersion} 版相比）</h2>
      <CorrectionChangesList changes={items} earlier={<a href={reportPath(organCode, year, sinceVersion, script)}>第 {sinceVersion} 版</a>} />
    </section>
  );
}

/** The complete document, for the plain address (latest) or the version's fixed address. */
export function ReportPage({ snapshot, script, variant }: { snapshot: PublishedSnapshot; script: Script; variant: PageVariant }) {
  const sections = withComputedTotals(snapshot.sections);
  const { organ, year, version } = snapshot;
  const fixed = variant === "version" ? version : undefined;
  const files = reportPath(organ.code, year, version);
  const versions = [...snapshot.history, { version, publishedAt: snapshot.publishedAt, correctionNote: snapshot.correctionNote }].sort((a, b) => b.version - a.version);
  const published = formatDate(snapshot.publishedAt);
  return (
    <PublicDocument
      script={script}
      title={snapshot.title}
      canonical={reportPath(organ.code, year, fixed, script)}
      switchPath={reportPath(organ.code, year, fixed, script === "hans" ? "hant" : "hans")}
      footer={<p>{organ.name} · 依据《中华人民共和国政府信息公开条例》发布</p>}
    >
      <nav aria-label="位置" className="crumbs">
        <a href={homePath(script)}>首页</a> › <a href={organPath(organ.code, script)}>{organ.name}</a>
      </nav>
      {variant === "version" ? (
        <p className="notice" role="note">
          本页为第 {version} 版的固定地址，内容不会改变。<a href={reportPath(organ.code, year, undefined, script)}>查看最新版本</a>
        </p>
      ) : null}
      <dl className="meta">
        {metadataRows(snapshotMetadata(snapshot)).map((row) => (
          <div key={row.key}>
            <dt>{row.label}</dt>
            <dd>{row.key === "issuedOn" ? chineseDate(row.value) : row.value}</dd>
          </div>
        ))}
      </dl>
      <article>
        <h1>{snapshot.title}</h1>
        {snapshot.correctionNote ? (
          <aside className="correction" aria-label="更正说明">
            <strong>更正说明（{published}）：</strong>
            {snapshot.correctionNote}
          </aside>
        ) : null}
        {snapshot.changes ? <Changes changes={snapshot.changes} organCode={organ.code} year={year} script={script} /> : null}
        {sections.intro.kind === "narrative" && sections.intro.text.trim() ? (
          <div className="intro">
            <Narrative text={sections.intro.text} />
          </div>
        ) : null}
        {NUMBERED_SECTION_KEYS.map((key) => (
          <Section key={key} sectionKey={key} sections={sections} />
        ))}
      </article>
      <section aria-labelledby="charts" className="charts">
        <h2 id="charts">图解</h2>
        {sections.requests.kind === "table" ? <OutcomesChart cells={sections.requests.cells} /> : null}
        <TrendChart points={snapshot.trend ?? []} />
      </section>
      <section aria-labelledby="downloads" className="downloads">
        <h2 id="downloads">下载</h2>
        <ul>
          <li>
            <a href={`${files}/report.docx`}>Word 文档（.docx）</a>
          </li>
          <li>
            <a href={`${files}/tables.csv`}>表格数据（CSV）</a>
          </li>
          <li>
            <a href={`${files}/report.json`}>完整数据（JSON）</a>
          </li>
        </ul>
      </section>
      <section aria-labelledby="versions" className="versions">
        <h2 id="versions">版本记录</h2>
        <ol reversed>
          {versions.map((v) => (
            <li key={v.version}>
              {v.version === version ? (
                <>
                  <strong>第 {v.version} 版</strong>（本页）
                </>
              ) : (
                <a href={reportPath(organ.code, year, v.version, script)}>第 {v.version} 版</a>
              )}
              ，{formatDate(v.publishedAt)}发布{v.correctionNote ? `；更正说明：${v.correctionNote}` : ""}
            </li>
          ))}
        </ol>
        <p className="approvals">审核：{snapshot.approvals.map((a) => `${a.stage} ${a.name}`).join("；")}</p>
      </section>
    </PublicDocument>
  );
}
