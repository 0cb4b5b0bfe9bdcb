import { z } from "zod";
import { createPrismaClient, type AppPrismaClient } from "@/lib/db/create-client";
import { readJsonColumn } from "@/lib/db/json-column";
import type { ListedReport } from "./listings";
import type { FeedEvent } from "./open-data-files";
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
  return newestPerReport(await db().publication.findMany({ orderBy: { publishedAt: "desc" }, take: limit * 3, select: listed })).slice(0, limit);
}

export async function searchPublications(q: string, year: number | null) {
  const organs = q ? await db().organ.findMany({ where: { name: { contains: q } }, select: { code: true } }) : null;
  return newestPerReport(
    await db().publication.findMany({
      where: { ...(organs ? { organCode: { in: organs.map((o) => o.code) } } : {}), ...(year ? { year } : {}) },
      orderBy: { publishedAt: "desc" },
      take: 500,
      select: listed,
    }),
  );
}

export async function listOrganPublications(code: string) {
  const organ = await db().organ.findUnique({ where: { code }, select: { name: true, code: true } });
  if (!organ) return null;
  const reports = newestPerReport(await db().publication.findMany({ where: { organCode: code }, select: listed })).sort((a, b) => b.year - a.year);
  return { organ, reports };
}

export async function listPublicOrgans() {
  const organs = await db().organ.findMany({ select: { code: true, name: true, parent: { select: { code: true } } }, orderBy: { code: "asc" } });
  return organs.map((o) => ({ code: o.code, name: o.name, parentCode: o.parent?.code ?? null }));
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
// Read from Publication.digest (metadata and table cells, a few kilobytes), never the whole
// snapshot, so that a province's year file does not decompress thousands of snapshots.
// Withdrawn reports are not in the year files or the sitemap; the feed records their withdrawal.

const digestSchema = z.object({
  organ: z.object({ name: z.string(), code: z.string() }),
  title: z.string(),
  sections: z.object({
    proactive: z.object({ cells: z.record(z.string(), z.string()) }),
    requests: z.object({ cells: z.record(z.string(), z.string()) }),
    appeals: z.object({ cells: z.record(z.string(), z.string()) }),
  }),
});
const headSchema = digestSchema.pick({ organ: true, title: true });

/** Years with published reports (withdrawn ones aside), newest first, with how many. */
export async function listOpenDataYears(): Promise<Array<{ year: number; reports: number }>> {
  const rows = await db().$queryRaw<Array<{ year: number; reports: bigint }>>`
    SELECT p.year, count(DISTINCT p."reportId") AS reports
    FROM "Publication" p JOIN "Report" r ON r.id = p."reportId"
    WHERE r."withdrawnAt" IS NULL
    GROUP BY p.year ORDER BY p.year DESC`;
  return rows.map((r) => ({ year: r.year, reports: Number(r.reports) }));
}

/** Every report of the year as published (its newest version; withdrawn ones left out), by organ code. */
export async function listYearPublications(year: number) {
  const rows = await db().$queryRaw<Array<{ organCode: string; version: number; publishedAt: Date; indexNumber: string; digest: unknown }>>`
    SELECT DISTINCT ON (p."reportId") p."organCode", p.version, p."publishedAt", p."indexNumber", p.digest
    FROM "Publication" p JOIN "Report" r ON r.id = p."reportId"
    WHERE p.year = ${year} AND r."withdrawnAt" IS NULL
    ORDER BY p."reportId", p.version DESC`;
  return rows
    .map((row) => {
      const digest = readJsonColumn(digestSchema, row.digest, "Publication.digest");
      return {
        organCode: row.organCode,
        organName: digest.organ.name,
        title: digest.title,
        year,
        version: row.version,
        publishedAt: row.publishedAt.toISOString(),
        indexNumber: row.indexNumber,
        tables: { 2: digest.sections.proactive.cells, 3: digest.sections.requests.cells, 4: digest.sections.appeals.cells },
      };
    })
    .sort((a, b) => (a.organCode < b.organCode ? -1 : a.organCode > b.organCode ? 1 : 0));
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
