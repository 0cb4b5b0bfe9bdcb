// What a correction changed, version against version, for the public page: the
// publisher's 更正说明 says why; this list says exactly what, so that a correction
// can never change a number or a sentence without it showing. Pure.
import { withComputedTotals } from "@/lib/report-format/cells";
import type { ReportSections } from "@/lib/report-format/content";
import { diffSection, type TextPart } from "@/lib/report-format/diff";
import { SECTION_KEYS, SECTION_TABLE, SECTION_TITLES } from "@/lib/report-format/format";

export type CorrectionChange =
  | { section: string; kind: "cell"; label: string; before: string; after: string }
  /** A changed passage with a little unchanged text either side, to find it by ("…" where that text is cut). */
  | { section: string; kind: "text"; lead: string; removed: string; added: string; tail: string };

export type CorrectionChanges = { sinceVersion: number; items: CorrectionChange[] };

const CONTEXT = 12;
// A rewritten sentence shares stray words (的, 公开, 工作) with the old one; unchanged
// text this short between two changes joins them into one passage, so the reader sees
// old sentence, new sentence rather than a dozen fragments.
const JOIN_BELOW = 10;

/** Every changed cell (totals included, as the page shows them) and every changed passage, in page order. */
export function correctionChanges(previous: ReportSections, next: ReportSections): CorrectionChange[] {
  const [before, after] = [withComputedTotals(previous), withComputedTotals(next)];
  return SECTION_KEYS.flatMap((key) => {
    const section = SECTION_TITLES[key];
    const diff = diffSection(SECTION_TABLE[key], before[key], after[key]);
    return [
      ...diff.cells.map((c): CorrectionChange => ({ section, kind: "cell", label: c.label, before: c.before, after: c.after })),
      ...changedPassages(diff.text).map((p): CorrectionChange => ({ section, kind: "text", ...p })),
    ];
  });
}

/** Runs of removed and added parts, each with the end of the text before it and the start of the text after it. */
function changedPassages(parts: TextPart[]) {
  const passages: Array<{ lead: string; removed: string; added: string; tail: string }> = [];
  let open: (typeof passages)[number] | null = null;
  let lastSame = "";
  for (const [index, part] of parts.entries()) {
    if (part.kind === "same") {
      // The diff merges neighbouring unchanged parts, so one that is not last has a change after it.
      if (open && part.text.length < JOIN_BELOW && index < parts.length - 1) {
        open.removed += part.text;
        open.added += part.text;
        continue;
      }
      if (open) {
        open.tail = part.text.length > CONTEXT ? `${part.text.slice(0, CONTEXT)}…` : part.text;
        passages.push(open);
        open = null;
      }
      lastSame = part.text;
      continue;
    }
    open ??= { lead: lastSame.length > CONTEXT ? `…${lastSame.slice(-CONTEXT)}` : lastSame, removed: "", added: "", tail: "" };
    if (part.kind === "removed") open.removed += part.text;
    else open.added += part.text;
  }
  if (open) passages.push(open);
  return passages;
}
