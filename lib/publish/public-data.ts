import { z } from "zod";
import { createPrismaClient, type AppPrismaClient } from "@/lib/db/create-client";
import { readJsonColumn } from "@/lib/db/json-column";
import { publicationFiguresColumns, readStoredFigures } from "@/lib/db/table-figures";
import {
  CHILDREN_PAGE_SIZE,
  containsPattern,
  HOME_BELOW_SHOWN,
  HOME_TOP_SHOWN,
  pageWithin,
  SEARCH_PAGE_SIZE,
  topOrgans,
  type ListedExternalReport,
  type ListedReport,
  type OrganLink,
  type Paged,
} from "./listings";
import type { FeedEvent, OpenDataReport } from "./open-data-files";
import { readListedSnapshot, readPublishedSnapshot } from "./snapshot";

// Public data comes only from publications (immutable snapshots) and the organ
// tree: nothing here can read a draft, and no option turns that off.
// Used by the public front server (scripts/server.ts), which has its own small pool.

const globalForPublic = globalThis as unknown as { nianbaoPublicDb?: AppPrismaClient };
function db(): AppPrismaClient {
  if (!process.env.DATABASE_URL) throw new Error("DATABASE_URL is not set");
  return (globalForPublic.nianbaoPublicDb ??= createPrismaClient(process.env.DATABASE_URL, 5));
}

type PublicationRow = {
  reportId: string;
  organCode: string;
  year: number;
  version: number;
  publishedAt: Date;
  snapshot: unknown;
  report: { withdrawnAt: Date | null };
};

/** One entry per report: its newest version. */
function newestPerReport(rows: PublicationRow[]): ListedReport[] {
  const newest = new Map<string, PublicationRow>();
  for (const row of rows) if ((newest.get(row.reportId)?.version ?? 0) < row.version) newest.set(row.reportId, row);
  return [...newest.values()]
    .sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime())
    .map((row) => {
      const snapshot = readListedSnapshot(row.snapshot);
      return {
        organName: snapshot.organ.name,
        organCode: row.organCode,
        year: row.year,
        title: snapshot.title,
        publishedAt: row.publishedAt.toISOString(),
        version: row.version,
        withdrawnAt: row.report.withdrawnAt?.toISOString() ?? null,
      };
    });
}

const listed = { reportId: true, organCode: true, year: true, version: true, publishedAt: true, snapshot: true, report: { select: { withdrawnAt: true } } } as const;

export async function listLatestPublications(limit = 20) {
  const recent = await db().publication.findMany({ orderBy: { publishedAt: "desc" }, take: limit * 3, select: { id: true } });
  return newestPerReport(await listedRows(recent.map((p) => p.id))).slice(0, limit);
}

/**
 * The newest version of every published report of the organs whose name contains `q` (any
 * organ when empty) and of `year` (any when null), newest first, one page of SEARCH_PAGE_SIZE.
 * The organs are found through the name-piece index (migration organ_name_grams), and only the
 * page's own snapshots are read.
 */
export async function searchPublications(q: string, year: number | null, askedPage: number): Promise<Paged<ListedReport>> {
  // The newest of each report's matching publications (a correction replaces its report's entry),
  // counted, and the page's ids. With a year, read from the index of a year's publications
  // (migration publication_year_index) in the order DISTINCT ON needs.
  const hits = (offset: number) => db().$queryRaw<Array<{ total: number; ids: string[] }>>`
    WITH newest AS MATERIALIZED (
      SELECT DISTINCT ON (p."reportId") p.id, p."publishedAt" FROM "Publication" p
      WHERE (${q} = '' OR p."organCode" IN (
              SELECT o.code FROM "Organ" o WHERE organ_name_grams(o.name) @> organ_name_grams(${q}) AND o.name LIKE ${containsPattern(q)}))
        AND (${year}::int IS NULL OR p.year = ${year}::int)
      ORDER BY p."reportId", p.version DESC)
    SELECT (SELECT count(*) FROM newest)::int AS total,
           ARRAY(SELECT id FROM newest ORDER BY "publishedAt" DESC, id LIMIT ${SEARCH_PAGE_SIZE} OFFSET ${offset}) AS ids`;
  const [{ total, ids: asked }] = (await hits(pageWithin(Infinity, SEARCH_PAGE_SIZE, askedPage).offset)) as [{ total: number; ids: string[] }];
  const { page, pages, offset } = pageWithin(total, SEARCH_PAGE_SIZE, askedPage);
  // Asked past the last page: the last page instead.
  const ids = page !== askedPage && total > 0 ? (await hits(offset))[0]!.ids : asked;
  return { items: newestPerReport(await listedRows(ids)), total, page, pages };
}

