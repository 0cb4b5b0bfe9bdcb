import "server-only";
import { db, type Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { readJsonColumn } from "@/lib/db/json-column";
import type { OrganKind } from "@/lib/domain/organ-kinds";
import { chinaDayNumber, deadlineOf, deadlineText, isOverdue, progressLabel, progressOf, type Progress } from "@/lib/domain/report-progress";
import type { ReportStatus } from "@/lib/domain/report-status";
import { ROLE_LABELS, type Role } from "@/lib/domain/roles";
import { handoverDetailsSchema } from "@/lib/review/action-details";
import { roundFromActions, stageHolder } from "@/lib/review/workflow";
import { readRecordedAction } from "@/lib/reports/review-state";
import { refreshCheckCountsNow } from "./check-counts";
import { keptReading, type Marked } from "./progress-changes";
import { summariseProgress, type ProgressSummary } from "./progress-summary";

export type OrganProgress = {
  organId: string;
  organName: string;
  organKind: OrganKind;
  /** The organs between the root and this one (excluded), top first. */
  path: string[];
  /** Its place among the organs below the root: by path, then name, in Chinese order (0 for the root alone). */
  order: number;
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
  code: string;
  kind: OrganKind;
  parentId: string | null;
  deadlineMonth: number;
  deadlineDay: number;
  reportId: string | null;
  status: ReportStatus | null;
  isCorrection: boolean | null;
  checkErrors: number | null;
  checkWarnings: number | null;
  withdrawnAt: Date | null;
  roundStatus: string | null;
  stageName: string | null;
  stageRole: Role | null;
  firstPublishedAt: Date | null;
  latestVersion: number | null;
  lastReminderAt: Date | null;
  /** The name of whoever holds an open round's current stage, as the review rules decide it. */
  holderName: string | null;
};
/** A row with its place: worked out once per reading of the tree, kept while the tree does not change. */
type PlacedRow = Row & { path: string[]; order: number };

// A province's dashboard reads 5,000 organs (about 100 ms of SQL); what was read is kept in this
// process per supervising organ and year, and only the organs that changed since are read again
// (progress-changes.ts: PostgreSQL announces every change). Nothing is kept while changes cannot be heard.
/** Rows kept at most, over every supervising organ and year (a province is 5,000, about 5 MB). */
const KEPT_ROWS = 50_000;
type Kept = Marked<{ size: number; rows: Map<string, PlacedRow> }>;
const shared = globalThis as unknown as { nianbaoOrganProgress?: Map<string, Kept> };
const kept: Map<string, Kept> = (shared.nianbaoOrganProgress ??= new Map());

/**
 * Every organ below `rootId` (at any depth), or the root alone when asked, with its report for
 * `year`, in the organs' order (`order`: by path, then name). `path` holds the organs between the
 * root and each one.
 */
export async function findOrganProgress(options: {
  rootId: string;
  year: number;
  onlyRoot?: boolean;
  now?: Date;
  /** For pages that show check counts (the dashboard and its files): count those of reports written before counts were kept, at most 100 a request. */
  countChecks?: boolean;
}): Promise<OrganProgress[]> {
  const { rootId, year } = options;
  const now = options.now ?? new Date();
  if (options.onlyRoot) return (await readRows({ rootId, year, organs: "root", countChecks: true })).map((row) => progressOfRow({ ...row, path: [], order: 0 }, year, now));
  // A kept row's reading changes only at midnight in China: it is worked out once a day (for a
  // province, 5,000 rows took about 10 ms a request).
  const day = chinaDayNumber(now.getTime());
  return (await keptRowsBelow(rootId, year, options.countChecks ?? false)).map((row) => {
    const known = shownOnDay.get(row);
    if (known?.day === day) return known.progress;
    const progress = progressOfRow(row, year, now);
    shownOnDay.set(row, { day, progress });
    return progress;
  });
}

/** Each kept row's reading, for the day (in China) it was worked out on; gone with the row. Never changed once made. */
const shownOnDay = new WeakMap<PlacedRow, { day: number; progress: OrganProgress }>();

function progressOfRow(row: PlacedRow, year: number, now: Date): OrganProgress {
  const progress = progressOf(row.status ? { status: row.status, isCorrection: Boolean(row.isCorrection), lastRoundStatus: row.roundStatus } : null);
  const deadline = deadlineOf(year, row.deadlineMonth, row.deadlineDay);
  return {
    organId: row.id,
    organName: row.name,
    organKind: row.kind,
    path: row.path,
    order: row.order,
    parentId: row.parentId,
    reportId: row.reportId,
    reportStatus: row.status,
    progress,
    statusText: progressLabel(progress, row.status === "IN_REVIEW" ? row.stageName : null),
    holder: holderText(progress, row),
    deadline,
    overdue: isOverdue({ progress, deadline, now, firstPublishedAt: row.firstPublishedAt }),
    deadlineText: deadlineText({ progress, deadline, now, firstPublishedAt: row.firstPublishedAt }),
    checkErrors: row.checkErrors,
    checkWarnings: row.checkWarnings,
    firstPublishedAt: row.firstPublishedAt,
    latestVersion: row.latestVersion,
    withdrawnAt: row.withdrawnAt,
    lastReminderAt: row.lastReminderAt,
  };
}

/**
 * Every organ below `rootId` in the organs' order (each before those below it, brothers by name in
 * Chinese order), with the names between the root and it: the 汇总's organs, from the dashboard's
 * kept reading of `year` (a renamed organ read again, the tree walked only when organs were added,
 * deleted or moved).
 */
export async function organsInOrder(rootId: string, year: number): Promise<Array<{ organId: string; name: string; code: string; path: string[] }>> {
  return (await keptRowsBelow(rootId, year, false)).map((row) => ({ organId: row.id, name: row.name, code: row.code, path: row.path }));
}

/**
 * The rows of every organ below the root, in their order: those kept, with the organs changed since
 * read again. `countChecks`: also those whose check counts are not known yet, counted (at most 100
 * a reading); the 汇总 and the 工作台, which do not show the counts, leave them to the dashboard.
 */
async function keptRowsBelow(rootId: string, year: number, countChecks: boolean): Promise<PlacedRow[]> {
  const { rows } = await keptReading(kept, `${rootId}|${year}`, year, KEPT_ROWS, async (previous, changed) => {
    if (changed === "everything") {
      const rows = placed(await readRows({ rootId, year, organs: "below", countChecks }), rootId);
      return { size: rows.size, rows };
    }
    const uncounted = (row: PlacedRow) => countChecks && row.reportId !== null && row.checkErrors === null;
    // Read again: organs new below, announced, or (when counting) whose check counts are not known yet.
    const needsReading = (id: string) => {
      const before = previous!.rows.get(id);
      return !before || changed.organs.has(id) || uncounted(before);
    };
    // After organs were added, deleted or moved, the organs below as they are now (one walk);
    // otherwise as kept, and an organ whose name, code, kind or deadline changed is announced by
    // itself (progress-changes.ts) and read again with its report.
    const walked = changed.places ? await readOrgansBelow(rootId) : null;
    const organs: OrganColumns[] = walked ?? [...previous!.rows.values()];
    const unread = organs.map((organ) => organ.id).filter(needsReading);
    if (!walked && unread.length === 0) return previous!;
    const read = new Map((await readRows({ rootId, year, organs: unread, countChecks })).map((row) => [row.id, row]));
    const current = organs.flatMap((organ): Array<Row | PlacedRow> => {
      const row = read.get(organ.id) ?? previous!.rows.get(organ.id);
      // Deleted between the two queries: left out (its deletion is announced).
      if (!row) return [];
      // A row just read shows the organ as it is; a kept one takes what the walk found.
      if (!walked || read.has(organ.id) || ORGAN_COLUMNS.every((column) => row[column] === organ[column])) return [row];
      return [{ ...row, ...columnsOf(organ) }];
    });
    // The same organs with the same names and parents (a report, a deadline or a kind changed, or an organ elsewhere): each keeps its place.
    const samePlaces =
      current.length === previous!.rows.size &&
      current.every((row) => {
        const before = previous!.rows.get(row.id);
        return before?.name === row.name && before.parentId === row.parentId;
      });
    if (!samePlaces) {
      const rows = placed(current, rootId);
      return { size: rows.size, rows };
    }
    const now = new Map(current.map((row) => [row.id, row]));
    const rows = new Map(
      [...previous!.rows.values()].map((before) => {
        const row = now.get(before.id)!;
        return [before.id, row === before ? before : { ...row, path: before.path, order: before.order }];
      }),
    );
    return { size: rows.size, rows };
  });
  return [...rows.values()];
}

/** What the tree says of each organ below the root (its report aside). */
const ORGAN_COLUMNS = ["id", "name", "code", "kind", "parentId", "deadlineMonth", "deadlineDay"] as const;
type OrganColumns = Pick<Row, (typeof ORGAN_COLUMNS)[number]>;

const columnsOf = (o: OrganColumns): OrganColumns => ({
  id: o.id,
  name: o.name,
  code: o.code,
  kind: o.kind,
  parentId: o.parentId,
  deadlineMonth: o.deadlineMonth,
  deadlineDay: o.deadlineDay,
});

/** The organs below the root (any depth, at most 32) as `tree (id, depth)`, the root at depth 0: this module's one walk down the tree. */
const treeBelow = (rootId: string) => Prisma.sql`WITH RECURSIVE tree AS (
      SELECT id, 0 AS depth FROM "Organ" WHERE id = ${rootId}
      UNION ALL
      SELECT o.id, t.depth + 1 FROM "Organ" o JOIN tree t ON o."parentId" = t.id WHERE t.depth < 32
    )`;

function readOrgansBelow(rootId: string): Promise<OrganColumns[]> {
  return db().$queryRaw<OrganColumns[]>`
    ${treeBelow(rootId)}
    SELECT o.id, o.name, o.code, o.kind::text AS kind, o."parentId", o."deadlineMonth", o."deadlineDay"
    FROM tree t JOIN "Organ" o ON o.id = t.id WHERE t.depth > 0`;
}

const CHINESE_ORDER = new Intl.Collator("zh-CN");

/** Whether two paths (the names between the root and an organ) name the same organs. */
export const samePath = (a: ReadonlyArray<string>, b: ReadonlyArray<string>) => a === b || (a.length === b.length && a.every((name, i) => name === b[i]));

/**
 * Each organ's path below the root and its order, keyed by id in that order: the tree's order, each
 * organ before those below it and brothers by name in Chinese order (so by path, then name). Only
 * brothers' names are compared: a province's 5,000 organs are placed here at each reading of the tree.
 */
function placed(rows: Array<Row | PlacedRow>, rootId: string): Map<string, PlacedRow> {
  const children = new Map<string, Array<Row | PlacedRow>>();
  for (const row of rows) {
    const brothers = children.get(row.parentId ?? "");
    if (brothers) brothers.push(row);
    else children.set(row.parentId ?? "", [row]);
  }
  const result = new Map<string, PlacedRow>();
  const visit = (parentId: string, path: string[]) => {
    for (const row of (children.get(parentId) ?? []).sort((a, b) => CHINESE_ORDER.compare(a.name, b.name))) {
      if (result.has(row.id)) continue; // met twice: only a cycle made by concurrent moves could, and it must not recurse forever
      // A row kept from before at the same place stays the same object, and so keeps what was worked out from it.
      const order = result.size;
      const samePlace = "order" in row && row.order === order && samePath(row.path, path);
      const placedRow = samePlace ? row : { ...row, path, order };
      result.set(row.id, placedRow);
      visit(row.id, [...placedRow.path, row.name]);
    }
  };
  visit(rootId, []);
  return result;
}

/**
 * The organs asked for (every one below the root, the root alone, or some by id) with their
 * report of the year: one query for the organs and reports, one for the open rounds' actions
 * (whose holder the review rules decide). Every join follows an index.
 */
async function readRows(options: { rootId: string; year: number; organs: "below" | "root" | string[]; countChecks: boolean }): Promise<Row[]> {
  const { rootId, year, organs, countChecks } = options;
  if (Array.isArray(organs) && organs.length === 0) return [];
  const chosen =
    organs === "below"
      ? Prisma.sql`${treeBelow(rootId)} SELECT id FROM tree WHERE depth > 0`
      : organs === "root"
        ? Prisma.sql`SELECT ${rootId}::text AS id`
        : Prisma.sql`SELECT unnest(${organs}::text[]) AS id`;
  const query = (tx: Pick<Tx, "$queryRaw">) =>
    tx.$queryRaw<Array<Omit<Row, "holderName"> & { roundId: string | null; roundNumber: number | null; stageIndex: number | null; authorIds: string[] | null }>>`
    WITH chosen AS (${chosen})
    SELECT o.id, o.name, o.code, o.kind::text AS kind, o."parentId", o."deadlineMonth", o."deadlineDay",
           r.id AS "reportId", r.status::text AS status, r."isCorrection", r."checkErrors", r."checkWarnings", r."withdrawnAt",
           rr.id AS "roundId", rr.number AS "roundNumber", rr.status::text AS "roundStatus", rr."stageIndex",
           rr.stages -> rr."stageIndex" ->> 'name' AS "stageName", rr.stages -> rr."stageIndex" ->> 'role' AS "stageRole", rr."authorIds",
           pub.first AS "firstPublishedAt", pub.latest AS "latestVersion", rem.last AS "lastReminderAt"
    FROM chosen c
    JOIN "Organ" o ON o.id = c.id
    LEFT JOIN "Report" r ON r."organId" = o.id AND r.year = ${year}
    LEFT JOIN LATERAL (SELECT id, number, status, "stageIndex", stages, "authorIds" FROM "ReviewRound" WHERE "reportId" = r.id ORDER BY number DESC LIMIT 1) rr ON true
    LEFT JOIN LATERAL (SELECT min("publishedAt") AS first, max(version) AS latest FROM "Publication" WHERE "reportId" = r.id) pub ON true
    LEFT JOIN LATERAL (SELECT max("createdAt") AS last FROM "Reminder" WHERE "organId" = o.id AND year = ${year}) rem ON true`;
  const rows = organs === "below" ? await overTheTree(query) : await query(db());
  const holders = await holdersOfOpenRounds(rows.filter((r) => r.roundStatus === "OPEN" && r.status === "IN_REVIEW"));
  const counted = countChecks ? await refreshCheckCountsNow(rows.filter((r) => r.reportId && r.checkErrors === null).map((r) => r.reportId!)) : new Map();
  return rows.map(({ roundId, roundNumber: _number, stageIndex: _stage, authorIds: _authors, ...row }) => {
    const counts = row.reportId ? counted.get(row.reportId) : undefined;
    return { ...row, ...(counts && { checkErrors: counts.errors, checkWarnings: counts.warnings }), holderName: holders.get(roundId ?? "") ?? null };
  });
}

function holderText(progress: Progress, row: Row): string {
  if (row.status === "IN_REVIEW") return row.holderName ?? `待${row.stageRole ? ROLE_LABELS[row.stageRole] : "审核人"}处理`;
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
async function holdersOfOpenRounds(
  rows: Array<{ roundId: string | null; roundNumber: number | null; stageIndex: number | null; authorIds: string[] | null }>,
): Promise<Map<string, string>> {
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
 * The 工作台's summary of every organ below `rootId` for `year` (progress-summary.ts), from the
 * dashboard's kept rows: after a change below, only the organs announced are read again.
 */
export async function summariseOrganProgress(options: { rootId: string; year: number; listed: number; now?: Date }): Promise<ProgressSummary> {
  return summariseProgress(await findOrganProgress({ rootId: options.rootId, year: options.year, now: options.now }), options.listed);
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
