// A complete, consistent draft to start each check test from.
import { emptySections, type ReportSections, type TableContent } from "@/lib/report-format/content";

export const OVERVIEW_TEXT =
  "（一）主动公开\n本年度通过政府网站主动公开政府信息120条。\n（二）依申请公开\n本年度共收到政府信息公开申请5件，均已按时答复。\n（三）政府信息管理\n严格落实保密审查。\n（四）政府信息公开平台建设\n持续完善网站栏目。\n（五）监督保障\n将政务公开纳入年度工作考核，开展社会评议，未发生责任追究。";
export const PROBLEMS_TEXT =
  "本年度政务公开工作仍存在公开内容不够全面、解读形式较为单一、基层工作人员业务水平有待提高等问题。下一步将加强业务培训，丰富政策解读形式，提升公开质量。";
export const OTHER_TEXT = "2024年，本机关未收取政府信息公开信息处理费。";

export function validDraft(): ReportSections {
  const sections = emptySections();
  for (const key of ["proactive", "requests", "appeals"] as const) {
    const table = sections[key] as TableContent;
    for (const cell of Object.keys(table.cells)) table.cells[cell] = "0";
  }
  const t3 = (sections.requests as TableContent).cells;
  Object.assign(t3, {
    "newRequests.natural": "5",
    "carriedIn.natural": "1",
    "disclosed.natural": "3",
    "partlyDisclosed.natural": "1",
    "unavailable1.natural": "1",
    "carriedOut.natural": "1",
  });
  sections.overview = { kind: "narrative", text: OVERVIEW_TEXT };
  sections.problems = { kind: "narrative", text: PROBLEMS_TEXT };
  sections.other = { kind: "narrative", text: OTHER_TEXT };
  return sections;
}

export function setCell(sections: ReportSections, key: "proactive" | "requests" | "appeals", cell: string, value: string) {
  (sections[key] as TableContent).cells[cell] = value;
  return sections;
}
