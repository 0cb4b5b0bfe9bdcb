import "server-only";
import { can, rolesIn, type Actor } from "@/lib/auth/permissions";
import { findOrganScope } from "@/lib/auth/organ-scope";
import { db } from "@/lib/db/client";
import { currentReportYear } from "@/lib/domain/report-progress";
import type { Role } from "@/lib/domain/roles";
import { findOrganProgress, type OrganProgress } from "@/lib/supervision/organ-progress";
import { findInbox } from "./inbox";

/** The one next step this person may take on a report, or on a year that has none yet. */
export type NextStep = { kind: "create"; year: number } | { kind: "link"; href: string; label: string } | null;
export type WorkItem = OrganProgress & { year: number; next: NextStep };
export type OrganWork = { organId: string; organName: string; roles: Role[]; items: WorkItem[] };

export { currentReportYear };

/**
 * 我的工作台: for each organ where the person holds a role, this year's report (or its absence) and
 * every unfinished report of other years (open corrections, late drafts), each with where it stands
 * and the next step this person may take.
 */
export async function findWorkItems(actor: Actor, now = new Date()): Promise<OrganWork[]> {
  const year = currentReportYear(now);
  const organIds = [...new Set(actor.memberships.map((m) => m.organId))];
  const waitingForMe = new Set((await findInbox(actor)).map((i) => i.reportId));
  return Promise.all(
    organIds.map(async (organId) => {
      const scope = await findOrganScope(organId);
      const unfinished = await db().report.findMany({
        where: { organId, year: { not: year }, status: { in: ["DRAFT", "IN_REVIEW", "APPROVED"] } },
        select: { year: true },
        orderBy: { year: "desc" },
      });
      const years = [year, ...unfinished.map((r) => r.year)];
      const rows = (await Promise.all(years.map((y) => findOrganProgress({ rootId: organId, year: y, onlyRoot: true, now })))).flat();
      const items = rows.map((row, i): WorkItem => {
        const itemYear = years[i]!;
        const may = (action: Parameters<typeof can>[1]) => scope !== null && can(actor, action, scope);
        const report = row.reportId ? `/reports/${row.reportId}` : null;
        const next: NextStep = !report
          ? may("report.create")
            ? { kind: "create", year: itemYear }
            : null
          : waitingForMe.has(row.reportId!)
            ? { kind: "link", href: `${report}/review`, label: "进入审核" }
            : row.progress === "APPROVED" && may("report.publish")
              ? { kind: "link", href: `${report}#publish-heading`, label: "去发布" }
              : (row.progress === "DRAFT" || row.progress === "RETURNED" || (row.progress === "CORRECTING" && row.reportStatus === "DRAFT")) && may("report.edit")
                ? { kind: "link", href: report, label: row.progress === "RETURNED" ? "修改后重新提交" : "继续撰写" }
                : { kind: "link", href: report, label: "查看" };
        return { ...row, year: itemYear, next };
      });
      return { organId, organName: rows[0]?.organName ?? "", roles: rolesIn(actor, organId), items };
    }),
  );
}
