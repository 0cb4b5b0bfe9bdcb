import "server-only";
import { assertOrganPermission } from "@/lib/auth/assert-permission";
import type { Actor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { buildSummary, type Summary, type SummaryOrganRow } from "./summary";
import { keptReading, type Marked } from "./progress-changes";
import { organsInOrder, samePath } from "./organ-progress";
import { findOrganName, loadSummaryReports } from "./summary-data";
import { reportYearProblem } from "@/lib/domain/report-progress";

export type SummaryView = Summary & { organName: string; year: number; includeApproved: boolean };

// A province's 汇总 reads thousands of reports' tables (a few hundred milliseconds). What was read is
// kept in this process, and only the reports of organs that PostgreSQL has announced as changed
// since are read again (progress-changes.ts). The organs below and their places are the
// dashboard's kept reading (organ-progress.ts: a renamed organ is read again, the tree walked only
// when organs were added, deleted or moved). The sums are then made from each organ's kept entry
// (summary.ts). Nothing is kept while changes cannot be heard.
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
    const since = changed === "everything" ? null : changed;
    // Nothing this reading holds changed (the page asked again): kept as it is, without a pass over its rows.
    if (previous && since && !since.tree && since.organs.size === 0) return previous;
    const reports = new Map(previous && since ? previous.rows.map((row) => [row.organId, row.report]) : []);
    const organs = previous && since && !since.tree ? previous.rows : await organsInOrder(organId, year);
    // Read: the reports of organs announced, or not kept yet (every one at first).
    const unread = organs.filter((organ) => !reports.has(organ.organId) || since?.organs.has(organ.organId)).map((organ) => organ.organId);
    if (previous && since && !since.tree && unread.length === 0) return previous;
    for (const [id, report] of await loadSummaryReports({ year, includeApproved, organs: unread })) reports.set(id, report);
    // An organ deleted meanwhile is left out (its deletion is announced). A row whose organ and
    // report did not change stays the same object, and keeps its entry in the sum (summary.ts).
    const before = new Map(previous?.rows.map((row) => [row.organId, row]));
    const rows = organs.flatMap((organ): SummaryOrganRow[] => {
      if (!reports.has(organ.organId)) return [];
      const report = reports.get(organ.organId)!;
      const row = before.get(organ.organId);
      const same = row?.report === report && (row === organ || (row.name === organ.name && row.code === organ.code && samePath(row.path, organ.path)));
      return [same ? row : { ...organ, report }];
    });
    return { size: rows.length, rows, summary: buildSummary(rows, { includeApproved }, previous?.summary) };
  });
  return { organName: organ.name, year, includeApproved, ...summary };
}
