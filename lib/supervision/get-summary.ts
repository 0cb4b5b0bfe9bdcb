import "server-only";
import { assertOrganPermission } from "@/lib/auth/assert-permission";
import type { Actor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { buildSummary, type Summary } from "./summary";
import { findOrganName, findSummaryFingerprint, loadSummaryRows } from "./summary-data";
import { reportYearProblem } from "@/lib/domain/report-progress";

export type SummaryView = Summary & { organName: string; year: number; includeApproved: boolean };

// A province's 汇总 reads thousands of reports' tables (about a second); its result is kept in
// this process beside the fingerprint of everything it depends on (summary-data.ts), which costs a
// few tens of milliseconds to check, so that it is only read again after something changed.
const KEPT = 20;
type Kept = { fingerprint: string; summary: Summary };
const shared = globalThis as unknown as { nianbaoSummaries?: Map<string, Kept> };
const kept = (shared.nianbaoSummaries ??= new Map());

/** The 汇总 of the organs below `organId` for a year, for whoever may supervise that organ (anyone else: not found). */
export async function getSummary(options: { actor: Actor; organId: string; year: number; includeApproved: boolean }): Promise<SummaryView> {
  const { actor, organId, year, includeApproved } = options;
  await assertOrganPermission(actor, "organ.supervise", organId);
  const yearProblem = reportYearProblem(year, new Date());
  if (yearProblem) throw new AppError("INVALID_INPUT", yearProblem);
  const [organ, fingerprint] = await Promise.all([findOrganName(organId), findSummaryFingerprint({ rootId: organId, year })]);
  if (!organ) throw new AppError("NOT_FOUND", "机关不存在，或您无权进行此操作。");
  const key = `${organId}|${year}|${includeApproved}`;
  const hit = kept.get(key);
  let summary = hit?.fingerprint === fingerprint ? hit.summary : null;
  if (!summary) {
    // Read after the fingerprint: a change in between makes the next request read again, never serves old figures.
    summary = buildSummary(await loadSummaryRows({ rootId: organId, year, includeApproved }), { includeApproved });
    kept.delete(key);
    kept.set(key, { fingerprint, summary });
    if (kept.size > KEPT) kept.delete(kept.keys().next().value!);
  }
  return { organName: organ.name, year, includeApproved, ...summary };
}
