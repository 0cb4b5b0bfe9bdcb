import "server-only";
import { auditingRefusals } from "@/lib/audit/refusals";
import { appendAuditEntry } from "@/lib/audit/append-audit-entry";
import { assertOrganPermission } from "@/lib/auth/assert-permission";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError } from "@/lib/errors";
import { startFromLastYear } from "@/lib/report-format/carry-over";
import { reportContentHash } from "@/lib/reports/content-hash";
import { findExternalSections } from "./external-reports";
import { reportTitle, SECTION_KEYS } from "@/lib/report-format/format";
import { loadSections } from "./load-sections";
import { refreshCheckCounts } from "./report-checks";

/**
 * Creates an organ's report for a year. When last year's report is in the system,
 * the new one starts from it (narrative carried over, table 3 row 二 pre-filled).
 */
export async function createReport(options: { actor: Actor; organId: string; year: number; clientAddress: string | null }) {
  return auditingRefusals("report.create", options, async () => {
    const { actor, organId, year, clientAddress } = options;
    await assertOrganPermission(actor, "report.create", organId);
    const organ = await db().organ.findUniqueOrThrow({ where: { id: organId }, select: { name: true, kind: true } });
    const lastYear = await db().report.findUnique({ where: { organId_year: { organId, year: year - 1 } }, select: { id: true } });
    // Last year's report of this platform, else one published elsewhere and added as 外部导入.
    const lastExternal = lastYear ? null : await findExternalSections(organId, year - 1);
    const { sections, carriedOver } = startFromLastYear(lastYear ? await loadSections(lastYear.id) : lastExternal);
    const title = reportTitle(organ.name, year);
    try {
      return await db().$transaction(async (tx) => {
        const report = await tx.report.create({
          data: { organId, year, title, createdById: actor.id, carriedFromId: lastYear?.id ?? null },
          select: { id: true },
        });
        for (const key of SECTION_KEYS) {
          const content = sections[key];
          // The history says where the first text came from; table 3 takes its row 二 from last year too.
          const fromLastYear = carriedOver.includes(key) || (key === "requests" && (lastYear !== null || lastExternal !== null));
          await tx.section.create({
            data: {
              reportId: report.id,
              key,
              content,
              isCarriedOver: carriedOver.includes(key),
              revisions: { create: { version: 1, content, kind: fromLastYear ? "carryover" : "create", authorId: actor.id, authorName: actor.displayName } },
            },
          });
        }
        await refreshCheckCounts(tx, report.id);
        await appendAuditEntry(tx, {
          action: "report.created",
          actor,
          targetType: "report",
          targetId: report.id,
          organId,
          clientAddress,
          details: { year, title, carriedFrom: lastYear?.id ?? null, ...(lastExternal ? { carriedFromExternal: year - 1 } : {}) },
          contentHash: reportContentHash(sections),
        });
        return report;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError("INVALID_INPUT", `${year} 年度的报告已经存在。`, { year: `${year} 年度的报告已经存在。` });
      throw error;
    }
  });
}
