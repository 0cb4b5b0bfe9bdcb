// The preview of an import, section by section and cell by cell: what was read from the file,
// what the draft keeps, what stays empty, what was not recognised and the checks on the result.
// No hooks: shown by the draft's import page and the organ's 外部导入 page alike.
import { FormTable, cellText } from "@/components/report/form-table";
import type { CellStatus, ImportPreview } from "@/lib/report-files/import/import-plan";
import { paragraphsOf } from "@/lib/report-format/content";
import { isOptionalSection, TABLE_NAMES } from "@/lib/report-format/format";
import { TABLE_LAYOUTS } from "@/lib/report-format/table-layouts";

const STATUS_LABEL: Record<CellStatus, string> = { read: "已读入", kept: "保留原值", empty: "未识别，留空" };
const SOURCE_LABEL = { table: "已按表格读入", flattened: "文件中不是表格（以符号分隔的文字），未读入数字", missing: "文件中没有此表" } as const;
const METADATA_LABELS = { indexNumber: "索引号", publisher: "发布机构", issuedOn: "发文日期", documentNumber: "文件编号", category: "组配分类" } as const;

export function ImportPreviewView({ preview, keepsMissing = true }: { preview: ImportPreview; keepsMissing?: boolean }) {
  const errors = preview.findings.filter((f) => f.severity === "error");
  const warnings = preview.findings.filter((f) => f.severity === "warning");
  const metadata = Object.entries(METADATA_LABELS).filter(([key]) => preview.metadata[key as keyof typeof METADATA_LABELS]);
  return (
    <div className="import-preview">
      <section className="card" aria-labelledby="import-summary">
        <h2 id="import-summary">识别结果</h2>
        <p>
          标题：{preview.title ?? "未找到"}
          {preview.year ? `（${preview.year} 年度）` : ""}
        </p>
        <p>
          找到的部分：{preview.sections.filter((s) => s.found && !isOptionalSection(s.key)).length} / 6；开头段落（引言）：{preview.intro ? "已找到" : "没有"}
          ；“一、总体情况”的小标题 {preview.foundSubheadings.length} / 5。
          {preview.changedSections.length ? `将改动 ${preview.changedSections.length} 个部分。` : "导入不会改动任何部分。"}
        </p>
        {metadata.length ? (
          <dl className="import-metadata">
            {metadata.map(([key, label]) => (
              <div key={key}>
                <dt>{label}</dt>
                <dd>{preview.metadata[key as keyof typeof METADATA_LABELS]}</dd>
              </div>
            ))}
          </dl>
        ) : null}
      </section>
      {preview.blocking.length ? (
        <section className="card" aria-labelledby="import-blocking">
          <h2 id="import-blocking">不能导入的内容</h2>
          <ul className="notice error">
            {preview.blocking.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {preview.unrecognised.length || preview.readingNotes.length || preview.printedTotals.length ? (
        <section className="card" aria-labelledby="import-unrecognised">
          <h2 id="import-unrecognised">未识别或需要注意的内容</h2>
          <ul>
            {[...preview.readingNotes, ...preview.printedTotals, ...preview.unrecognised].map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {preview.sections.map((section) => (
        <section key={section.key} className="card" aria-labelledby={`import-${section.key}`}>
          <h2 id={`import-${section.key}`}>{section.title}</h2>
          <p className={section.found || isOptionalSection(section.key) ? "muted" : "notice error"}>
            {isOptionalSection(section.key)
              ? section.found
                ? "“一、总体情况”之前的开头段落，作为引言导入。"
                : keepsMissing
                  ? "文件中没有开头段落，保留草稿中的引言。"
                  : "文件中没有开头段落。"
              : section.found
                ? "已找到此部分的标题。"
                : keepsMissing
                  ? "文件中没有找到此部分的标题，保留草稿中的原内容。"
                  : "文件中没有找到此部分的标题，此部分为空。"}
            {section.changed ? "" : " 内容不变。"}
          </p>
          {section.kind === "narrative" ? (
            <div className="report-text">
              {section.text ? (
                paragraphsOf(section.text).map((p, i) => (p.kind === "heading" ? <h3 key={i}>{p.text}</h3> : <p key={i}>{p.text}</p>))
              ) : (
                <p className="muted">（空）</p>
              )}
            </div>
          ) : (
            <>
              <p>
                {TABLE_NAMES[section.table]}：{SOURCE_LABEL[section.source]}。
                <span className="import-legend">
                  {(Object.keys(STATUS_LABEL) as CellStatus[]).map((s) => (
                    <span key={s} className={`import-cell import-${s}`}>
                      {STATUS_LABEL[s]}
                    </span>
                  ))}
                </span>
              </p>
              <div className="table-scroll">
                <FormTable
                  layout={TABLE_LAYOUTS[section.table]}
                  className="form-table"
                  title="label"
                  renderValue={(cell) => {
                    const status = section.status[cell.cell];
                    const previous = section.previous[cell.cell];
                    if (!status) return cellText(section.cells[cell.cell]);
                    return (
                      <span
                        className={`import-cell import-${status}`}
                        data-status={status}
                        title={`${cell.label}：${STATUS_LABEL[status]}${previous ? `（原值 ${previous}）` : ""}`}
                      >
                        {cellText(section.cells[cell.cell])}
                        <span className="sr-only">（{STATUS_LABEL[status]}）</span>
                      </span>
                    );
                  }}
                />
              </div>
              {section.note ? <p>表格说明：{section.note}</p> : null}
            </>
          )}
        </section>
      ))}
      <section className="card" aria-labelledby="import-findings">
        <h2 id="import-findings">导入后的检查结果</h2>
        {preview.findings.length === 0 ? <p>未发现问题。</p> : null}
        {errors.length ? (
          <>
            <h3>错误 {errors.length} 项（须改正后才能提交审核）</h3>
            <ul>
              {errors.slice(0, 50).map((f, i) => (
                <li key={i}>{f.message}</li>
              ))}
            </ul>
            {errors.length > 50 ? <p className="muted">另有 {errors.length - 50} 项，导入后在各部分中查看。</p> : null}
          </>
        ) : null}
        {warnings.length ? (
          <>
            <h3>提示 {warnings.length} 项</h3>
            <ul>
              {warnings.slice(0, 50).map((f, i) => (
                <li key={i}>{f.message}</li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
    </div>
  );
}
