import "server-only";
import type { Tx } from "@/lib/db/client";
import type { OrganKind } from "@/lib/domain/organ-kinds";
import { checkDraft } from "@/lib/report-format/checks";
import { loadSectionsIn } from "./load-sections";
import { findLastYearSections } from "./queries";

/**
 * Re-runs the checks over the report's text as the transaction leaves it and keeps their counts
 * on the report, so lists of many reports read two numbers instead of running the checks. Every
 * use case that writes a report's text calls it in the same transaction.
 */
export async function refreshCheckCounts(tx: Tx, report: { id: string; organId: string; year: number; organ: { kind: OrganKind } }) {
  const [sections, lastYear] = await Promise.all([loadSectionsIn(tx, report.id), findLastYearSections(report.organId, report.year)]);
  const findings = checkDraft({ year: report.year, organKind: report.organ.kind, sections, lastYear });
  const errors = findings.filter((f) => f.severity === "error").length;
  await tx.report.update({ where: { id: report.id }, data: { checkErrors: errors, checkWarnings: findings.length - errors } });
}
