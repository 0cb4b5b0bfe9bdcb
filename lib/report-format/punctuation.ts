// Half-width punctuation in Chinese text (common when text is pasted from other tools): ASCII
// commas, colons, semicolons, question and exclamation marks and parentheses next to Chinese
// characters. Finding them (PUNCTUATION) and replacing them with the full-width marks (规范标点).
// English, numbers and addresses keep theirs: "Word, Excel", "10:30", "1,234", "https://". Pure.
import type { Finding, TextSpan } from "./findings";
import { SECTION_TITLES, type SectionKey } from "./format";

const FULL_WIDTH: Record<string, string> = { ",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）" };
const CHINESE = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff5e\u201c\u201d\u2018\u2019]/;
const isChinese = (ch: string | undefined) => ch !== undefined && CHINESE.test(ch);

/** The nearest character on the same line, skipping spaces, in one direction. */
function neighbour(text: string, index: number, step: 1 | -1): string | undefined {
  for (let i = index + step; i >= 0 && i < text.length; i += step) {
    const ch = text[i]!;
    if (ch === "\n") return undefined;
    if (ch !== " " && ch !== "\t") return ch;
  }
  return undefined;
}

/** Where the text has half-width marks that belong to Chinese writing (offsets of single characters). */
export function findHalfWidthPunctuation(text: string): number[] {
  if (!/[,:;?!()]/.test(text)) return [];
  const found = new Set<number>();
  const open: number[] = [];
  const touchesChinese = (i: number) => isChinese(neighbour(text, i, -1)) || isChinese(neighbour(text, i, 1));
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "(") open.push(i);
    else if (ch === ")") {
      const start = open.pop();
      if (start === undefined) {
        if (touchesChinese(i)) found.add(i);
      } else if (touchesChinese(start) || touchesChinese(i) || CHINESE.test(text.slice(start + 1, i))) {
        found.add(start);
        found.add(i);
      }
    } else if (ch in FULL_WIDTH) {
      const before = text[i - 1] ?? "";
      const after = text.slice(i + 1, i + 3);
      if (ch === ":" && after.startsWith("//")) continue; // https://
      if ((ch === ":" || ch === ",") && /\d/.test(before) && /^\d/.test(after)) continue; // 10:30, 1,234
      if (touchesChinese(i)) found.add(i);
    }
  }
  for (const start of open) if (touchesChinese(start)) found.add(start);
  return [...found].sort((a, b) => a - b);
}

/** The text with those marks made full-width, and the spaces around them (which full-width marks do not need) removed. */
export function fixPunctuation(text: string): string {
  const marks = new Set(findHalfWidthPunctuation(text));
  if (!marks.size) return text;
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (marks.has(i)) {
      out = out.replace(/[ \t]+$/, "");
      out += FULL_WIDTH[ch];
      while (text[i + 1] === " " || text[i + 1] === "\t") i++;
    } else out += ch;
  }
  return out;
}

/** PUNCTUATION: one warning per text that has half-width marks, quoting the first. */
export function checkPunctuation(key: SectionKey, text: string, what: "正文" | "表格说明"): Finding | null {
  const marks = findHalfWidthPunctuation(text);
  if (!marks.length) return null;
  const first = marks[0]!;
  const quote: TextSpan = { start: Math.max(0, first - 4), end: Math.min(text.length, first + 5) };
  const example = text.slice(quote.start, quote.end).replace(/\n/g, " ").trim();
  return {
    id: "PUNCTUATION",
    severity: "warning",
    section: key,
    message: `${SECTION_TITLES[key]}${what === "表格说明" ? " 表格说明" : ""}：有 ${marks.length} 处半角标点（如“${example}”），中文应使用全角标点“，：；（）”，可点“规范标点”一键改正`,
    cells: [],
    quote,
    sentence: quote,
  };
}
