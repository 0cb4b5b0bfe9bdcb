import "server-only";
import { auditingRefusals } from "@/lib/audit/refusals";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { checkReport } from "@/lib/report-format/checks";
import { isEmptySection, type SectionContent } from "@/lib/report-format/content";
import { reportContentHash } from "@/lib/reports/content-hash";
import { isOptionalSection, SECTION_KEYS, SECTION_TABLE, TYPED_CELLS } from "@/lib/report-format/format";
import { parseReportJson } from "@/lib/report-files/report-json";
import { assertWritable, findReportOrThrow, lockReportStatus } from "./find-report";
import { readSectionContent } from "./load-sections";
import { writeImport } from "./write-import";

const TOTAL_RULES = new Set(["T3-ROWTOTAL", "T3-RESULTS", "T4-TOTAL"]);

/**
 * Replaces a draft's 引言 and six sections with a report file's. Every section gets a new
 * revision, so the previous text stays in the history. Refused, with nothing
 * changed, when the file is not a report of this organ and year, or when its
 * printed totals disagree with its own figures (the editor computes totals, so
 * importing would silently change them). Returns what the file held that the 2021 format has
 * no place for (2019-format items of an older report), for the page to list.
 */
export async function importReport(options: { actor: Actor; reportId: string; raw: unknown; clientAddress: string | null }) {
  return auditingRefusals("report.import", options, async () => {
    const { actor, reportId, raw, clientAddress } = options;
    const report = await findReportOrThrow(actor, reportId, "report.edit");
    assertWritable(report.status, ["DRAFT"]);
    const parsed = parseReportJson(raw);
    if (!parsed.ok) throw new AppError("INVALID_INPUT", `文件不符合报告格式：${parsed.problems.slice(0, 5).join("；")}`);
    if (parsed.year !== report.year) throw new AppError("INVALID_INPUT", `文件是 ${parsed.year} 年度的报告，本报告是 ${report.year} 年度。`);
    if (parsed.organ.code !== report.organ.code) {
      throw new AppError("INVALID_INPUT", `文件属于机关代码为 ${parsed.organ.code} 的机关（${parsed.organ.name}），不是本机关。`);
    }
    const structural = parsed.findings.filter((f) => f.severity === "error");
    const totals = checkReport({ year: parsed.year, organKind: report.organ.kind, sections: parsed.sections }).filter((f) => TOTAL_RULES.has(f.id));
    const refusals = [...structural, ...totals];
    if (refusals.length)
      throw new AppError(
        "INVALID_INPUT",
        `文件有误，未导入：${refusals
          .slice(0, 5)
          .map((f) => f.message)
          .join("；")}`,
      );

    await db().$transaction(async (tx) => {
      assertWritable(await lockReportStatus(tx, reportId), ["DRAFT"]);
      const current = await tx.section.findMany({ where: { reportId }, select: { key: true, version: true, content: true } });
      const sections = SECTION_KEYS.flatMap((key) => {
        const imported = parsed.sections[key];
        const table = SECTION_TABLE[key];
        const content: SectionContent =
          imported.kind === "table" && table
            ? { kind: "table", note: imported.note, cells: Object.fromEntries(TYPED_CELLS[table].map((c) => [c, imported.cells[c] ?? ""])) }
            : imported;
        const row = current.find((s) => s.key === key)!;
        // A file without a 引言 over a draft without one: nothing to record.
        if (isOptionalSection(key) && isEmptySection(content) && isEmptySection(readSectionContent(row.content))) return [];
        return [{ key, baseVersion: row.version, content }];
      });
      await writeImport(tx, {
        report,
        actor,
        clientAddress,
        sections,
        conflictMessage: "导入时有人正在保存，请稍后再试。",
        contentHash: reportContentHash(parsed.sections),
      });
    });
    return { notes: parsed.notes };
  });
}
