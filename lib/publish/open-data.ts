// The open data of the public site (/gk/open-data, its year files, /gk/feed.atom, /gk/sitemap.xml),
// built from publications only and kept like the listing pages: in the process cache, emptied by
// every publication, correction and withdrawal, with gzip and brotli forms and a strong ETag.
// Plain Node (the public handler runs before Next in scripts/server.ts).
import { createHash } from "node:crypto";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import { z } from "zod";
import { reportYearProblem } from "@/lib/domain/report-progress";
import { atomFeed, openDataCsv, openDataJson, SITEMAP_LIMIT, sitemapEntries, sitemapIndexXml, sitemapXml } from "./open-data-files";
import { convertToTraditional } from "./page-forms";
import { cached } from "./public-cache";
import { listFeedEvents, listOpenDataYears, listSitemapEntries, listYearPublications } from "./public-data";
import type { Script } from "./public-paths";
import { renderOpenDataPage } from "./render-pages";

/** A stored response: `html` is its body (HTML, or the file's text), `type` its content type. */
export type PublicFile = { html: string; gzip: Uint8Array; brotli: Uint8Array; etag: string; type: string };

const TYPES = {
  html: "text/html; charset=utf-8",
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
  atom: "application/atom+xml; charset=utf-8",
  xml: "application/xml; charset=utf-8",
};

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

// A province's year file is megabytes: compressed off the event loop, at levels that take
// milliseconds rather than the seconds brotli's best would take on every refresh.
async function stored(body: string, type: string): Promise<PublicFile> {
  const bytes = Buffer.from(body, "utf8");
  const [gz, br] = await Promise.all([
    gzipAsync(bytes, { level: 6 }),
    brotliAsync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
  ]);
  return { html: body, gzip: gz, brotli: br, etag: `"${createHash("sha256").update(bytes).digest("base64url").slice(0, 32)}"`, type };
}

/** The public site's own address, for the absolute links that feeds, sitemaps and data files need (NEXTAUTH_URL, as npm start sets it). */
export function publicOrigin() {
  try {
    return new URL(process.env.NEXTAUTH_URL ?? "").origin;
  } catch {
    return `http://localhost:${process.env.PORT ?? 3000}`;
  }
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
      const reports = await listYearPublications(year);
      return format === "csv" ? stored(openDataCsv(origin, reports), TYPES.csv) : stored(openDataJson(origin, year, reports), TYPES.json);
    });
  }
  if (first === "feed.atom") return cached("open-data:feed", async () => stored(atomFeed(origin, await listFeedEvents()), TYPES.atom));
  const entries = await cached("open-data:sitemap-entries", async () => sitemapEntries(await listSitemapEntries()));
  const parts = Math.ceil(entries.length / SITEMAP_LIMIT);
  if (first === "sitemap.xml") {
    return cached("open-data:sitemap", () => stored(parts > 1 ? sitemapIndexXml(origin, parts) : sitemapXml(origin, entries), TYPES.xml));
  }
  const part = Number(SITEMAP_PART.exec(first!)?.[1]);
  if (parts <= 1 || part > parts) return null;
  return cached(`open-data:sitemap-${part}`, () => stored(sitemapXml(origin, entries.slice((part - 1) * SITEMAP_LIMIT, part * SITEMAP_LIMIT)), TYPES.xml));
}