/** The listed fields of these publications, reading only the organ and title out of each snapshot (a whole report). */
async function listedRows(ids: string[]): Promise<PublicationRow[]> {
  if (!ids.length) return [];
  const rows = await db().$queryRaw<Array<Omit<PublicationRow, "report"> & { withdrawnAt: Date | null }>>`
    SELECT p."reportId", p."organCode", p.year, p.version, p."publishedAt", r."withdrawnAt",
           jsonb_build_object('organ', p.snapshot -> 'organ', 'title', p.snapshot -> 'title') AS snapshot
    FROM "Publication" p JOIN "Report" r ON r.id = p."reportId" WHERE p.id = ANY(${ids})`;
  return rows.map(({ withdrawnAt, ...row }) => ({ ...row, report: { withdrawnAt } }));
}

/** An organ's public page: the organs above it, its reports, and one page of the organs directly below it. */
export async function listOrganPublications(code: string, askedPage = 1) {
  const organ = await db().organ.findUnique({ where: { code }, select: { id: true, name: true, code: true, _count: { select: { children: true } } } });
  if (!organ) return null;
  const { page, pages, offset } = pageWithin(organ._count.children, CHILDREN_PAGE_SIZE, askedPage);
  const [above, children, publications] = await Promise.all([
    db().$queryRaw<Array<{ code: string; name: string }>>`
      WITH RECURSIVE up AS (
        SELECT "parentId", 0 AS depth, code, name FROM "Organ" WHERE id = ${organ.id}
        UNION ALL
        SELECT o."parentId", up.depth + 1, o.code, o.name FROM "Organ" o JOIN up ON o.id = up."parentId" WHERE up.depth < 32)
      SELECT code, name FROM up WHERE depth > 0 ORDER BY depth DESC`,
    organLinks(organ.id, offset, CHILDREN_PAGE_SIZE),
    db().publication.findMany({ where: { organCode: code }, select: listed }),
  ]);
  const reports = newestPerReport(publications).sort((a, b) => b.year - a.year);
  // 历年报告（原发布）: years published elsewhere, for the years this platform has not published.
  const externals = await db().externalReport.findMany({
    where: { organ: { code } },
    orderBy: { year: "desc" },
    select: { year: true, title: true, sourceUrl: true, indexNumber: true, issuedOn: true },
  });
  const external: ListedExternalReport[] = externals
    .filter((e) => !reports.some((r) => r.year === e.year))
    .map((e) => ({ year: e.year, title: e.title, sourceUrl: e.sourceUrl, indexNumber: e.indexNumber, issuedOn: e.issuedOn }));
  return { organ: { name: organ.name, code: organ.code }, above, reports, below: { items: children, total: organ._count.children, page, pages }, external };
}

/** Organs directly below `parentId`, in code order, each with its own number of organs below. */
function organLinks(parentId: string, offset: number, limit: number) {
  return db().$queryRaw<OrganLink[]>`
    SELECT o.code, o.name, (SELECT count(*) FROM "Organ" c WHERE c."parentId" = o.id)::int AS children
    FROM "Organ" o WHERE o."parentId" = ${parentId} ORDER BY o.code LIMIT ${limit} OFFSET ${offset}`;
}

