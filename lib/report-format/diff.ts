// Comparing two versions of a section: word by word for text (Chinese words found
// with Intl.Segmenter), cell by cell for tables. Pure.
import { diffWords } from "diff";
import type { SectionContent } from "./content";
import { ALL_CELLS, cellLabel, type TableNumber } from "./format";

export type TextPart = { kind: "same" | "added" | "removed"; text: string };
export type CellChange = { cell: string; label: string; before: string; after: string };
export type SectionDiff = { text: TextPart[]; cells: CellChange[] };

const segmenter = new Intl.Segmenter("zh", { granularity: "word" });

export function diffText(before: string, after: string): TextPart[] {
  return diffWords(before, after, { intlSegmenter: segmenter }).map((part) => ({
    kind: part.added ? "added" : part.removed ? "removed" : "same",
    text: part.value,
  }));
}

export function diffSection(table: TableNumber | undefined, before: SectionContent, after: SectionContent): SectionDiff {
  if (before.kind === "narrative" && after.kind === "narrative") return { text: diffText(before.text, after.text), cells: [] };
  if (before.kind === "table" && after.kind === "table" && table) {
    // In the form's reading order (row by row), whatever order the cells were stored in.
    const keys = [...new Set([...ALL_CELLS[table], ...Object.keys(before.cells), ...Object.keys(after.cells)])];
    const cells = keys
      .filter((cell) => (before.cells[cell] ?? "") !== (after.cells[cell] ?? ""))
      .map((cell) => ({ cell, label: cellLabel(table, cell), before: before.cells[cell] ?? "", after: after.cells[cell] ?? "" }));
    return { text: diffText(before.note, after.note), cells };
  }
  return { text: [], cells: [] };
}
