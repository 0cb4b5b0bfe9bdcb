import "server-only";
import { auditingRefusals } from "@/lib/audit/refusals";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { planSections, previewImport, refusalsOf, type ImportPreview } from "@/lib/report-files/import/import-plan";
import type { RecognisedReport } from "@/lib/report-files/import/recognised-report";
import { SECTION_KEYS } from "@/lib/report-format/format";
import { contentHash, reportContentHash } from "./content-hash";
import { assertWritable, findReportOrThrow, lockReportStatus, type FoundReport } from "./find-report";
import { loadSections } from "./load-sections";
import { findLastYearSections } from "./queries";
import { readReportInput, type ReportInput } from "./read-report-input";
import { writeImport } from "./write-import";

type Options = { actor: Actor; reportId: string; input: ReportInput; clientAddress: string | null };

async function readFor(report: FoundReport, input: ReportInput) {
  const read = await readReportInput(input);
  if (read.report.year !== null && read.report.year !== report.year) {
    throw new AppError("INVALID_INPUT", `文件是 ${read.report.year} 年度的报告，本报告是 ${report.year} 年度，未导入。`);
  }
  return read;
}

async function draftState(reportId: string) {
  const [sections, rows] = await Promise.all([loadSections(reportId), db().section.findMany({ where: { reportId }, select: { key: true, version: true } })]);
  const versions = Object.fromEntries(rows.map((r) => [r.key, r.version]));
  return { sections, versions };
}

/** Ties a preview to the draft it was made from and what the file says: confirming checks both are unchanged. */
function previewToken(versions: Record<string, number>, read: RecognisedReport) {
  return contentHash({ versions, sections: read.sections, found: read.foundSections, intro: read.intro });
}

/**
 * What importing a Word file, a saved page or pasted text into a draft would do: nothing is
 * written. The preview shows each section and cell as read, kept or empty, and the checks on
 * the result; its token is what the confirmation must bring back.
 */
export async function previewReportFile(options: Options): Promise<{ preview: ImportPreview; token: string; source: string }> {
  return auditingRefusals("report.import", options, async () => {
    const { actor, reportId, input } = options;
    const report = await findReportOrThrow(actor, reportId, "report.edit");
    assertWritable(report.status, ["DRAFT"]);
    const { report: read, source } = await readFor(report, input);
    const [{ sections, versions }, lastYear] = await Promise.all([draftState(reportId), findLastYearSections(report.organId, report.year)]);
    const preview = previewImport({ current: sections, read, year: report.year, organKind: report.organ.kind, lastYear, title: report.title, organName: report.organ.name });
    return { preview, token: previewToken(versions, read), source };
  });
}

/**
 * Writes what the preview showed: a new revision of each section that changes (the history
 * keeps the previous text). Refused, with nothing changed, when the file reads differently or
 * the draft was saved since the preview.
 */
export async function importReportFile(options: Options & { token: string }) {
  return auditingRefusals("report.import", options, async () => {
    const { actor, reportId, input, clientAddress } = options;
    const report = await findReportOrThrow(actor, reportId, "report.edit");
    assertWritable(report.status, ["DRAFT"]);
    const { report: read, source, format } = await readFor(report, input);
    const { sections, versions } = await draftState(reportId);
    if (previewToken(versions, read) !== options.token) throw new AppError("CONFLICT", "预览之后报告已被修改（或文件不同），未导入。请重新预览后再确认。");
    const planned = planSections(sections, read);
    const changed = SECTION_KEYS.filter((k) => JSON.stringify(planned[k]) !== JSON.stringify(sections[k]));
    const refused = refusalsOf(planned, changed);
    if (refused.length) throw new AppError("INVALID_INPUT", `文件中的内容不能保存，未导入：${refused.slice(0, 3).join("；")}`);
    await db().$transaction(async (tx) => {
      assertWritable(await lockReportStatus(tx, reportId), ["DRAFT"]);
      await writeImport(tx, {
        report,
        actor,
        clientAddress,
        sections: changed.map((key) => ({ key, baseVersion: versions[key]!, content: planned[key] })),
        conflictMessage: "导入时有人正在保存，未导入。请重新预览后再确认。",
        contentHash: reportContentHash(planned),
        details: { source: source.slice(0, 200), format, sections: changed },
      });
    });
    return { changed, intro: read.intro };
  });
}
