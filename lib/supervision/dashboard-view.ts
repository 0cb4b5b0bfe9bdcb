// The supervising office's dashboard over the organs below it: the query it is asked with, and
// the filtering, sorting, counting and paging of the rows. Pure (the rows come from organ-progress.ts).
import { z } from "zod";
import { ORGAN_KINDS } from "@/lib/domain/organ-kinds";
import { currentReportYear, PROGRESS, reportYearProblem, type Progress } from "@/lib/domain/report-progress";

export const DASHBOARD_PAGE_SIZE = 100;
export const DASHBOARD_SORTS = ["organ", "deadline", "status", "errors"] as const;
export const DASHBOARD_SORT_LABELS: Record<(typeof DASHBOARD_SORTS)[number], string> = { organ: "按机关", deadline: "按截止（逾期在前）", status: "按状态", errors: "按检查错误" };

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v) || undefined;

/** The dashboard's filters from the address. The year is checked (with a Chinese message); other malformed values are ignored. */
export function readDashboardQuery(params: Record<string, string | string[] | undefined>, now = new Date()) {
  const defaultYear = currentReportYear(now);
  const yearText = first(params.year);
  const year = yearText === undefined ? defaultYear : Number(yearText);
  const yearError = reportYearProblem(year, now);
  const filters = z
    .object({
      status: z.enum(PROGRESS).optional().catch(undefined),
      overdue: z.literal("1").optional().catch(undefined),
      kind: z.enum(ORGAN_KINDS).optional().catch(undefined),
      under: z.string().uuid().optional().catch(undefined),
      sort: z.enum(DASHBOARD_SORTS).default("organ").catch("organ"),
      page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
    })
    .parse(Object.fromEntries(["status", "overdue", "kind", "under", "sort", "page"].map((k) => [k, first(params[k])])));
  return { year: yearError ? defaultYear : year, yearError, ...filters };
}
export type DashboardQuery = ReturnType<typeof readDashboardQuery>;

type Row = {
  organId: string;
  parentId: string | null;
  organName: string;
  organKind: string;
  path: string[];
  /** Its place in the organs' order (path, then name). */
  order: number;
  progress: Progress;
  overdue: boolean;
  deadline: Date;
  checkErrors: number | null;
};

const PROGRESS_ORDER = new Map(PROGRESS.map((p, i) => [p, i]));

/** Counts per status and overdue over every row (the numbers at the top), then the filtered, sorted page. */
export function dashboardView<R extends Row>(rows: R[], query: DashboardQuery) {
  const counts = Object.fromEntries(PROGRESS.map((p) => [p, 0])) as Record<Progress, number>;
  for (const row of rows) counts[row.progress]++;
  const overdue = rows.filter((r) => r.overdue).length;

  const below = query.under ? descendantsOf(rows, query.under) : null;
  const filtered = rows.filter(
    (r) => (!query.status || r.progress === query.status) && (!query.overdue || r.overdue) && (!query.kind || r.organKind === query.kind) && (!below || below.has(r.organId)),
  );
  // The organs' order is worked out once per reading (organ-progress.ts): comparing 5,000 places
  // by a collator took tens of milliseconds on every request.
  const byOrgan = (a: R, b: R) => a.order - b.order;
  const sorters: Record<DashboardQuery["sort"], (a: R, b: R) => number> = {
    organ: byOrgan,
    deadline: (a, b) => Number(b.overdue) - Number(a.overdue) || a.deadline.getTime() - b.deadline.getTime() || byOrgan(a, b),
    status: (a, b) => PROGRESS_ORDER.get(a.progress)! - PROGRESS_ORDER.get(b.progress)! || byOrgan(a, b),
    errors: (a, b) => (b.checkErrors ?? -1) - (a.checkErrors ?? -1) || byOrgan(a, b),
  };
  const sorted = [...filtered].sort(sorters[query.sort]);
  const pages = Math.max(1, Math.ceil(sorted.length / DASHBOARD_PAGE_SIZE));
  const page = Math.min(query.page, pages);
  return { counts, overdue, total: rows.length, filtered: sorted, page, pages, pageRows: sorted.slice((page - 1) * DASHBOARD_PAGE_SIZE, page * DASHBOARD_PAGE_SIZE) };
}

/** The organ and every organ below it, among the rows (which hold each organ's parent). */
function descendantsOf(rows: Row[], rootId: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const r of rows) if (r.parentId) children.set(r.parentId, [...(children.get(r.parentId) ?? []), r.organId]);
  const out = new Set<string>([rootId]);
  const stack = [rootId];
  while (stack.length) {
    for (const child of children.get(stack.pop()!) ?? []) {
      if (out.has(child)) continue;
      out.add(child);
      stack.push(child);
    }
  }
  return out;
}
