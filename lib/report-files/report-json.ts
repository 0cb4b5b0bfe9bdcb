// The report as a JSON file: schema "nianbao.report/1" (documented in
// docs/report-json.md). Exports carry every cell of the official form, totals
// included; parsing reports structural problems in Chinese. Pure.
import { z } from "zod";
import { text } from "@/lib/validation/fields";
import { ORGAN_KINDS, type OrganKind } from "@/lib/domain/organ-kinds";
import { withComputedTotals } from "@/lib/report-format/cells";
import type { Finding } from "@/lib/report-format/checks";
import { cellValueField, emptySection, narrativeTextField, tableNoteField, type ReportSections, type SectionContent } from "@/lib/report-format/content";
import { ALL_CELLS, FORMAT_2019_LABELS, SECTION_KEYS, SECTION_TABLE, SECTION_TITLES, type SectionKey } from "@/lib/report-format/format";

export const REPORT_JSON_SCHEMA = "nianbao.report/1";

// The section fields are the editor's own (lib/report-format/content.ts): the same limits, and
// HTML refused, whether text is typed or imported.
const textSection = z.object({ key: z.enum(SECTION_KEYS), title: text(), text: narrativeTextField });
const tableSection = z.object({
  key: z.enum(SECTION_KEYS),
  title: text(),
  note: tableNoteField.default(""),
  cells: z.record(text().max(40, "单元格名称无效。"), z.union([cellValueField, z.number().transform(String).pipe(cellValueField)])),
});

const fileSchema = z.object({
  schema: z.literal(REPORT_JSON_SCHEMA, { error: `schema 应为 "${REPORT_JSON_SCHEMA}"` }),
  organ: z.object({ name: text().min(1).max(60), code: text().min(1).max(40), kind: z.enum(ORGAN_KINDS) }),
  year: z.number().int().min(2008).max(2100),
  title: text().max(200),
  sections: z.array(z.union([tableSection, textSection])).max(6, "sections 最多 6 项"),
});

export type ReportJson = {
  schema: typeof REPORT_JSON_SCHEMA;
  organ: { name: string; code: string; kind: OrganKind };
  year: number;
  title: string;
  sections: Array<{ key: SectionKey; title: string; text: string } | { key: SectionKey; title: string; note: string; cells: Record<string, string> }>;
};

export function toReportJson(report: { organ: ReportJson["organ"]; year: number; title: string; sections: ReportSections }): ReportJson {
  const full = withComputedTotals(report.sections);
  return {
    schema: REPORT_JSON_SCHEMA,
    organ: report.organ,
    year: report.year,
    title: report.title,
    sections: SECTION_KEYS.map((key) => {
      const content = full[key];
      return content.kind === "narrative"
        ? { key, title: SECTION_TITLES[key], text: content.text }
        : { key, title: SECTION_TITLES[key], note: content.note, cells: Object.fromEntries(ALL_CELLS[SECTION_TABLE[key]!].map((c) => [c, content.cells[c] ?? ""])) };
    }),
  };
}

export type ParsedReportJson =
  { ok: true; organ: ReportJson["organ"]; year: number; title: string; sections: ReportSections; findings: Finding[] } | { ok: false; problems: string[] };

/** Reads a report file. Structure problems refuse it; a missing, misplaced or misnamed section is a SECTIONS finding. */
export function parseReportJson(raw: unknown): ParsedReportJson {
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((i) => `${i.path.join(".") || "文件"}：${i.message}`) };
  }
  const file = parsed.data;
  const problems: string[] = [];
  const findings: Finding[] = [];
  const sections = {} as ReportSections;
  file.sections.forEach((section, index) => {
    const key = section.key;
    const table = SECTION_TABLE[key];
    if (SECTION_KEYS[index] !== key) {
      findings.push({ id: "SECTIONS", severity: "error", section: key, message: `${SECTION_TITLES[key]}：位置不对，应为第 ${SECTION_KEYS.indexOf(key) + 1} 部分`, cells: [] });
    }
    if (section.title !== SECTION_TITLES[key]) {
      findings.push({ id: "SECTIONS", severity: "error", section: key, message: `第 ${index + 1} 部分标题为“${section.title}”，应为“${SECTION_TITLES[key]}”`, cells: [] });
    }
    if (table) {
      if (!("cells" in section)) {
        problems.push(`sections.${index}：${SECTION_TITLES[key]} 应包含 cells（表${table}）`);
        return;
      }
      const allowed = new Set(ALL_CELLS[table]);
      for (const cell of Object.keys(section.cells)) {
        if (allowed.has(cell)) continue;
        const old = FORMAT_2019_LABELS.find((label) => cell.includes(label));
        if (old) {
          findings.push({ id: "FORMAT", severity: "error", section: key, message: `${SECTION_TITLES[key]}：含有已废止的 2019 年格式项目“${old}”`, cells: [] });
        } else problems.push(`sections.${index}.cells：未知单元格“${cell}”`);
      }
      const cells = Object.fromEntries(ALL_CELLS[table].map((c) => [c, section.cells[c] ?? ""]));
      sections[key] = { kind: "table", note: "note" in section ? section.note : "", cells };
    } else {
      if (!("text" in section)) {
        problems.push(`sections.${index}：${SECTION_TITLES[key]} 应包含 text`);
        return;
      }
      sections[key] = { kind: "narrative", text: section.text };
    }
  });
  for (const key of SECTION_KEYS) {
    if (!sections[key]) {
      findings.push({ id: "SECTIONS", severity: "error", section: key, message: `缺少“${SECTION_TITLES[key]}”`, cells: [] });
      sections[key] = emptySection(key) as SectionContent;
    }
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, organ: file.organ, year: file.year, title: file.title, sections, findings };
}
