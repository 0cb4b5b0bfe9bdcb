// A complete, consistent draft to start each check test from.
import { emptySections, type ReportSections, type TableContent } from "@/lib/report-format/content";

export const OVERVIEW_TEXT =
  "（一）主动公开\n本年度通过政府网站主动公开政府信息120条。\n（二）依申请公开\n本年度共收到政府信息公开申请5件，均已按时答复。\n（三）政府信息管理\n严格落实保密审查。\n（四）政府信息公开平台建设\n持续完善网站栏目。\n（五）监督保障\n将政务公开纳入年度工作考核，开展社会评议，未发生责任追究。";
export const PROBLEMS_TEXT =
  "本年度政务公开工作仍存在公开内容不够全面、解读形式较为单一、基层工作人员业务水平有待提高等问题。下一步将加强业务培训，丰富政策解读形式，提升公开质量。";
// "本年度", not a year: the fixture serves reports of many years (a year would be a YEAR warning in the others).
export const OTHER_TEXT = "本年度，本机关未收取政府信息公开信息处理费。";

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

/**
 * A consistent township report with figures in every part of tables 3 and 4 (12 new applications,
 * 1 carried in, 5 disclosed, 2 partly, 1 withheld, 3 unavailable, 1 not processed, 12 closed,
 * 1 carried out; 行政复议 2 — 1 upheld, 1 pending; 行政诉讼 1 — corrected), and a narrative that
 * states them.
 */
export const RICH_OVERVIEW =
  "（一）主动公开\n本年度主动公开政府信息356条。\n（二）依申请公开\n本年度新收政府信息公开申请12件，上年结转1件。全年办结12件，其中予以公开5件，部分公开2件，不予公开1件，无法提供3件，不予处理1件；结转下年度继续办理1件。\n（三）政府信息管理\n严格落实保密审查。\n（四）政府信息公开平台建设\n持续完善网站栏目。\n（五）监督保障\n本年度发生行政复议2件，其中维持1件，尚未审结1件；行政诉讼1件，被依法纠正1件。";

export function richDraft(): ReportSections {
  const sections = validDraft();
  const t2 = (sections.proactive as TableContent).cells;
  Object.assign(t2, {
    "normativeDocuments.made": "3",
    "normativeDocuments.repealed": "1",
    "normativeDocuments.current": "20",
    "licensing.decisions": "150",
    "punishment.decisions": "40",
    "enforcement.decisions": "2",
  });
  const t3 = (sections.requests as TableContent).cells;
  for (const cell of Object.keys(t3)) t3[cell] = "0";
  Object.assign(t3, {
    "newRequests.natural": "10",
    "newRequests.commercial": "2",
    "carriedIn.natural": "1",
    "disclosed.natural": "5",
    "partlyDisclosed.natural": "2",
    "withheld4.natural": "1",
    "unavailable1.natural": "1",
    "unavailable1.commercial": "1",
    "unavailable2.commercial": "1",
    "unprocessed2.natural": "1",
    "carriedOut.natural": "1",
  });
  const t4 = (sections.appeals as TableContent).cells;
  Object.assign(t4, { "review.upheld": "1", "review.pending": "1", "litigationDirect.corrected": "1" });
  sections.overview = { kind: "narrative", text: RICH_OVERVIEW };
  return sections;
}
