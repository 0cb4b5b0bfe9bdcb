// YEAR and ORGAN: that the report says which year and whose it is consistently — the title's year
// and organ, the statistics period (统计期限), and sentences that open with a year or name the
// year's report. Text copied from last year's report is where these go wrong. Pure.
import type { ReportSections } from "./content";
import type { Finding } from "./findings";
import { SECTION_KEYS, SECTION_TITLES } from "./format";
import { memory, sentencesOf } from "./sentences";
import { normaliseNumbers } from "./text-numbers";

export type Identity = { title: string; organName: string };

const yearsIn = (text: string) => [...normaliseNumbers(text).text.matchAll(/(?<!\d)(\d{4})\s*年/g)].map((m) => Number(m[1]));

function checkTitle(identity: Identity, year: number): Finding[] {
  const findings: Finding[] = [];
  const title = identity.title.trim();
  // The title is shown above 一、总体情况: its findings are listed there.
  const warn = (id: "YEAR" | "ORGAN", message: string): Finding => ({ id, severity: "warning", section: "overview", message: `报告标题“${title}”${message}`, cells: [] });
  // The organ's own name may hold digits (a test organ, 第2社区): the year is read from the rest.
  const organ = identity.organName.trim();
  const years = yearsIn(organ ? title.replace(organ, "") : title);
  const wrong = years.filter((y) => y !== year);
  if (!years.length) findings.push(warn("YEAR", `中没有年份，应为“${year}年度”`));
  else if (wrong.length) findings.push(warn("YEAR", `写的是 ${wrong[0]} 年，本报告是 ${year} 年度`));
  if (organ && !title.replace(/\s/g, "").includes(organ.replace(/\s/g, ""))) findings.push(warn("ORGAN", `中没有本机关名称“${organ}”`));
  return findings;
}

// 统计期限自2023年1月1日起至2023年12月31日止 / 数据统计时间为…
const PERIOD = /(?:统计(?:期限|时限|区间|时间|周期|范围)|数据(?:统计)?(?:期限|截至|截止))[^。；;\n]*/g;
// A sentence about the year itself: "2023年，本机关…", "2023年度本单位…", "现将2023年度政府信息公开工作年度报告…"
const YEAR_OPENING = /^\s*((\d{4})年度?(?:[，,]|全年|本机关|本单位|本镇|本街道|我镇|我街道|我局|我委|我办|本部门))/g;
const YEARS_REPORT = /(?:现将|现予公布|特发布|本报告为)[^。；\n]{0,12}?((\d{4})年度?(?:政府信息公开|政务公开)工作(?:年度)?报告)/g;
/** Only a sentence with one of these can name a year (繁體 and Chinese-digit years included). */
const MAY_NAME_A_YEAR = /[0-9０-９〇零]/;

type YearMention = { kind: "period" | "opening" | "report"; year: number; start: number; end: number };
const remembered = memory<YearMention[]>();

/** What one sentence says about years that is not the report's (offsets relative to the sentence). */
function yearsOfSentence(sentence: string, year: number): YearMention[] {
  const norm = normaliseNumbers(sentence);
  const mentions: YearMention[] = [];
  const add = (kind: YearMention["kind"], mentioned: number, start: number, end: number) =>
    mentions.push({ kind, year: mentioned, start: norm.from[start]!, end: norm.to[end - 1]! });
  for (const match of norm.text.matchAll(PERIOD)) {
    const wrong = [...match[0].matchAll(/(?<!\d)(\d{4})\s*年/g)].map((m) => Number(m[1])).find((y) => y !== year);
    if (wrong !== undefined) add("period", wrong, match.index, match.index + match[0].length);
  }
  for (const match of norm.text.matchAll(YEAR_OPENING)) {
    const mentioned = Number(match[2]);
    // A later year is a plan (2025年将…), an earlier one is last year's text left in.
    if (mentioned >= year || mentioned < 2000) continue;
    const start = match.index + match[0].indexOf(match[1]!);
    add("opening", mentioned, start, start + match[1]!.length);
  }
  for (const match of norm.text.matchAll(YEARS_REPORT)) {
    const mentioned = Number(match[2]);
    if (mentioned === year) continue;
    const start = match.index + match[0].indexOf(match[1]!);
    add("report", mentioned, start, start + match[1]!.length);
  }
  return mentions;
}

function checkTextYears(key: (typeof SECTION_KEYS)[number], text: string, year: number): Finding[] {
  const findings: Finding[] = [];
  for (const sentence of sentencesOf(text)) {
    if (!MAY_NAME_A_YEAR.test(sentence.text)) continue;
    for (const m of remembered(`${year}|${sentence.text}`, () => yearsOfSentence(sentence.text, year))) {
      const quote = { start: sentence.start + m.start, end: sentence.start + m.end };
      const words = text.slice(quote.start, quote.end);
      const message =
        m.kind === "period"
          ? `统计期限写的是 ${m.year} 年（“${words}”），本报告是 ${year} 年度`
          : m.kind === "opening"
            ? `文中“${words}”是 ${m.year} 年的说法，本报告是 ${year} 年度`
            : `文中写“${words}”，本报告是 ${year} 年度`;
      findings.push({
        id: "YEAR",
        severity: "warning",
        section: key,
        message: `${SECTION_TITLES[key]}：${message}`,
        cells: [],
        quote,
        sentence: { start: sentence.start, end: sentence.end },
      });
    }
  }
  return findings;
}

export function checkIdentity(sections: ReportSections, year: number, identity: Identity | undefined): Finding[] {
  const findings = identity ? checkTitle(identity, year) : [];
  for (const key of SECTION_KEYS) {
    const content = sections[key];
    const text = content.kind === "narrative" ? content.text : content.note;
    if (text) findings.push(...checkTextYears(key, text, year));
  }
  return findings;
}
