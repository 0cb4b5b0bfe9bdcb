import "server-only";
import { db, type Tx } from "@/lib/db/client";
import { readJsonColumn } from "@/lib/db/json-column";
import type { OrganKind } from "@/lib/domain/organ-kinds";
import { deadlineOf, deadlineText, isOverdue, progressLabel, progressOf, type Progress } from "@/lib/domain/report-progress";
import type { ReportStatus } from "@/lib/domain/report-status";
import { ROLE_LABELS, type Role } from "@/lib/domain/roles";
import { handoverDetailsSchema } from "@/lib/review/action-details";
import { roundFromActions, stageHolder } from "@/lib/review/workflow";
import { readRecordedAction } from "@/lib/reports/review-state";
import { refreshCheckCountsNow } from "./check-counts";
import { summariseProgress, type ProgressGroup, type ProgressSummary } from "./progress-summary";

export type OrganProgress = {
  organId: string;
  organName: string;
  organKind: OrganKind;
  /** The organs between the root and this one (excluded), top first. */
  path: string[];
  parentId: string | null;
  reportId: string | null;
  /** The report's stored status (null when there is no report). */
  reportStatus: ReportStatus | null;
  progress: Progress;
  /** "审核中·一校·初审", "已退回", … */
  statusText: string;
  /** Who holds the report now, in words: a reviewer's name, or the role it waits for. */
  holder: string;
  deadline: Date;
  overdue: boolean;
  deadlineText: string;
  checkErrors: number | null;
  checkWarnings: number | null;
  firstPublishedAt: Date | null;
  latestVersion: number | null;
  withdrawnAt: Date | null;
  lastReminderAt: Date | null;
};

type Row = {
  id: string;
  name: string;
  kind: OrganKind;
  parentId: string | null;
  path: string[];
  depth: number;
  deadlineMonth: number;
  deadlineDay: number;
  reportId: string | null;
  status: ReportStatus | null;
  isCorrection: boolean | null;
  checkErrors: number | null;
  checkWarnings: number | null;
  withdrawnAt: Date | null;
  roundId: string | null;
  roundNumber: number | null;
  roundStatus: string | null;
  stageIndex: number | null;
  stageName: string | null;
  stageRole: Role | null;
  authorIds: string[] | null;
  firstPublishedAt: Date | null;
  latestVersion: number | null;
  lastReminderAt: Date | null;
};

/**
 * Every organ at or below `rootId` (the root itself only when asked) with its report for `year`:
 * one query for the tree and the reports, one for the open rounds' actions (whose holder the review
 * rules decide). Fast enough for a province: every join follows an index.
 */
export async function findOrganProgress(options: { rootId: string; year: number; includeRoot?: boolean; onlyRoot?: boolean; now?: Date }): Promise<OrganProgress[]> {
  const now = options.now ?? new Date();
  const rows = await overTheTree(
    (tx) => tx.$queryRaw<Row[]>`
    WITH RECURSIVE tree AS (
      SELECT id, name, kind, "parentId", "deadlineMonth", "deadlineDay", ARRAY[]::text[] AS path, 0 AS depth FROM "Organ" WHERE id = ${options.rootId}
      UNION ALL
      SELECT o.id, o.name, o.kind, o."parentId", o."deadlineMonth", o."deadlineDay",
             CASE WHEN t.depth = 0 THEN ARRAY[]::text[] ELSE t.path || t.name END, t.depth + 1
      FROM "Organ" o JOIN tree t ON o."parentId" = t.id WHERE t.depth < ${options.onlyRoot ? 0 : 32}
    )
    SELECT t.id, t.name, t.kind::text AS kind, t."parentId", t.path, t.depth, t."deadlineMonth", t."deadlineDay",
           r.id AS "reportId", r.status::text AS status, r."isCorrection", r."checkErrors", r."checkWarnings", r."withdrawnAt",
           rr.id AS "roundId", rr.number AS "roundNumber", rr.status::text AS "roundStatus", rr."stageIndex",
           rr.stages -> rr."stageIndex" ->> 'name' AS "stageName", rr.stages -> rr."stageIndex" ->> 'role' AS "stageRole", rr."authorIds",
           pub.first AS "firstPublishedAt", pub.latest AS "latestVersion", rem.last AS "lastReminderAt"
    FROM tree t
    LEFT JOIN "Report" r ON r."organId" = t.id AND r.year = ${options.year}
    LEFT JOIN LATERAL (SELECT id, number, status, "stageIndex", stages, "authorIds" FROM "ReviewRound" WHERE "reportId" = r.id ORDER BY number DESC LIMIT 1) rr ON true
    LEFT JOIN LATERAL (SELECT min("publishedAt") AS first, max(version) AS latest FROM "Publication" WHERE "reportId" = r.id) pub ON true
    LEFT JOIN LATERAL (SELECT max("createdAt") AS last FROM "Reminder" WHERE "organId" = t.id AND year = ${options.year}) rem ON true
    WHERE ${options.includeRoot || options.onlyRoot ? 0 : 1} <= t.depth
    ORDER BY t.path, t.name`,
  );

  const holders = await holdersOfOpenRounds(rows.filter((r) => r.roundStatus === "OPEN" && r.status === "IN_REVIEW"));
  const counted = await refreshCheckCountsNow(rows.filter((r) => r.reportId && r.checkErrors === null).map((r) => r.reportId!));
  return rows.map((row) => {
    const progress = progressOf(row.status ? { status: row.status, isCorrection: Boolean(row.isCorrection), lastRoundStatus: row.roundStatus } : null);
    const deadline = deadlineOf(options.year, row.deadlineMonth, row.deadlineDay);
    const counts = row.reportId ? (counted.get(row.reportId) ?? { errors: row.checkErrors, warnings: row.checkWarnings }) : { errors: null, warnings: null };
    return {
      organId: row.id,
      organName: row.name,
      organKind: row.kind,
      path: row.path,
      parentId: row.parentId,
      reportId: row.reportId,
      reportStatus: row.status,
      progress,
      statusText: progressLabel(progress, row.status === "IN_REVIEW" ? row.stageName : null),
      holder: holderText(progress, row, holders),
      deadline,
      overdue: isOverdue({ progress, deadline, now, firstPublishedAt: row.firstPublishedAt }),
      deadlineText: deadlineText({ progress, deadline, now, firstPublishedAt: row.firstPublishedAt }),
      checkErrors: counts.errors,
      checkWarnings: counts.warnings,
      firstPublishedAt: row.firstPublishedAt,
      latestVersion: row.latestVersion,
      withdrawnAt: row.withdrawnAt,
      lastReminderAt: row.lastReminderAt,
    };
  });
}