/** The home page's organ tree: the top organs, each with the first organs below it (the rest on its own page). */
export async function listTopOrgans() {
  const rows = await db().$queryRaw<Array<OrganLink & { parentCode: string | null }>>`
    WITH top AS (SELECT id, code, name FROM "Organ" WHERE "parentId" IS NULL ORDER BY code LIMIT ${HOME_TOP_SHOWN}),
    below AS (
      SELECT o.id, o.code, o.name, t.code AS "parentCode",
             row_number() OVER (PARTITION BY o."parentId" ORDER BY o.code) AS n
      FROM "Organ" o JOIN top t ON o."parentId" = t.id)
    SELECT x.code, x.name, x."parentCode", (SELECT count(*) FROM "Organ" c WHERE c."parentId" = x.id)::int AS children
    FROM (SELECT id, code, name, NULL::text AS "parentCode" FROM top
          UNION ALL SELECT id, code, name, "parentCode" FROM below WHERE n <= ${HOME_BELOW_SHOWN}) AS x
    ORDER BY x.code`;
  const total = await db().organ.count({ where: { parentId: null } });
  return { top: topOrgans(rows), more: Math.max(0, total - HOME_TOP_SHOWN) };
}

/** A stored page of a publication (the newest version when `version` is undefined), or why there is none. */
export async function findPublishedPage(code: string, year: number, version: number | undefined, script: "hans" | "hant") {
  const publication = await db().publication.findFirst({
    where: { organCode: code, year, ...(version ? { version } : {}) },
    orderBy: { version: "desc" },
    select: { id: true, version: true, report: { select: { withdrawnAt: true, withdrawReason: true } } },
  });
  if (!publication) return null;
  const page = await db().publishedPage.findUniqueOrThrow({
    where: { publicationId_script_variant: { publicationId: publication.id, script, variant: version ? "version" : "latest" } },
    select: { html: true, gzip: true, brotli: true, etag: true },
  });
  return { ...page, withdrawnAt: publication.report.withdrawnAt, withdrawReason: publication.report.withdrawReason };
}

export async function findPublicationSnapshot(code: string, year: number, version: number) {
  const publication = await db().publication.findUnique({
    where: { organCode_year_version: { organCode: code, year, version } },
    select: { snapshot: true, report: { select: { withdrawnAt: true, withdrawReason: true } } },
  });
  return publication && { snapshot: readPublishedSnapshot(publication.snapshot), withdrawnAt: publication.report.withdrawnAt, withdrawReason: publication.report.withdrawReason };
}

// ---- Open data (汇总 of what is public: the year files, the feed, the sitemap) ----
// Read from Publication.tableValues and Publication.digest (see lib/db/table-figures.ts),
// never the whole snapshot, so that a province's year file does not decompress thousands of snapshots.
// Withdrawn reports are not in the year files or the sitemap; the feed records their withdrawal.

const headSchema = z.object({ organ: z.object({ name: z.string(), code: z.string() }), title: z.string() });
/** The organ's name and the title as a year file reads them out of the digest (every snapshot has both). */
const yearRowHeadSchema = z.object({ organName: z.string(), title: z.string() });

/** Years with published reports (withdrawn ones aside), newest first, with how many. */
export async function listOpenDataYears(): Promise<Array<{ year: number; reports: number }>> {
  const rows = await db().$queryRaw<Array<{ year: number; reports: bigint }>>`
    SELECT p.year, count(DISTINCT p."reportId") AS reports
    FROM "Publication" p JOIN "Report" r ON r.id = p."reportId"
    WHERE r."withdrawnAt" IS NULL
    GROUP BY p.year ORDER BY p.year DESC`;
  return rows.map((r) => ({ year: r.year, reports: Number(r.reports) }));
}

/**
 * The publications that make the year's open data: each report's newest version (withdrawn
 * reports left out), by organ code. Only ids: what a publication says never changes, so its
 * content is read once (findOpenDataReports) and its line kept.
 */
export async function listYearPublicationIds(year: number): Promise<string[]> {
  const rows = await db().$queryRaw<Array<{ id: string; organCode: string }>>`
    SELECT DISTINCT ON (p."reportId") p.id, p."organCode"
    FROM "Publication" p JOIN "Report" r ON r.id = p."reportId"
    WHERE p.year = ${year} AND r."withdrawnAt" IS NULL
    ORDER BY p."reportId", p.version DESC`;
  return rows.sort((a, b) => (a.organCode < b.organCode ? -1 : a.organCode > b.organCode ? 1 : 0)).map((row) => row.id);
}

