// The confidentiality and personal-data scan (report-format.md §7; 条例 articles
// 15–17): resident ID numbers with a valid check digit, mainland mobile numbers,
// classification words, and the organ's own sensitive words and wrong terms. Pure.

export type ScanKind = "id-number" | "mobile" | "classified" | "sensitive" | "wrong-term";
export type ScanFinding = {
  kind: ScanKind;
  /** The text found, as it stands. */
  match: string;
  /** How it should be written when published (masked), or the right term. */
  suggestion: string | null;
  /** Where: which text, and the offset of the match in it. */
  place: string;
  offset: number;
  /** Stable across scans of the same text, to record an acceptance against. */
  key: string;
};

export const SCAN_KIND_LABELS: Record<ScanKind, string> = {
  "id-number": "身份证号码",
  mobile: "手机号码",
  classified: "涉密标识用语",
  sensitive: "敏感词",
  "wrong-term": "错误表述",
};

export const CLASSIFICATION_WORDS = ["绝密", "机密", "秘密", "内部资料", "不得外传", "内部使用"];

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = "10X98765432";

/** GB 11643 check digit of an 18-digit resident ID number. */
export function isValidIdNumber(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false;
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(id[i]), 0);
  return ID_CHECK[sum % 11] === id[17]!.toUpperCase();
}

export const maskIdNumber = (id: string) => `${id.slice(0, 2)}${"*".repeat(13)}${id.slice(15)}`;
export const maskMobile = (mobile: string) => `${mobile.slice(0, 3)}****${mobile.slice(7)}`;

export type OrganWordLists = { sensitiveWords: string[]; wrongTerms: Array<{ wrong: string; right: string }> };

/** Every finding in one text. Digits inside longer digit runs are not mistaken for a phone or an ID number. */
export function scanText(text: string, place: string, lists: OrganWordLists = { sensitiveWords: [], wrongTerms: [] }): ScanFinding[] {
  const findings: ScanFinding[] = [];
  const add = (kind: ScanKind, match: string, offset: number, suggestion: string | null) =>
    findings.push({ kind, match, suggestion, place, offset, key: `${place}|${kind}|${match}` });

  for (const m of text.matchAll(/(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g)) {
    if (isValidIdNumber(m[0])) add("id-number", m[0], m.index, maskIdNumber(m[0]));
  }
  for (const m of text.matchAll(/(?<!\d)1[3-9]\d{9}(?!\d)/g)) add("mobile", m[0], m.index, maskMobile(m[0]));
  // "秘密" inside "机密"/"绝密" is not counted twice: longer words first, positions claimed once.
  const claimed = new Set<number>();
  for (const word of [...CLASSIFICATION_WORDS].sort((a, b) => b.length - a.length)) {
    for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + word.length)) {
      if ([...word].some((_, i) => claimed.has(at + i))) continue;
      [...word].forEach((_, i) => claimed.add(at + i));
      add("classified", word, at, null);
    }
  }
  for (const word of lists.sensitiveWords.filter(Boolean)) {
    for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + word.length)) add("sensitive", word, at, null);
  }
  for (const { wrong, right } of lists.wrongTerms.filter((t) => t.wrong)) {
    for (let at = text.indexOf(wrong); at !== -1; at = text.indexOf(wrong, at + wrong.length)) add("wrong-term", wrong, at, right);
  }
  return findings.sort((a, b) => a.offset - b.offset);
}
