import "server-only";
import type { Tx } from "@/lib/db/client";
import { checkDraft } from "@/lib/report-format/checks";
import { loadSectionsIn } from "./load-sections";
import { findLastYearSections } from "./queries";

/**
 * Re-runs the checks over the report's text as the transaction leaves it and keeps their counts
 * on the report, so lists of many reports read two numbers instead of running the checks. Every
 * use case that writes a report's text calls it in the same transaction. Next year's report reads
 * this one (carry-over, continuity, copying), so its counts are marked unknown, to be counted
 * again when next listed.
 */
export async function refreshCheckCounts(tx: Tx, reportId: string) {
  const report = await tx.report.findUniqueOrThrow({
    where: { id: reportId },
    select: { id: true, organId: true, year: true, title: true, organ: { select: { kind: true, name: true } } },
  });
  const [sections, lastYear] = await Promise.all([loadSectionsIn(tx, report.id), findLastYearSections(report.organId, report.year)]);
  const findings = checkDraft({ year: report.year, organKind: report.organ.kind, sections, lastYear, identity: { title: report.title, organName: report.organ.name } });
  const errors = findings.filter((f) => f.severity === "error").length;
  await tx.report.update({ where: { id: report.id }, data: { checkErrors: errors, checkWarnings: findings.length - errors } });
  await forgetCheckCounts(tx, { organId: report.organId, year: report.year + 1 });
}

/** Marks stored counts unknown (an organ renamed: all its reports; a report changed: the next year's). */
export async function forgetCheckCounts(tx: Tx, where: { organId: string; year?: number }) {
  await tx.report.updateMany({ where, data: { checkErrors: null, checkWarnings: null } });
}
