// Numbers as reports write them: Arabic, full width (１２), with thousands separators (1,234),
// or in Chinese numerals (十二, 一百零五, 两). normaliseNumbers rewrites them as plain Arabic
// digits and keeps, for every character it produces, the stretch of the input it came from, so
// that what is found in the rewritten text can be quoted from the original. Pure.

const CHINESE_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CHINESE_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** The value of a Chinese numeral (十二 → 12, 一百零五 → 105, 一万二千 → 12000, 二〇二四 → 2024), or null. */
export function chineseNumeralValue(numeral: string): number | null {
  if (numeral === "") return null;
  // Digit by digit (二〇二四年): no unit characters at all.
  if ([...numeral].every((ch) => ch in CHINESE_DIGITS)) {
    if (numeral.length === 1) return CHINESE_DIGITS[numeral]!;
    return numeral.length === 4 ? Number([...numeral].map((ch) => CHINESE_DIGITS[ch]).join("")) : null;
  }
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const ch of numeral) {
    if (ch in CHINESE_DIGITS) {
      if (CHINESE_DIGITS[ch] === 0) continue; // 一百零五: 零 only holds a place
      if (digit !== null) return null; // 二三: not a number
      digit = CHINESE_DIGITS[ch]!;
    } else if (ch in CHINESE_UNITS) {
      section += (digit ?? (section === 0 ? 1 : NaN)) * CHINESE_UNITS[ch]!; // 十二: a bare 十 is one ten
      digit = null;
    } else if (ch === "万") {
      total += (section + (digit ?? 0)) * 10_000;
      section = 0;
      digit = null;
    } else return null;
  }
  const value = total + section + (digit ?? 0);
  return Number.isFinite(value) ? value : null;
}

/** Units a count of applications or cases is stated in. */
export const COUNT_UNIT = "(?:件|条|个|起|宗|份|项|例)";

export type Normalised = {
  text: string;
  /** For each character of `text`, where the stretch of the input it came from starts, and ends. */
  from: number[];
  to: number[];
};

const FULL_WIDTH_DIGIT = /[０-９]/g;
// After a Chinese numeral and its unit, what makes it a count rather than part of a phrase
// (一起开展, 一项工作, 三安全一稳定 have no such ending).
const AFTER_CHINESE_COUNT = `${COUNT_UNIT}(?=$|[，。；、：,.;:！？!?）)（(\\s]|申请|案件|政府|依申请|行政|其中|的)`;
const NUMBER_PIECES = new RegExp(
  [
    // 1,234件 / 1，234件: thousands separators (the full-width comma only when a unit follows, as it also separates clauses)
    `(?<!\\d)(?<sep>\\d{1,3}(?:,\\d{3})+(?!\\d)|\\d{1,3}(?:，\\d{3})+(?=\\s*${COUNT_UNIT}))`,
    // 十二件, 两起, 一百零五条: Chinese numerals before a unit; not ordinals (第二十条) or 每一件
    `(?<![第每零〇一二两三四五六七八九十百千万])(?<zh>[零〇一二两三四五六七八九十百千万]+)(?=\\s*${AFTER_CHINESE_COUNT})`,
    // 二〇二三年: a year in Chinese digits
    `(?<![〇零一二三四五六七八九])(?<zhYear>[〇零一二三四五六七八九]{4})(?=年)`,
    // 均为零, 数量为零
    `(?<=[为是])(?<zero>零)(?=$|[，。；、,.;）)\\s])`,
  ].join("|"),
  "g",
);

/** The text with every number it states in plain Arabic digits (see the module comment). */
export function normaliseNumbers(input: string): Normalised {
  const text = input.replace(FULL_WIDTH_DIGIT, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
  let out = "";
  const from: number[] = [];
  const to: number[] = [];
  let last = 0;
  const copy = (end: number) => {
    for (let i = last; i < end; i++) {
      from.push(i);
      to.push(i + 1);
    }
    out += text.slice(last, end);
  };
  for (const match of text.matchAll(NUMBER_PIECES)) {
    const groups = match.groups!;
    const raw = match[0];
    const value = groups.sep !== undefined ? Number(raw.replace(/[,，]/g, "")) : groups.zero !== undefined ? 0 : chineseNumeralValue(raw);
    if (value === null) continue;
    const start = match.index;
    copy(start);
    const digits = String(value);
    out += digits;
    for (let i = 0; i < digits.length; i++) {
      from.push(start);
      to.push(start + raw.length);
    }
    last = start + raw.length;
  }
  copy(text.length);
  return { text: out, from, to };
}
