import "server-only";
import { cache } from "react";
import { db } from "@/lib/db/client";
import { checkDraft } from "@/lib/report-format/checks";
import { emptySections, type ReportSections, type SectionContent } from "@/lib/report-format/content";
import type { OrganKind } from "@/lib/domain/organ-kinds";
import { SECTION_KEYS, type SectionKey } from "@/lib/report-format/format";
import { findExternalSections } from "./external-reports";
import { loadSections, readSectionContent } from "./load-sections";
import { OPEN_STALE_AFTER_MS } from "./mark-section-open";

export function listOrganReports(organId: string) {
  return db().report.findMany({
    where: { organId },
    orderBy: { year: "desc" },
    select: { id: true, year: true, title: true, status: true, updatedAt: true },
  });
}

/** Everything the report page shows about each section (once per request: several panels ask). */
export const getReportSections = cache(async (reportId: string) => {
  const rows = await db().section.findMany({
    where: { reportId },
    select: {
      key: true,
      version: true,
      content: true,
      isCarriedOver: true,
      updatedAt: true,
      openSeenAt: true,
      openSince: true,
      assignee: { select: { id: true, displayName: true } },
      lastEditor: { select: { displayName: true } },
      openBy: { select: { id: true, displayName: true } },
    },
  });
  const freshAfter = Date.now() - OPEN_STALE_AFTER_MS;
  const byKey = new Map(rows.map((r) => [r.key, r]));
  return SECTION_KEYS.map((key) => {
    const row = byKey.get(key)!;
    const isOpen = row.openBy && row.openSeenAt && row.openSeenAt.getTime() > freshAfter;
    return {
      key,
      version: row.version,
      content: readSectionContent(row.content),
      isCarriedOver: row.isCarriedOver,
      updatedAt: row.updatedAt,
      assignee: row.assignee,
      lastEditorName: row.lastEditor?.displayName ?? null,
      openBy: isOpen ? { id: row.openBy!.id, name: row.openBy!.displayName, since: row.openSince! } : null,
    };
  });
});

/** The six sections' content from rows that carry it. */
export function contentsOf(rows: ReadonlyArray<{ key: SectionKey; content: SectionContent }>): ReportSections {
  const sections = emptySections();
  for (const row of rows) sections[row.key] = row.content;
  return sections;
}

/** The checks over a report's saved text, as the server runs them (once per request). */
export const getReportFindings = cache(async (report: { id: string; organId: string; year: number; title: string; organ: { name: string; kind: OrganKind } }) => {
  const [rows, lastYear] = await Promise.all([getReportSections(report.id), findLastYearSections(report.organId, report.year)]);
  return checkDraft({
    year: report.year,
    organKind: report.organ.kind,
    sections: contentsOf(rows),
    lastYear,
    identity: { title: report.title, organName: report.organ.name },
  });
});

/** Last year's report of the same organ, for the carry-over and copy checks: this platform's, else one added as 外部导入. */
export const findLastYearSections = cache(async (organId: string, year: number): Promise<ReportSections | null> => {
  const last = await db().report.findUnique({ where: { organId_year: { organId, year: year - 1 } }, select: { id: true } });
  return last ? loadSections(last.id) : findExternalSections(organId, year - 1);
});

export function listOrganAuthors(organId: string) {
  return db().user.findMany({
    where: { memberships: { some: { organId, role: "AUTHOR" } }, disabledAt: null },
    select: { id: true, displayName: true },
    orderBy: { displayName: "asc" },
  });
}

export async function listRevisions(reportId: string, key: SectionKey) {
  const revisions = await db().sectionRevision.findMany({
    where: { section: { reportId, key } },
    orderBy: { version: "desc" },
    select: { id: true, version: true, kind: true, authorName: true, createdAt: true, content: true },
  });
  return revisions.map((r) => ({ ...r, content: readSectionContent(r.content) }));
}

/** The report's text as it stood at a moment (each section's newest revision by then). */
export async function sectionsAt(reportId: string, at: Date): Promise<ReportSections> {
  const sections = await loadSections(reportId);
  for (const key of SECTION_KEYS) {
    const revision = await db().sectionRevision.findFirst({
      where: { section: { reportId, key }, createdAt: { lte: at } },
      orderBy: { version: "desc" },
      select: { content: true },
    });
    if (revision) sections[key] = readSectionContent(revision.content);
  }
  return sections;
}
