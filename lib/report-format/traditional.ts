// Reading text written in Traditional characters (繁體), with the project's converter (opencc-js,
// which also renders the public site's 繁體 pages), so that 申請12件 is read as 申请12件.
// Converting is too slow to run over every narrative on every keystroke (about 4 ms per
// 8,000 characters in Node, and building the converter takes about 30 ms), so text is converted
// only when it holds a Traditional character, looked up in a set built from the converter's own
// character table, and the converter is built the first time it is needed. Pure.
import * as OpenCC from "opencc-js/t2cn";

let traditional: Set<string> | null = null;
let convert: ((text: string) => string) | null = null;

function traditionalCharacters(): Set<string> {
  if (!traditional) {
    traditional = new Set();
    // Locale.to.cn is [[TSPhrases, TSCharacters]]: "source replacement" entries separated by "|".
    const table = (OpenCC.Locale.to.cn as unknown as string[][])[0]![1]!;
    for (const entry of table.split("|")) {
      const [source, target] = entry.split(" ");
      if (source && target && source !== target) traditional.add(source);
    }
  }
  return traditional;
}

/** Whether the text holds a character that OpenCC would write differently in Simplified Chinese. */
export function hasTraditional(text: string): boolean {
  const set = traditionalCharacters();
  for (const ch of text) if (set.has(ch)) return true;
  return false;
}

/**
 * The text in Simplified characters, character for character (the same length, so that what is
 * found in it can be quoted from the original): a phrase OpenCC would rewrite to another length is
 * converted a character at a time instead.
 */
export function toSimplified(text: string): string {
  if (!hasTraditional(text)) return text;
  convert ??= OpenCC.Converter({ from: "tw", to: "cn" });
  const whole = convert(text);
  if (whole.length === text.length) return whole;
  let out = "";
  for (const ch of text) {
    const one = convert(ch);
    out += one.length === ch.length ? one : ch;
  }
  return out;
}
