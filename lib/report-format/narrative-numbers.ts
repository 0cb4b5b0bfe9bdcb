// Numbers a narrative quotes about the tables, found with a few patterns that
// recur in published reports. Arabic numerals only; a sentence the patterns
// do not recognise is simply not checked. Pure.

export type QuotedFigure = {
  /** What the figure claims to be. */
  subject: "newRequests" | "review" | "litigation";
  value: number;
  /** The words quoted, for the message. */
  quote: string;
};

const NUMBER = "(\\d{1,7})";
const PATTERNS: Array<{ subject: QuotedFigure["subject"]; pattern: RegExp; reject?: RegExp; require?: RegExp }> = [
  // "收到5条依申请公开信息", "共收到政府信息公开申请12件", "新收依申请公开申请3件"
  {
    subject: "newRequests",
    pattern: new RegExp(`(?:收到|新收|受理)[^\\d，。；,;]{0,15}?${NUMBER}\\s*(?:件|条|个|份)[^，。；,;]{0,10}`, "g"),
    require: /申请/,
    reject: /复议|诉讼/,
  },
  // "行政复议1件", "发生行政复议案件2起"
  { subject: "review", pattern: new RegExp(`行政复议[^\\d，。；,;]{0,8}?${NUMBER}\\s*(?:件|起|宗|个)`, "g") },
  // "行政诉讼1件"
  { subject: "litigation", pattern: new RegExp(`行政诉讼[^\\d，。；,;]{0,8}?${NUMBER}\\s*(?:件|起|宗|个)`, "g") },
];

export function findQuotedFigures(text: string): QuotedFigure[] {
  const found: QuotedFigure[] = [];
  for (const { subject, pattern, require, reject } of PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const quote = match[0];
      if (require && !require.test(quote)) continue;
      if (reject && reject.test(quote)) continue;
      found.push({ subject, value: Number(match[1]), quote });
    }
  }
  return found;
}

/** "均获维持" and the like: the text says every case was upheld. */
export function claimsAllUpheld(text: string): string | null {
  return text.match(/(?:均|全部|都)(?:获|被|予以|予)?维持/)?.[0] ?? null;
}
