"use client";
import { cellLabel, type TableNumber } from "@/lib/report-format/format";
import type { SectionContent } from "@/lib/report-format/content";
import type { Conflict } from "./use-autosave";

/** Both versions side by side, so that whoever saved second keeps what they typed and chooses knowingly. */
export function ConflictView({
  table,
  mine,
  theirs,
  onKeepMine,
  onTakeTheirs,
}: {
  table: TableNumber | undefined;
  mine: SectionContent;
  theirs: Conflict;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}) {
  const when = new Date(theirs.updatedAt).toLocaleTimeString("zh-CN", { hour: "2-digit", minute: "2-digit" });
  return (
    <section className="card conflict" role="alert" aria-labelledby="conflict-heading">
      <h2 id="conflict-heading">
        保存冲突：{theirs.editorName ?? "其他人"} 于 {when} 保存了这一部分
      </h2>
      <p>您的修改没有丢失，也还没有覆盖对方的内容。请对照两个版本后选择；需要合并时，可从对方版本中复制文字到您的版本。</p>
      <div className="conflict-columns">
        <div>
          <h3>您的版本（未保存）</h3>
          <ContentView table={table} content={mine} testId="conflict-mine" />
        </div>
        <div>
          <h3>{theirs.editorName ?? "对方"}的版本（已保存）</h3>
          <ContentView table={table} content={theirs.content} other={mine} testId="conflict-theirs" />
        </div>
      </div>
      <div className="inline-form">
        <button type="button" className="button" onClick={onKeepMine}>
          保存我的版本
        </button>
        <button type="button" className="button secondary" onClick={onTakeTheirs}>
          放弃我的修改，采用对方版本
        </button>
      </div>
    </section>
  );
}

function ContentView({ table, content, other, testId }: { table: TableNumber | undefined; content: SectionContent; other?: SectionContent; testId: string }) {
  if (content.kind === "narrative") {
    return <textarea readOnly className="narrative" rows={10} value={content.text} data-testid={testId} aria-label="内容" />;
  }
  const differing = Object.keys(content.cells).filter((cell) => other?.kind === "table" && other.cells[cell] !== content.cells[cell]);
  return (
    <div data-testid={testId}>
      {other ? (
        differing.length ? (
          <ul>
            {differing.map((cell) => (
              <li key={cell}>
                {table ? cellLabel(table, cell) : cell}：对方为“{content.cells[cell]}”，您为“{other.kind === "table" ? other.cells[cell] : ""}”
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">单元格相同。</p>
        )
      ) : (
        <p className="muted">表格（{Object.values(content.cells).filter(Boolean).length} 个单元格已填写）</p>
      )}
      {content.note ? <p>说明：{content.note}</p> : null}
    </div>
  );
}
