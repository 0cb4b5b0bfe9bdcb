// What the editor does on each keystroke in table 3: replace one cell, then run
// every check on the whole report (totals computed). Runs in Node or a browser.
import { checkDraft } from "@/lib/report-format/checks";
import { emptySections, type ReportSections, type TableContent } from "@/lib/report-format/content";
import { TYPED_CELLS } from "@/lib/report-format/format";

function fullReport(): ReportSections {
  const sections = emptySections();
  for (const key of ["proactive", "requests", "appeals"] as const) {
    const table = sections[key] as TableContent;
    for (const cell of Object.keys(table.cells)) table.cells[cell] = String(cell.length % 7);
  }
  sections.overview = { kind: "narrative", text: "（一）主动公开\n本年度共收到政府信息公开申请12件，行政复议1件，均获维持。\n".repeat(40) };
  sections.problems = { kind: "narrative", text: "存在的主要问题是公开内容不够全面。".repeat(60) };
  sections.other = { kind: "narrative", text: "本机关未收取政府信息公开信息处理费。" };
  return sections;
}

export function runKeystrokes(count: number): number[] {
  const sections = fullReport();
  const lastYear = fullReport();
  const table3 = sections.requests as TableContent;
  const cells = TYPED_CELLS[3];
  const durations: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    const edited = { ...table3, cells: { ...table3.cells, [cells[i % cells.length]!]: String(i % 10) } };
    checkDraft({ year: 2025, organKind: "TOWNSHIP", sections: { ...sections, requests: edited }, lastYear });
    durations.push(performance.now() - start);
  }
  return durations;
}
