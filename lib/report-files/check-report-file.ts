// All findings for a report file: structure, then every check of the format; with last year's
// file, the rules that compare two years too (CARRYOVER, T2-CONTINUITY, SECTION5, COPY). Pure.
import { checkReport, type Finding } from "@/lib/report-format/checks";
import { parseReportJson } from "./report-json";

export type CheckedReportFile = { ok: false; problems: string[] } | { ok: true; findings: Finding[]; notes: string[]; year: number; organ: { name: string; code: string } };

export function checkReportFile(raw: unknown, options: { previous?: unknown } = {}): CheckedReportFile {
  const parsed = parseReportJson(raw);
  if (!parsed.ok) return parsed;
  let lastYear = null;
  if (options.previous !== undefined) {
    const previous = parseReportJson(options.previous);
    if (!previous.ok) return { ok: false, problems: previous.problems.map((p) => `上一年度报告文件 ${p}`) };
    const problems: string[] = [];
    if (previous.year !== parsed.year - 1) problems.push(`上一年度报告文件是 ${previous.year} 年度的报告，应为 ${parsed.year - 1} 年度`);
    if (previous.organ.code !== parsed.organ.code)
      problems.push(`上一年度报告文件属于机关代码为 ${previous.organ.code} 的机关（${previous.organ.name}），不是 ${parsed.organ.name}（${parsed.organ.code}）`);
    if (problems.length) return { ok: false, problems };
    lastYear = previous.sections;
  }
  const findings = [
    ...parsed.findings,
    ...checkReport({
      year: parsed.year,
      organKind: parsed.organ.kind,
      sections: parsed.sections,
      lastYear,
      identity: { title: parsed.title, organName: parsed.organ.name },
    }),
  ];
  return { ok: true, findings, notes: parsed.notes, year: parsed.year, organ: parsed.organ };
}