/** What the open data shows of these publications, by id (a missing id is not a publication). */
export async function findOpenDataReports(ids: ReadonlyArray<string>): Promise<Map<string, OpenDataReport>> {
  if (!ids.length) return new Map();
  const rows = await db().$queryRaw<
    Array<{
      id: string;
      organCode: string;
      year: number;
      version: number;
      publishedAt: Date;
      indexNumber: string;
      organName: unknown;
      title: unknown;
      values: string | null;
      tables: unknown;
    }>
  >`
    SELECT p.id, p."organCode", p.year, p.version, p."publishedAt", p."indexNumber",
           p.digest -> 'organ' ->> 'name' AS "organName", p.digest ->> 'title' AS title, ${publicationFiguresColumns("p")}
    FROM "Publication" p
    WHERE p.id = ANY(${ids}::text[])`;
  return new Map(
    rows.map((row) => [
      row.id,
      {
        organCode: row.organCode,
        ...readJsonColumn(yearRowHeadSchema, { organName: row.organName, title: row.title }, "Publication.digest"),
        year: row.year,
        version: row.version,
        publishedAt: row.publishedAt.toISOString(),
        indexNumber: row.indexNumber,
        figures: readStoredFigures(row, "Publication.digest"),
      },
    ]),
  );
}

/** The newest publications, corrections and withdrawals, newest first. */
export async function listFeedEvents(limit = 50): Promise<FeedEvent[]> {
  const select = { organCode: true, year: true, version: true, indexNumber: true, publishedAt: true, correctionNote: true, digest: true } as const;
  const [publications, withdrawn] = await Promise.all([
    db().publication.findMany({ orderBy: { publishedAt: "desc" }, take: limit, select }),
    db().publication.findMany({
      where: { report: { withdrawnAt: { not: null } } },
      distinct: ["reportId"],
      orderBy: [{ reportId: "asc" }, { version: "desc" }],
      select: { ...select, report: { select: { withdrawnAt: true, withdrawReason: true } } },
    }),
  ]);
  const head = (digest: unknown) => readJsonColumn(headSchema, digest, "Publication.digest");
  const events: FeedEvent[] = [
    ...publications.map((p): FeedEvent => {
      const { organ, title } = head(p.digest);
      const kind = p.version > 1 ? "corrected" : "published";
      return {
        kind,
        organCode: p.organCode,
        organName: organ.name,
        year: p.year,
        version: p.version,
        title,
        indexNumber: p.indexNumber,
        at: p.publishedAt.toISOString(),
        note: p.correctionNote,
      };
    }),
    ...withdrawn.map((p): FeedEvent => {
      const { organ, title } = head(p.digest);
      return {
        kind: "withdrawn",
        organCode: p.organCode,
        organName: organ.name,
        year: p.year,
        version: p.version,
        title,
        indexNumber: p.indexNumber,
        at: p.report.withdrawnAt!.toISOString(),
        note: p.report.withdrawReason,
      };
    }),
  ];
  return events.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)).slice(0, limit);
}

/** The public pages a search engine should know: every organ's page and every report's plain address (withdrawn ones aside). */
export async function listSitemapEntries() {
  const [organs, reports] = await Promise.all([
    db().organ.findMany({ select: { code: true }, orderBy: { code: "asc" } }),
    db().$queryRaw<Array<{ organCode: string; year: number; publishedAt: Date }>>`
      SELECT DISTINCT ON (p."reportId") p."organCode", p.year, p."publishedAt"
      FROM "Publication" p JOIN "Report" r ON r.id = p."reportId"
      WHERE r."withdrawnAt" IS NULL
      ORDER BY p."reportId", p.version DESC`,
  ]);
  return { organCodes: organs.map((o) => o.code), reports: reports.map((r) => ({ organCode: r.organCode, year: r.year, lastModified: r.publishedAt.toISOString() })) };
}
