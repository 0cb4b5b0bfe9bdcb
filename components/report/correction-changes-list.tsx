import type { CorrectionChange } from "@/lib/publish/correction-changes";

/** What a correction changed, as the public page will list it (for the 发布人 before publishing). */
export function CorrectionChangesList({ changes }: { changes: CorrectionChange[] }) {
  if (changes.length === 0) return <p className="muted">正文和表格没有改动。</p>;
  return (
    <ul data-testid="correction-changes">
      {changes.map((c, i) =>
        c.kind === "cell" ? (
          <li key={i}>
            {c.label}：由 <strong>{c.before.trim() || "（空）"}</strong> 改为 <strong>{c.after.trim() || "（空）"}</strong>
          </li>
        ) : (
          <li key={i}>
            {c.section}：{c.lead}
            {c.removed ? <del className="diff">{c.removed}</del> : null}
            {c.added ? <ins className="diff">{c.added}</ins> : null}
            {c.tail}
          </li>
        ),
      )}
    </ul>
  );
}
