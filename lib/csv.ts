// CSV as Excel and WPS read it: UTF-8 with a BOM (or Chinese comes out garbled), CRLF lines,
// every value quoted, and a value that a spreadsheet would run as a formula (=, +, -, @ first)
// kept as text. Every CSV the product writes goes through here. Pure.

const FORMULA_START = new Set(["=", "+", "-", "@"]);

export function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? "" : typeof value === "string" ? value : typeof value === "number" ? String(value) : JSON.stringify(value);
  // Written for a province's open-data file (a million cells): no regular expression per cell.
  const safe = FORMULA_START.has(text.charAt(0)) ? `'${text}` : text;
  return `"${safe.includes('"') ? safe.replaceAll('"', '""') : safe}"`;
}

/** One row's line, without its line break. */
export const csvLine = (row: ReadonlyArray<unknown>) => row.map(csvCell).join(",");

export function csvDocument(rows: ReadonlyArray<ReadonlyArray<unknown>>): string {
  return `\uFEFF${rows.map(csvLine).join("\r\n")}\r\n`;
}
