// What a section holds, and its schema. Cells are kept exactly as typed (strings),
// so a wrong value is saved, shown and flagged at the cell rather than lost.
// Browser-safe.
import { z } from "zod";
import { text } from "@/lib/validation/fields";
import { NOTE_TEXT_LIMIT, OVERVIEW_SUBHEADINGS, SECTION_KEYS, SECTION_TABLE, SECTION_TEXT_LIMIT, TYPED_CELLS, type SectionKey } from "./format";

export type NarrativeContent = { kind: "narrative"; text: string };
export type TableContent = { kind: "table"; note: string; cells: Record<string, string> };
export type SectionContent = NarrativeContent | TableContent;
export type ReportSections = Record<SectionKey, SectionContent>;

export const CELL_TEXT_LIMIT = 20;

const HTML_TAG = /<\/?[a-zA-Z][^>]*>/;
const plainText = (limit: number, what: string) =>
  text(`${what}应为文字。`)
    .max(limit, `${what}不能超过 ${limit.toLocaleString("zh-CN")} 个字符。`)
    .refine((text) => !HTML_TAG.test(text), "不接受 HTML 标签，请输入纯文本。");

// The fields of a section, shared by every way text comes in: the editor's saves, restores
// and the JSON import.
export const narrativeTextField = plainText(SECTION_TEXT_LIMIT, "本部分");
export const tableNoteField = plainText(NOTE_TEXT_LIMIT, "表格说明");
export const cellValueField = text("单元格内容应为文字。").max(CELL_TEXT_LIMIT, `单元格内容不能超过 ${CELL_TEXT_LIMIT} 个字符。`);

export const narrativeContentSchema = z.object({ kind: z.literal("narrative"), text: narrativeTextField });

export function tableContentSchema(key: SectionKey) {
  const table = SECTION_TABLE[key]!;
  const allowed = new Set(TYPED_CELLS[table]);
  return z.object({
    kind: z.literal("table"),
    note: tableNoteField,
    cells: z.record(z.string(), cellValueField).refine((cells) => Object.keys(cells).every((k) => allowed.has(k)), "表格中有不属于本表的单元格。"),
  });
}

/** A section as stored (Section.content, revisions, snapshots): its shape, read back without re-judging the text. */
export const storedSectionContentSchema: z.ZodType<SectionContent> = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("narrative"), text: z.string() }),
  z.object({ kind: z.literal("table"), note: z.string(), cells: z.record(z.string(), z.string()) }),
]);

/** Every part as stored in a publication's snapshot; snapshots taken before the 引言 existed read with an empty one. */
export const storedSectionsSchema: z.ZodType<ReportSections> = z.object({
  ...(Object.fromEntries(SECTION_KEYS.map((key) => [key, storedSectionContentSchema])) as Record<SectionKey, typeof storedSectionContentSchema>),
  intro: storedSectionContentSchema.default(() => emptySection("intro")),
}) as z.ZodType<ReportSections>;

export function sectionContentSchema(key: SectionKey): z.ZodType<SectionContent> {
  return (SECTION_TABLE[key] ? tableContentSchema(key) : narrativeContentSchema) as z.ZodType<SectionContent>;
}

export function isSectionKey(value: unknown): value is SectionKey {
  return typeof value === "string" && (SECTION_KEYS as ReadonlyArray<string>).includes(value);
}

export function emptySection(key: SectionKey): SectionContent {
  const table = SECTION_TABLE[key];
  if (table) return { kind: "table", note: "", cells: Object.fromEntries(TYPED_CELLS[table].map((c) => [c, ""])) };
  if (key === "overview") return { kind: "narrative", text: OVERVIEW_SUBHEADINGS.map((h) => `${h}\n`).join("\n") };
  return { kind: "narrative", text: "" };
}

/** Whether a part holds nothing to show: an empty 引言 is left out of the public page, Word, JSON and the content hash. */
export function isEmptySection(content: SectionContent): boolean {
  return content.kind === "narrative" ? content.text.trim() === "" : content.note.trim() === "" && Object.values(content.cells).every((v) => v.trim() === "");
}

export function emptySections(): ReportSections {
  return Object.fromEntries(SECTION_KEYS.map((k) => [k, emptySection(k)])) as ReportSections;
}

/** Paragraphs of a narrative; a line starting with （一）…（十） is a sub-heading, also written with half-width parentheses (pasted text). */
export function paragraphsOf(text: string): Array<{ kind: "heading" | "paragraph"; text: string }> {
  return text
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => ({ kind: /^[（(][一二三四五六七八九十][）)]/.test(line) ? "heading" : "paragraph", text: line }));
}
