import { createHash } from "node:crypto";
import { canonicalJson } from "@/lib/audit/hash";

/** The hash of a section's (or a report's) content, recorded in the audit log with each save. */
export function contentHash(content: unknown): string {
  return createHash("sha256").update(canonicalJson(content)).digest("hex");
}
