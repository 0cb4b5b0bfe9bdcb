import { createPrismaClient, type AppPrismaClient } from "@/lib/db/create-client";
import type { ListedExternalReport, ListedReport } from "./listings";
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
  // 历年报告（原发布）: years published elsewhere, for the years this platform has not published.
  const externals = await db().externalReport.findMany({
    where: { organ: { code } },
    orderBy: { year: "desc" },
    select: { year: true, title: true, sourceUrl: true, indexNumber: true, issuedOn: true },
  });
  const external: ListedExternalReport[] = externals
    .filter((e) => !reports.some((r) => r.year === e.year))
    .map((e) => ({ year: e.year, title: e.title, sourceUrl: e.sourceUrl, indexNumber: e.indexNumber, issuedOn: e.issuedOn }));
  return { organ, reports, external };
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
