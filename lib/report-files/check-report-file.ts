// All findings for a report file: structure, then every check of the format. Pure.
import { checkReport, type Finding } from "@/lib/report-format/checks";
import { parseReportJson } from "./report-json";

export function checkReportFile(raw: unknown): { ok: false; problems: string[] } | { ok: true; findings: Finding[] } {
  const parsed = parseReportJson(raw);
  if (!parsed.ok) return parsed;
  const findings = [...parsed.findings, ...checkReport({ year: parsed.year, organKind: parsed.organ.kind, sections: parsed.sections })];
  return { ok: true, findings };
}
