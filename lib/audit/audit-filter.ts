// Filters for the audit page and its CSV export, read from the query string. Browser-safe.
import { z } from "zod";
import { text } from "@/lib/validation/fields";
import { AUDIT_ACTIONS } from "./actions";

const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);

export const auditFilterSchema = z.object({
  action: z.enum(AUDIT_ACTIONS).optional().catch(undefined),
  actor: text().trim().max(50).optional().catch(undefined),
  report: z.string().uuid().optional().catch(undefined),
  from: date,
  to: date,
});
export type AuditFilter = z.output<typeof auditFilterSchema>;

/** Malformed values are ignored rather than refused: a filter is a convenience, not a request to act. */
export function readAuditFilter(params: Record<string, string | string[] | undefined>): AuditFilter {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
  return auditFilterSchema.parse(Object.fromEntries(["action", "actor", "report", "from", "to"].map((k) => [k, first(params[k])])));
}

export function auditFilterQuery(filter: AuditFilter): string {
  const entries = Object.entries(filter).filter(([, v]) => v);
  return entries.length ? `?${new URLSearchParams(entries as Array<[string, string]>).toString()}` : "";
}
