// CSV as Excel and WPS read it: UTF-8 with a BOM (or Chinese comes out garbled), CRLF lines,
// every value quoted, and a value that a spreadsheet would run as a formula (=, +, -, @ first)
// kept as text. Every CSV the product writes goes through here. Pure.

export function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? "" : typeof value === "string" ? value : typeof value === "number" ? String(value) : JSON.stringify(value);
  return `"${(/^[=+\-@]/.test(text) ? `'${text}` : text).replaceAll('"', '""')}"`;
}

export function csvDocument(rows: ReadonlyArray<ReadonlyArray<unknown>>): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(",")).join("\r\n")}\r\n`;
}
