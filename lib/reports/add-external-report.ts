import "server-only";
import { appendAuditEntry } from "@/lib/audit/append-audit-entry";
import { auditingRefusals } from "@/lib/audit/refusals";
import { assertOrganPermission } from "@/lib/auth/assert-permission";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { invalidatePublicPages } from "@/lib/publish/public-cache";
import { announcePublicChange } from "@/lib/publish/public-changes";
import { planSections, previewImport, refusalsOf, type ImportPreview } from "@/lib/report-files/import/import-plan";
import { emptySections, type ReportSections } from "@/lib/report-format/content";
import { reportTitle, SECTION_KEYS } from "@/lib/report-format/format";
import { contentHash } from "./content-hash";
import { forgetCheckCounts } from "./report-checks";
import { findExternalSections } from "./external-reports";
import { loadSections } from "./load-sections";
import { readReportInput, type ReportInput } from "./read-report-input";

/** The first year the form's history reaches back to (the 条例 took effect in 2008). */
export const FIRST_HISTORY_YEAR = 2008;

type Options = {
  actor: Actor;
  organId: string;
  input: ReportInput;
  /** The year, when the source's title does not state it. */
  year: number | null;
  /** The original address of the published report. */
  sourceUrl: string | null;
  clientAddress: string | null;
};

/** Nothing at all: a section the source lacks is stored empty (not the editor's outline of sub-headings). */
function blankSections(): ReportSections {
  return { ...emptySections(), overview: { kind: "narrative", text: "" } };
}

async function readFor(options: Options) {
  const { organId } = options;
  const organ = await db().organ.findUniqueOrThrow({ where: { id: organId }, select: { name: true, kind: true } });
  const read = await readReportInput(options.input);
  const year = read.report.year ?? options.year;
  if (year === null) throw new AppError("INVALID_INPUT", "文件的标题中没有年度，请选择报告年度。", { year: "请选择报告年度。" });
  if (options.year !== null && read.report.year !== null && options.year !== read.report.year) {
    throw new AppError("INVALID_INPUT", `文件是 ${read.report.year} 年度的报告，与所选的 ${options.year} 年度不符。`, { year: "与文件的年度不符。" });
  }
  if (year < FIRST_HISTORY_YEAR || year >= new Date().getFullYear()) {
    throw new AppError("INVALID_INPUT", `只能添加 ${FIRST_HISTORY_YEAR} 年至去年的历年报告。`, { year: "年度不在范围内。" });
  }
  const own = await db().report.findUnique({ where: { organId_year: { organId, year } }, select: { id: true } });
  if (own) throw new AppError("CONFLICT", `本平台已有 ${year} 年度的报告，不能再添加外部导入的同年度报告。`);
  const existing = await db().externalReport.findUnique({ where: { organId_year: { organId, year } }, select: { id: true } });
  if (existing) throw new AppError("CONFLICT", `已添加过 ${year} 年度的外部导入报告；如有错误，请在该年度的页面中更正。`);
  // Last year's text for the checks that compare two years: the platform's own report, else an imported one.
  const lastReport = await db().report.findUnique({ where: { organId_year: { organId, year: year - 1 } }, select: { id: true } });
  const lastYear = lastReport ? await loadSections(lastReport.id) : await findExternalSections(organId, year - 1);
  const sections: ReportSections = planSections(blankSections(), read.report);
  const title = read.report.title ?? reportTitle(organ.name, year);
  const preview = previewImport({ current: blankSections(), read: read.report, year, organKind: organ.kind, lastYear, title, organName: organ.name });
  return { read, year, sections, title, preview };
}

const tokenOf = (year: number, sections: ReportSections, intro: string) => contentHash({ year, sections, intro });

/** What adding a past year from a file would store; nothing is written. */
export async function previewExternalReport(options: Options): Promise<{ preview: ImportPreview; token: string; year: number; source: string }> {
  return auditingRefusals("report.importExternal", options, async () => {
    await assertOrganPermission(options.actor, "organ.importHistory", options.organId);
    const { read, year, sections, preview } = await readFor(options);
    return { preview, token: tokenOf(year, sections, read.report.intro), year, source: read.source };
  });
}

/**
 * Stores a past year's report published elsewhere as 外部导入, with its source and metadata:
 * not a report of this platform (never reviewed or published here). Refused when the platform
 * has its own report of that year, when the year was already added, or when the file reads
 * differently from the preview.
 */
export async function addExternalReport(options: Options & { token: string }) {
  return auditingRefusals("report.importExternal", options, async () => {
    const { actor, organId, clientAddress } = options;
    await assertOrganPermission(actor, "organ.importHistory", organId);
    const { read, year, sections, title } = await readFor(options);
    if (tokenOf(year, sections, read.report.intro) !== options.token) throw new AppError("CONFLICT", "文件与预览时不同，未添加。请重新预览。");
    const refused = refusalsOf(sections, SECTION_KEYS);
    if (refused.length) throw new AppError("INVALID_INPUT", `文件中的内容不能保存，未添加：${refused.slice(0, 3).join("；")}`);
    const { metadata } = read.report;
    const created = await db().$transaction(async (tx) => {
      const row = await tx.externalReport.create({
        data: {
          organId,
          year,
          title: title.slice(0, 200),
          sections,
          intro: read.report.intro,
          source: read.source.slice(0, 200),
          sourceUrl: options.sourceUrl,
          indexNumber: metadata.indexNumber?.slice(0, 100) ?? null,
          publisher: metadata.publisher?.slice(0, 100) ?? null,
          issuedOn: metadata.issuedOn ?? null,
          documentNumber: metadata.documentNumber?.slice(0, 100) ?? null,
          createdById: actor.id,
          createdByName: actor.displayName,
        },
        select: { id: true },
      });
      // The next year's report compares with this one: its stored check counts are out of date.
      await forgetCheckCounts(tx, { organId, year: year + 1 });
      // Every instance drops its cached public pages (the organ's page lists the year) when this commits.
      await announcePublicChange(tx, { all: true });
      await appendAuditEntry(tx, {
        action: "report.externalImported",
        actor,
        targetType: "externalReport",
        targetId: row.id,
        organId,
        clientAddress,
        contentHash: contentHash(sections),
        details: { year, source: read.source.slice(0, 200), sourceUrl: options.sourceUrl, indexNumber: metadata.indexNumber ?? null },
      });
      return row;
    });
    invalidatePublicPages();
    return { id: created.id, year };
  });
}
