// An HTML document read into what a report is made of: paragraphs of text and tables (as grids
// with merged cells spread over the positions they cover), in document order. Parsed with
// htmlparser2 (a real, forgiving HTML parser: platform pages are rarely valid). Pure.
import { parseDocument } from "htmlparser2";
import type { ChildNode, Element } from "domhandler";

export type Grid = string[][];
export type Block = { kind: "paragraph"; text: string } | { kind: "table"; rows: Grid };

const SKIPPED = new Set(["script", "style", "noscript", "template", "head", "select", "option", "button", "iframe", "svg", "object"]);
const BLOCK_LEVEL = new Set([
  "p",
  "div",
  "section",
  "article",
  "main",
  "header",
  "footer",
  "aside",
  "nav",
  "ul",
  "ol",
  "li",
  "dl",
  "dt",
  "dd",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "blockquote",
  "pre",
  "center",
  "form",
  "fieldset",
  "address",
  "figure",
  "figcaption",
  "caption",
  "hr",
  "body",
  "html",
]);

/** Whitespace inside a line collapsed (including no-break and ideographic spaces), ends trimmed. */
export function cleanText(text: string): string {
  return text.replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, " ").trim();
}

function isElement(node: ChildNode): node is Element {
  return node.type === "tag" || node.type === "script" || node.type === "style";
}

function textOf(node: ChildNode): string {
  if (node.type === "text") return node.data;
  if (!isElement(node) || SKIPPED.has(node.name)) return "";
  if (node.name === "br") return "\n";
  const inner = node.children.map(textOf).join("");
  return BLOCK_LEVEL.has(node.name) ? `\n${inner}\n` : inner;
}

function directRows(table: Element): Element[] {
  const rows: Element[] = [];
  const visit = (node: Element) => {
    for (const child of node.children) {
      if (!isElement(child)) continue;
      if (child.name === "tr") rows.push(child);
      else if (child.name === "thead" || child.name === "tbody" || child.name === "tfoot") visit(child);
    }
  };
  visit(table);
  return rows;
}

function span(element: Element, attribute: string): number {
  const value = Number.parseInt(element.attribs[attribute] ?? "1", 10);
  return Number.isFinite(value) && value >= 1 ? Math.min(value, 200) : 1;
}

/** A table as a grid: every cell's text in each position its rowspan and colspan cover. Nested tables are read as the cell's text. */
function gridOf(table: Element): Grid {
  const grid: Grid = [];
  directRows(table).forEach((tr, r) => {
    grid[r] ??= [];
    let c = 0;
    for (const td of tr.children) {
      if (!isElement(td) || (td.name !== "td" && td.name !== "th")) continue;
      while (grid[r]![c] !== undefined) c++;
      const text = cleanText(td.children.map(textOf).join(" "));
      const rows = span(td, "rowspan");
      const cols = span(td, "colspan");
      for (let dr = 0; dr < rows; dr++) {
        const row = (grid[r + dr] ??= []);
        for (let dc = 0; dc < cols; dc++) row[c + dc] = text;
      }
      c += cols;
    }
  });
  return grid.map((row) => Array.from(row, (cell) => cell ?? ""));
}

/** The blocks of a document, in order. Text outside tables is split into lines at block elements and line breaks. */
export function blocksOf(html: string): Block[] {
  const document = parseDocument(html, { decodeEntities: true });
  const blocks: Block[] = [];
  let pending = "";
  const flush = () => {
    for (const line of pending.split("\n")) {
      const text = cleanText(line);
      if (text) blocks.push({ kind: "paragraph", text });
    }
    pending = "";
  };
  const visit = (node: ChildNode) => {
    if (node.type === "text") {
      pending += node.data;
      return;
    }
    if (!isElement(node) || SKIPPED.has(node.name)) return;
    if (node.name === "table") {
      flush();
      const rows = gridOf(node);
      if (rows.some((row) => row.some(Boolean))) blocks.push({ kind: "table", rows });
      return;
    }
    if (node.name === "br") {
      pending += "\n";
      return;
    }
    const isBlock = BLOCK_LEVEL.has(node.name);
    if (isBlock) pending += "\n";
    node.children.forEach(visit);
    if (isBlock) pending += "\n";
  };
  document.children.forEach(visit);
  flush();
  return blocks;
}

/** The charset a page declares in a meta element, read with the parser from the page's first bytes decoded as Latin-1. */
export function declaredCharset(head: string): string | null {
  const document = parseDocument(head);
  let found: string | null = null;
  const visit = (node: ChildNode) => {
    if (found || !isElement(node)) return;
    if (node.name === "meta") {
      const direct = node.attribs.charset;
      const content = (node.attribs["http-equiv"] ?? "").toLowerCase() === "content-type" ? (node.attribs.content ?? "") : "";
      const fromContent = content
        .split(";")
        .map((part) => part.trim())
        .find((part) => part.toLowerCase().startsWith("charset="));
      const value = direct ?? fromContent?.slice("charset=".length);
      if (value)
        found = value
          .trim()
          .replace(/^["']|["']$/g, "")
          .toLowerCase();
    }
    node.children.forEach(visit);
  };
  document.children.forEach(visit);
  return found;
}
