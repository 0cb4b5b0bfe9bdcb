import "server-only";
import { db, type Tx } from "@/lib/db/client";
import { readJsonColumn } from "@/lib/db/json-column";
import { emptySections, storedSectionContentSchema, type ReportSections, type SectionContent } from "@/lib/report-format/content";

/** A section's stored content (Section.content, SectionRevision.content). */
export const readSectionContent = (json: unknown): SectionContent => readJsonColumn(storedSectionContentSchema, json, "Section.content");

/** A report's sections as plain content (a missing section reads as empty). */
export function loadSections(reportId: string): Promise<ReportSections> {
  return loadSectionsIn(db(), reportId);
}

/** The same, inside a transaction. */
export async function loadSectionsIn(client: Tx | ReturnType<typeof db>, reportId: string): Promise<ReportSections> {
  const rows = await client.section.findMany({ where: { reportId }, select: { key: true, content: true } });
  const sections = emptySections();
  for (const row of rows) sections[row.key] = readSectionContent(row.content);
  return sections;
}
