import { readJsonColumn } from "@/lib/db/json-column";
import type { OrganWordLists } from "@/lib/review/confidentiality-scan";
import { storedWrongTermsSchema } from "@/lib/review/review-settings";

/** The organ's lists for the scan, as stored (Organ.sensitiveWords, Organ.wrongTerms). */
export function organWordLists(organ: { sensitiveWords: string[]; wrongTerms: unknown }): OrganWordLists {
  return { sensitiveWords: organ.sensitiveWords, wrongTerms: readJsonColumn(storedWrongTermsSchema, organ.wrongTerms, "Organ.wrongTerms") };
}
