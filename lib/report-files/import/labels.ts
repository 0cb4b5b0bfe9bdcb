// Comparing printed labels with the format's: the same words whatever the spacing, the width of
// brackets, colons and digits, the quotes, and the punctuation after a number. Pure.

/** A label reduced to what identifies it. */
export function labelKey(text: string): string {
  return text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u00a0\u3000]+/g, "")
    .replace(/\(/g, "（")
    .replace(/\)/g, "）")
    .replace(/／/g, "/")
    .replace(/[“”"'‘’「」]/g, "")
    .replace(/[:：]$/, "")
    .replace(/^(\d+)[.．、,，]/, "$1.")
    .replace(/[。.．;；]+$/, "");
}

/** The label without its leading numbering ("1." "（三）" "一、"). */
export function labelCore(text: string): string {
  return labelKey(text).replace(/^(\d+\.|（[一二三四五六七八九十]+）|[一二三四五六七八九十]+[、.])/, "");
}

const PLACEHOLDERS = new Set(["/", "—", "——", "-", "－", "–", "无", "\\"]);

/** A cell's value as it will be stored: without the spaces a number picked up ("1 2" is 12). */
export function cellValue(text: string): string {
  return text.replace(/[\s\u00a0\u3000]+/g, "");
}

/** A cell that holds a value (a number, a blank, a placeholder such as "/"), not a label. */
export function isValueLike(text: string): boolean {
  const value = cellValue(text);
  if (value === "" || PLACEHOLDERS.has(value)) return true;
  return /^[-－]?[\d０-９][\d０-９.,，．]*(件|条|个|起|宗|份|项|例|万元|元)?$/.test(value);
}

export function hasNumber(text: string): boolean {
  return /[\d０-９]/.test(cellValue(text));
}
