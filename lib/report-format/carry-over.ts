// Starting a year's report from last year's: narrative copied as starting text,
// table 3 row 二、上年结转 filled from last year's row 四 per column. Pure.
import { emptySections, type ReportSections, type TableContent } from "./content";
import { TABLE3_APPLICANT_COLUMNS, type SectionKey } from "./format";

const CARRIED_NARRATIVES: ReadonlyArray<SectionKey> = ["intro", "overview", "problems", "other"];

export function startFromLastYear(lastYear: ReportSections | null): { sections: ReportSections; carriedOver: SectionKey[] } {
  const sections = emptySections();
  if (!lastYear) return { sections, carriedOver: [] };
  const carriedOver: SectionKey[] = [];
  for (const key of CARRIED_NARRATIVES) {
    const before = lastYear[key];
    if (before.kind === "narrative" && before.text.trim()) {
      sections[key] = { kind: "narrative", text: before.text };
      carriedOver.push(key);
    }
  }
  const lastTable3 = lastYear.requests.kind === "table" ? lastYear.requests.cells : {};
  const table3 = sections.requests as TableContent;
  for (const column of TABLE3_APPLICANT_COLUMNS) {
    table3.cells[`carriedIn.${column}`] = (lastTable3[`carriedOut.${column}`] ?? "").trim();
  }
  return { sections, carriedOver };
}