function holderText(progress: Progress, row: Row, holders: Map<string, string>): string {
  if (row.status === "IN_REVIEW") return holders.get(row.roundId ?? "") ?? `待${row.stageRole ? ROLE_LABELS[row.stageRole] : "审核人"}处理`;
  switch (progress) {
    case "NOT_CREATED":
    case "DRAFT":
    case "RETURNED":
    case "CORRECTING":
      return ROLE_LABELS.AUTHOR;
    case "APPROVED":
      return ROLE_LABELS.PUBLISHER;
    default:
      return "—";
  }
}

/** The holder's name of each open round's current stage, as the review rules decide it. */
async function holdersOfOpenRounds(rows: Row[]): Promise<Map<string, string>> {
  const rounds = new Map(rows.map((r) => [r.roundId!, r]));
  if (rounds.size === 0) return new Map();
  const actions = await db().reviewAction.findMany({
    where: { roundId: { in: [...rounds.keys()] } },
    orderBy: { createdAt: "asc" },
    select: { roundId: true, kind: true, stageIndex: true, actorId: true, actorName: true, contentHash: true, details: true },
  });
  const holders = new Map<string, string>();
  for (const [roundId, row] of rounds) {
    const own = actions.filter((a) => a.roundId === roundId);
    const round = roundFromActions({ number: row.roundNumber!, stageIndex: row.stageIndex!, authors: row.authorIds ?? [], actions: own.map(readRecordedAction) });
    const holderId = stageHolder(round);
    if (!holderId) continue;
    const names = new Map<string, string>();
    for (const a of own) {
      names.set(a.actorId, a.actorName);
      if (a.kind === "handover") {
        const { to, toName } = readJsonColumn(handoverDetailsSchema, a.details, "ReviewAction.details");
        names.set(to, toName);
      }
    }
    holders.set(roundId, names.get(holderId) ?? "");
  }
  return holders;
}

/**
 * The 工作台's summary of every organ below `rootId` for `year` (progress-summary.ts): one query
 * that groups the organs by what their reading depends on, so a province is a few dozen rows.
 */
export async function summariseOrganProgress(options: { rootId: string; year: number; listed: number; now?: Date }): Promise<ProgressSummary> {
  const groups = await overTheTree(
    (tx) => tx.$queryRaw<ProgressGroup[]>`
    WITH RECURSIVE tree AS (
      SELECT id, 0 AS depth FROM "Organ" WHERE id = ${options.rootId}
      UNION ALL
      SELECT o.id, t.depth + 1 FROM "Organ" o JOIN tree t ON o."parentId" = t.id WHERE t.depth < 32
    )
    SELECT o."deadlineMonth", o."deadlineDay", r.status::text AS status, r."isCorrection", rr.status::text AS "roundStatus",
           CASE WHEN r.status = 'IN_REVIEW' THEN rr.stages -> rr."stageIndex" ->> 'name' END AS "stageName",
           EXISTS (SELECT 1 FROM "Publication" p WHERE p."reportId" = r.id) AS published,
           count(*)::int AS organs, (array_agg(o.name ORDER BY o.name))[1:${options.listed}] AS names
    FROM tree t
    JOIN "Organ" o ON o.id = t.id
    LEFT JOIN "Report" r ON r."organId" = o.id AND r.year = ${options.year}
    LEFT JOIN LATERAL (SELECT status, "stageIndex", stages FROM "ReviewRound" WHERE "reportId" = r.id ORDER BY number DESC LIMIT 1) rr ON true
    WHERE t.depth >= 1
    GROUP BY 1, 2, 3, 4, 5, 6, 7`,
  );
  return summariseProgress(groups, options.year, options.now ?? new Date(), options.listed);
}

/**
 * Runs a query over an organ's subtree (a recursive CTE) without nested-loop joins. The planner
 * cannot know how many organs the recursion yields and assumes a few hundred, so it probes the
 * parent index and the report index once per organ; for a province (5,000 organs) hash joins
 * are about twice as fast, and for a small tree they cost a few milliseconds. The lateral
 * lookups (latest round, publications, reminders) stay per organ: they cannot be hashed.
 */
function overTheTree<T>(query: (tx: Tx) => Promise<T>): Promise<T> {
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`SET LOCAL enable_nestloop = off`;
    return query(tx);
  });
}
