// What the editor does on each keystroke: replace one table-3 cell, or type one character into
// the narrative, then run every check on the whole report (totals computed). Runs in Node or a
// browser.
import { checkDraft } from "@/lib/report-format/checks";
import { emptySections, type ReportSections, type TableContent } from "@/lib/report-format/content";
import { TYPED_CELLS } from "@/lib/report-format/format";

/** The report of the first measurements (table 3 filled, a short narrative repeated): kept, so that figures compare. */
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

// Paragraphs as reports write them, full of figures in every form: 15 of them make an overview
// of about 18,000 characters (the limit is 20,000).
const PARAGRAPHS = [
  "本年度，本机关严格按照《中华人民共和国政府信息公开条例》要求，坚持以公开为常态、不公开为例外，全面推进决策、执行、管理、服务、结果公开，主动公开政府信息356条，其中政策解读18条，发布政务微博120条，更新公开栏42期。",
  "本年度新收政府信息公开申请十二件，上年结转1件，共受理申请13件（含上年结转1件）。全年办结12件，其中予以公开5件，部分公开2件，不予公开1件，无法提供3件，不予处理1件；结转下年度继续办理1件。申请内容主要涉及征地拆迁、规划建设、社会保障等方面，占申请总数的60%。",
  "依申请公开数为１２件，较上年增加3件，按时答复率100%，答复期限平均为8个工作日，无超期答复情况。其中自然人申请10件，商业企业申请2件；网上申请8件，信函申请3件，当面申请1件。",
  "本年度发生行政复议2件，其中1件维持，1件尚未审结；行政诉讼1件，被法院判决纠正。针对纠错案件，本机关认真分析原因，完善答复文书模板，组织业务培训2次，参训人员45人次。",
  "严格落实保密审查制度，坚持“先审查、后公开”和“一事一审”原则，全年审查拟公开信息412条，未发生泄密事件。规范政府信息公开指南和目录，及时更新机构职能、领导分工、办事指南等基础信息。",
];

function longNarrativeReport(): ReportSections {
  const sections = fullReport();
  const t3 = (sections.requests as TableContent).cells;
  for (const cell of Object.keys(t3)) t3[cell] = "0";
  Object.assign(t3, {
    "newRequests.natural": "12",
    "carriedIn.natural": "1",
    "disclosed.natural": "5",
    "partlyDisclosed.natural": "2",
    "withheld4.natural": "1",
    "unavailable1.natural": "3",
    "unprocessed2.natural": "1",
    "carriedOut.natural": "1",
  });
  const paragraphs: string[] = [];
  for (let i = 0; paragraphs.join("\n").length < 18_000; i++) paragraphs.push(`（${"一二三四五六七八九十"[i % 10]}）工作情况\n${PARAGRAPHS[i % PARAGRAPHS.length]!.repeat(2)}`);
  sections.overview = { kind: "narrative", text: paragraphs.join("\n") };
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

/** The long overview the narrative keystrokes type into, in paragraphs or as one paragraph. */
export function longNarrative(shape: "paragraphs" | "one paragraph"): string {
  const text = (longNarrativeReport().overview as { text: string }).text;
  return shape === "paragraphs" ? text : text.replace(/\n/g, "");
}

/**
 * Typing into an overview of about 18,000 characters (`text`, from longNarrative, perhaps
 * converted to 繁體): each keystroke adds a character in the middle — at the end of a paragraph, or
 * inside a text without line breaks, which the reader must then read whole.
 */
export function runNarrativeKeystrokes(count: number, text: string): number[] {
  const sections = longNarrativeReport();
  const lastYear = fullReport();
  const at = text.includes("\n") ? text.indexOf("\n", text.length / 2) : Math.floor(text.length / 2);
  // Every keystroke gives a text not seen before (the reader remembers paragraphs it has read).
  const typed = "本年度共收到申请十二件，".repeat(Math.ceil(count / 12) + 1);
  const durations: number[] = [];
  for (let i = 0; i < count; i++) {
    const next = `${text.slice(0, at)}${typed.slice(0, i + 1)}${text.slice(at)}`;
    const start = performance.now();
    checkDraft({
      year: 2025,
      organKind: "TOWNSHIP",
      sections: { ...sections, overview: { kind: "narrative", text: next } },
      lastYear,
      identity: { title: "青石镇2025年度政府信息公开工作年度报告", organName: "青石镇" },
    });
    durations.push(performance.now() - start);
  }
  return durations;
}
