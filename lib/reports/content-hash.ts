import { createHash } from "node:crypto";
import { canonicalJson } from "@/lib/audit/hash";
import { isEmptySection, type ReportSections } from "@/lib/report-format/content";

/** The hash of a section's (or a report's) content, recorded in the audit log with each save. */
export function contentHash(content: unknown): string {
  return createHash("sha256").update(canonicalJson(content)).digest("hex");
}

/**
 * The hash of a whole report's text, the one review approves and publishing compares. An empty
 * 引言 is left out, so a report's hash reads the same as before the 引言 existed (an approved report
 * stays publishable across the upgrade that added it).
 */
export function reportContentHash(sections: ReportSections): string {
  if (!isEmptySection(sections.intro)) return contentHash(sections);
  const { intro: _intro, ...numbered } = sections;
  return contentHash(numbered);
}
