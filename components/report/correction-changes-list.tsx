// What a correction changed, as a list: on the public page of the corrected version,
// and for the 发布人 before publishing it (the same list, so what they check is what
// readers will see). No hooks: it also renders through react-dom/server's static rendering.
import type { ReactNode } from "react";
import type { CorrectionChange } from "@/lib/publish/correction-changes";

/** A correction that rewrote everything lists its first changes and points to the earlier version for the rest. */
export const CHANGES_LISTED = 100;

const Value = ({ text }: { text: string }) => <strong>{text.trim() ? text : "（空）"}</strong>;

/** Struck-through or inserted text, announced as such by screen readers (which do not read del and ins). */
function Marked({ tag: Tag, label, text }: { tag: "del" | "ins"; label: string; text: string }) {
  if (!text) return null;
  return (
    <Tag className="diff">
      <span className="sr-only">［{label}：</span>
      {text}
      <span className="sr-only">］</span>
    </Tag>
  );
}

/**
 * `earlier`: a link to the version the correction is compared with (the public page);
 * without it the list is the 发布人's preview, under a heading that names that version.
 */
export function CorrectionChangesList({ changes, earlier }: { changes: CorrectionChange[]; earlier?: ReactNode }) {
  if (changes.length === 0) {
    return earlier ? <p>与{earlier}相比，正文和表格没有改动。</p> : <p className="muted">正文和表格没有改动。</p>;
  }
  const unlisted = changes.length - CHANGES_LISTED;
  return (
    <>
      <ul data-testid="correction-changes">
        {changes.slice(0, CHANGES_LISTED).map((c, i) =>
          c.kind === "cell" ? (
            <li key={i}>
              {c.label}：由 <Value text={c.before} /> 改为 <Value text={c.after} />
            </li>
          ) : (
            <li key={i}>
              {c.section}：{c.lead}
              <Marked tag="del" label="删去" text={c.removed} />
              <Marked tag="ins" label="新增" text={c.added} />
              {c.tail}
            </li>
          ),
        )}
      </ul>
      {unlisted > 0 ? (
        <p>
          另有 {unlisted} 处改动未列出{earlier ? <>，请对照{earlier}</> : null}。
        </p>
      ) : null}
    </>
  );
}
