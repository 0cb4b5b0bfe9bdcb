import "server-only";
import { appendAuditEntry } from "@/lib/audit/append-audit-entry";
import { auditingRefusals } from "@/lib/audit/refusals";
import { assertOrganPermission } from "@/lib/auth/assert-permission";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { correctionChanges } from "@/lib/publish/correction-changes";
import { invalidatePublicPages } from "@/lib/publish/public-cache";
import { announcePublicChange } from "@/lib/publish/public-changes";
import { sectionContentSchema, type ReportSections } from "@/lib/report-format/content";
import { SECTION_KEYS, SECTION_TITLES } from "@/lib/report-format/format";
import { contentHash } from "./content-hash";
import { forgetCheckCounts } from "./report-checks";
import { readExternalSections } from "./external-reports";

/**
 * Corrects an 外部导入 year (a figure misread, a paragraph cut): the sections are replaced on the
 * version the person started from, and the audit log keeps what changed, by whom.
 */
export async function correctExternalReport(options: {
  actor: Actor;
  organId: string;
  year: number;
  expectedVersion: number;
  sections: Record<string, unknown>;
  sourceUrl: string | null;
  clientAddress: string | null;
}) {
  return auditingRefusals("report.correctExternal", options, async () => {
    const { actor, organId, year, clientAddress } = options;
    await assertOrganPermission(actor, "organ.importHistory", organId);
    const row = await db().externalReport.findUnique({ where: { organId_year: { organId, year } }, select: { id: true, sections: true, version: true } });
    if (!row) throw new AppError("NOT_FOUND", "该年度没有外部导入的报告。");
    const before = readExternalSections(row.sections);
    const after = { ...before } as ReportSections;
    const fieldErrors: Record<string, string> = {};
    for (const key of SECTION_KEYS) {
      const parsed = sectionContentSchema(key).safeParse(options.sections[key]);
      if (parsed.success) after[key] = parsed.data;
      else fieldErrors[key] = `${SECTION_TITLES[key]}：${parsed.error.issues[0]!.message}`;
    }
    if (Object.keys(fieldErrors).length) throw new AppError("INVALID_INPUT", Object.values(fieldErrors)[0]!, fieldErrors);
    const changes = correctionChanges(before, after);
    await db().$transaction(async (tx) => {
      const updated = await tx.externalReport.updateMany({
        where: { id: row.id, version: options.expectedVersion },
        data: { sections: after, sourceUrl: options.sourceUrl, version: { increment: 1 } },
      });
      if (updated.count === 0) throw new AppError("CONFLICT", "在您修改期间，该年度的报告已被他人更正。请刷新后重新修改。");
      // The next year's report compares with this one: its stored check counts are out of date.
      await forgetCheckCounts(tx, { organId, year: year + 1 });
      // Every instance drops its cached public pages (the organ's page lists the year) when this commits.
      await announcePublicChange(tx, { all: true });
      await appendAuditEntry(tx, {
        action: "report.externalCorrected",
        actor,
        targetType: "externalReport",
        targetId: row.id,
        organId,
        clientAddress,
        contentHash: contentHash(after),
        details: { year, fromVersion: options.expectedVersion, changes: changes.slice(0, 50) },
      });
    });
    invalidatePublicPages();
    return { changes };
  });
}
