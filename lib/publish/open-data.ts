// The open data of the public site (/gk/open-data, its year files, /gk/feed.atom, /gk/sitemap.xml),
// built from publications only and kept like the listing pages: in the process cache, emptied by
// every publication, correction and withdrawal, with a strong ETag, each coding made when first asked for.
// Plain Node (the public handler runs before Next in scripts/server.ts).
import { z } from "zod";
import { reportYearProblem } from "@/lib/domain/report-progress";
import {
  atomFeed,
  OPEN_DATA_CSV_LAYOUT,
  openDataCsvLine,
  openDataJsonLayout,
  openDataJsonLine,
  SITEMAP_LIMIT,
  sitemapEntries,
  sitemapIndexXml,
  sitemapXml,
  type LinesLayout,
  type OpenDataReport,
} from "./open-data-files";
import { convertToTraditional, dynamicFile, dynamicPage, type DynamicFile, type DynamicPage } from "./page-forms";
import { cached } from "./public-cache";
import { findOpenDataReports, listFeedEvents, listOpenDataYears, listSitemapEntries, listYearPublicationIds } from "./public-data";
import type { Script } from "./public-paths";
import { renderOpenDataPage } from "./render-pages";

/** A response: its body (`html`, or a year file's `bytes`) and `type`, its content type. */
export type PublicFile = (DynamicPage | DynamicFile) & { type: string };

const TYPES = {
  html: "text/html; charset=utf-8",
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
  atom: "application/atom+xml; charset=utf-8",
  xml: "application/xml; charset=utf-8",
};

/** A file made here: each coding made on first use and kept with it (as the listing pages). */
const stored = (body: string, type: string): PublicFile => ({ ...dynamicPage(body), type });

/** The public site's own address, for the absolute links that feeds, sitemaps and data files need (NEXTAUTH_URL, as npm start sets it). */
export function publicOrigin() {
  try {
    return new URL(process.env.NEXTAUTH_URL ?? "").origin;
  } catch {
    return `http://localhost:${process.env.PORT ?? 3000}`;
  }
}

// A year file is built again after every publication, correction and withdrawal (the cache above
// is emptied), but a publication never changes (its rows are immutable in PostgreSQL), and
// neither does its line: the lines are kept by publication, so that a province's file is built
// from one short query of ids and a read of the new publications only. Nothing here can be out
// of date on any instance; the bound only limits memory (a province's year: about 3.5 MB of CSV
// lines and 2.3 MB of JSON), the lines used longest ago going first. Lines and files are UTF-8
// bytes, outside the JavaScript heap: a province's file as one string of millions of characters,
// made at each publication, made the server's garbage collection pause requests for 100 ms and more.
const LINE_BYTES = 48 * 1024 * 1024;
const LINE_MAKERS = { csv: openDataCsvLine, json: openDataJsonLine } satisfies Record<string, (origin: string, report: OpenDataReport) => string>;
const keptLines = { lines: new Map<string, Buffer>(), bytes: 0 };

async function reportLines(format: "csv" | "json", origin: string, publicationIds: ReadonlyArray<string>): Promise<Buffer[]> {
  const key = (id: string) => `${format} ${origin} ${id}`;
  const found = new Map<string, Buffer>();
  for (const id of publicationIds) {
    const line = keptLines.lines.get(key(id));
    if (line === undefined) continue;
    found.set(id, line);
    // Used now: moved to the end, so that the lines of files nobody asks for go first.
    keptLines.lines.delete(key(id));
    keptLines.lines.set(key(id), line);
  }
  const missing = publicationIds.filter((id) => !found.has(id));
  for (const [id, report] of await findOpenDataReports(missing)) {
    const line = Buffer.from(LINE_MAKERS[format](origin, report), "utf8");
    found.set(id, line);
    // Two builds at once may both have read it.
    if (keptLines.lines.has(key(id))) continue;
    keptLines.lines.set(key(id), line);
    keptLines.bytes += key(id).length + line.byteLength;
  }
  for (const [oldest, line] of keptLines.lines) {
    if (keptLines.bytes <= LINE_BYTES) break;
    keptLines.lines.delete(oldest);
    keptLines.bytes -= oldest.length + line.byteLength;
  }
  // A publication listed but not found cannot be (they are never deleted); its line is left out.
  return publicationIds.flatMap((id) => found.get(id) ?? []);
}

