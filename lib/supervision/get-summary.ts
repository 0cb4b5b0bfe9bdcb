import "server-only";
import { assertOrganPermission } from "@/lib/auth/assert-permission";
import type { Actor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { buildSummary, type Summary, type SummaryOrganRow } from "./summary";
import { keptReading, type Marked } from "./progress-changes";
import { findOrganName, loadSummaryOrgans, loadSummaryRows } from "./summary-data";
import { reportYearProblem } from "@/lib/domain/report-progress";

export type SummaryView = Summary & { organName: string; year: number; includeApproved: boolean };

// A province's 汇总 reads thousands of reports' tables (a few hundred milliseconds). What was read is
// kept in this process, and only the reports of organs that PostgreSQL has announced as changed
// since are read again (progress-changes.ts); after a change of the tree, the organs below too (their
// names, codes and places: one walk). The sums are then made afresh (milliseconds). Nothing is kept
// while changes cannot be heard.
/** Organs kept at most, over every supervising organ, year and choice (a province is 5,000, about 15 MB). */
const KEPT_ORGANS = 20_000;
type Kept = Marked<{ size: number; rows: SummaryOrganRow[]; summary: Summary }>;
const shared = globalThis as unknown as { nianbaoSummaries?: Map<string, Kept> };
const kept: Map<string, Kept> = (shared.nianbaoSummaries ??= new Map());

/** The 汇总 of the organs below `organId` for a year, for whoever may supervise that organ (anyone else: not found). */
export async function getSummary(options: { actor: Actor; organId: string; year: number; includeApproved: boolean }): Promise<SummaryView> {
  const { actor, organId, year, includeApproved } = options;
  await assertOrganPermission(actor, "organ.supervise", organId);
  const yearProblem = reportYearProblem(year, new Date());
  if (yearProblem) throw new AppError("INVALID_INPUT", yearProblem);
  const organ = await findOrganName(organId);
  if (!organ) throw new AppError("NOT_FOUND", "机关不存在，或您无权进行此操作。");
  const { summary } = await keptReading(kept, `${organId}|${year}|${includeApproved}`, year, KEPT_ORGANS, async (previous, changed) => {
    if (changed === "everything") return summed(await loadSummaryRows({ rootId: organId, year, includeApproved }), includeApproved);
    const reports = new Map(previous!.rows.map((row) => [row.organId, row.report]));
    // After a change of the tree, the organs below in their new places (a new organ's report not kept yet).
    const organs = changed.tree ? await loadSummaryOrgans(organId) : previous!.rows;
    const unread = organs.filter((organ) => changed.organs.has(organ.organId) || !reports.has(organ.organId)).map((organ) => organ.organId);
    if (unread.length === 0 && !changed.tree) return previous!;
    // Their reports only: a change of an organ's name, code or place is a change of the tree.
    for (const row of await loadSummaryRows({ rootId: organId, year, includeApproved, organs: unread })) reports.set(row.organId, row.report);
    // An organ deleted between the two queries is left out (its deletion is announced). A row whose
    // organ and report did not change stays the same object, and keeps its entry in the sum (summary.ts).
    const before = new Map(previous!.rows.map((row) => [row.organId, row]));
    const rows = organs.flatMap((organ): SummaryOrganRow[] => {
      if (!reports.has(organ.organId)) return [];
      const report = reports.get(organ.organId)!;
      const row = before.get(organ.organId);
      const same = row?.report === report && (row === organ || (row.name === organ.name && row.code === organ.code && row.path.join("\u0000") === organ.path.join("\u0000")));
      return [same ? row : { ...organ, report }];
    });
    return summed(rows, includeApproved, previous!.summary);
  });
  return { organName: organ.name, year, includeApproved, ...summary };
}

const summed = (rows: SummaryOrganRow[], includeApproved: boolean, previous?: Summary) => ({ size: rows.length, rows, summary: buildSummary(rows, { includeApproved }, previous) });
