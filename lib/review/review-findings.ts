import type { Finding } from "@/lib/report-format/checks";
import type { ReportSections } from "@/lib/report-format/content";
import { SECTION_KEYS, SECTION_TITLES } from "@/lib/report-format/format";
import { scanText, type OrganWordLists, type ScanFinding } from "./confidentiality-scan";

/** A warning's identity for acknowledgements: its rule and its message (which names the numbers). */
export const warningKey = (f: Finding) => `${f.id}|${f.message}`;

/** The scan over every text of the report: narratives, table notes, and table cells. */
export function scanReport(sections: ReportSections, lists?: OrganWordLists): ScanFinding[] {
  return SECTION_KEYS.flatMap((key) => {
    const content = sections[key];
    const text = content.kind === "narrative" ? content.text : [content.note, ...Object.values(content.cells)].join("\n");
    return scanText(text, key, lists).map((f) => ({ ...f, place: SECTION_TITLES[key] }));
  });
}