/** The file `layout` makes of the lines, as bytes (the layout's `joinLines`, without a string). */
function joinedBytes(layout: LinesLayout, lines: ReadonlyArray<Buffer>): Buffer {
  if (!lines.length) return Buffer.from(layout.empty, "utf8");
  const separator = Buffer.from(layout.separator, "utf8");
  return Buffer.concat([Buffer.from(layout.head, "utf8"), ...lines.flatMap((line, i) => (i ? [separator, line] : [line])), Buffer.from(layout.tail, "utf8")]);
}

const SITEMAP_PART = /^sitemap-([1-9]\d{0,3})\.xml$/;

/** A year file's name, `2025.csv` or `2025.json`, for a year a report may be for (2008 to next year in China). */
const yearFileName = () =>
  z
    .string()
    .regex(/^\d{4}\.(csv|json)$/)
    .transform((name) => ({ year: Number(name.slice(0, 4)), format: name.slice(5) as "csv" | "json" }))
    .refine(({ year }) => reportYearProblem(year, new Date()) === null);

/** Whether an address under /gk is open data (never an organ's: organ codes hold neither "-" nor "."). */
export function isOpenDataPath(first: string | undefined) {
  return first === "open-data" || first === "feed.atom" || first === "sitemap.xml" || SITEMAP_PART.test(first ?? "");
}

/** The response for an open-data address, or null when there is none (a 404). */
export async function openDataFile(segments: ReadonlyArray<string>, script: Script): Promise<PublicFile | null> {
  const [first, second, ...rest] = segments;
  if (rest.length) return null;
  if (first === "open-data" && second === undefined) {
    return cached(`open-data:page:${script}`, async () => {
      const html = renderOpenDataPage({ years: await listOpenDataYears() }, script);
      return stored(script === "hant" ? convertToTraditional(html) : html, TYPES.html);
    });
  }
  // The files are data, in one script.
  if (script === "hant" || (first !== "open-data" && second !== undefined)) return null;
  const origin = publicOrigin();
  if (first === "open-data") {
    const parsed = yearFileName().safeParse(second);
    if (!parsed.success) return null;
    const { year, format } = parsed.data;
    return cached(`open-data:${format}:${year}`, async () => {
      const lines = await reportLines(format, origin, await listYearPublicationIds(year));
      const file = dynamicFile(joinedBytes(format === "csv" ? OPEN_DATA_CSV_LAYOUT : openDataJsonLayout(year), lines));
      return { ...file, type: TYPES[format] };
    });
  }
  if (first === "feed.atom") return cached("open-data:feed", async () => stored(atomFeed(origin, await listFeedEvents()), TYPES.atom));
  const entries = await cached("open-data:sitemap-entries", async () => sitemapEntries(await listSitemapEntries()));
  const parts = Math.ceil(entries.length / SITEMAP_LIMIT);
  if (first === "sitemap.xml") {
    return cached("open-data:sitemap", async () => stored(parts > 1 ? sitemapIndexXml(origin, parts) : sitemapXml(origin, entries), TYPES.xml));
  }
  const part = Number(SITEMAP_PART.exec(first!)?.[1]);
  if (parts <= 1 || part > parts) return null;
  return cached(`open-data:sitemap-${part}`, async () => stored(sitemapXml(origin, entries.slice((part - 1) * SITEMAP_LIMIT, part * SITEMAP_LIMIT)), TYPES.xml));
}
