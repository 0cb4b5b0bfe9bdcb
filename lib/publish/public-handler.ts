// The public site (/gk/…), served by the front server in plain Node: published report
// pages exactly as stored at publish time (with their gzip and brotli forms and a
// strong ETag), organ and home listings, downloads, 404 and 410 pages. No login, no
// cookies, no scripts; every response is cacheable by a standard HTTP cache.
import type { IncomingMessage, ServerResponse } from "node:http";
import { CLIENT_ADDRESS_HEADER } from "@/lib/auth/client-address";
import { chooseCoding, ifNoneMatchMatches } from "./http-negotiation";
import { snapshotMetadata } from "@/lib/domain/publication-metadata";
import { formatDayAndTime } from "@/lib/format-time";
import { reportToDocx } from "@/lib/report-files/docx";
import { toReportJson } from "@/lib/report-files/report-json";
import { publicationCsv } from "@/lib/report-files/tables-csv";
import { isOpenDataPath, openDataFile } from "./open-data";
import { cached } from "./public-cache";
import { readPageNumber } from "./listings";
import { findPublicationSnapshot, findPublishedPage, listLatestPublications, listOrganPublications, listTopOrgans, searchPublications } from "./public-data";
import type { Script } from "./public-paths";
import { convertToTraditional, dynamicPage, type DynamicFile, type DynamicPage } from "./page-forms";
import { searchRateLimit } from "./search-rate-limit";
import { renderHomePage, renderNoticePage, renderOrganPage } from "./render-pages";

// Headers go to writeHead as flat [name, value, …] lists: an object built by spreading
// another and adding keys made Node's writeHead cost a third of the page's throughput.
const SECURITY_HEADERS = [
  "content-security-policy",
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  "x-content-type-options",
  "nosniff",
  "x-frame-options",
  "DENY",
  "referrer-policy",
  "strict-origin-when-cross-origin",
];
// A version's content never changes, but a withdrawal turns its address into a 410:
// browsers keep it for a year; shared caches (nginx, CDNs) check back every 5 seconds, so
// that a withdrawal reaches them as fast as it reaches every instance (a 304 costs little).
const VERSIONED = "public, max-age=31536000, s-maxage=5";
const SHORT = "public, max-age=60, s-maxage=5";
const CODE = /^[0-9A-Za-z]{1,40}$/;
const YEAR = /^(19|20)\d{2}$/;
const VERSION = /^[1-9]\d{0,2}$/;
const FILES = new Set(["report.docx", "tables.csv", "report.json"]);

/** A stored report page (its forms made at publish time), or a page rendered here (dynamicPage); `type` the content type of what is not a page (the open-data files). */
type Page = { html: string; gzip: Uint8Array; brotli: Uint8Array; etag: string; type?: string };
/** Bounds on one request's work (with the search results' own limit in public-data.ts). */
const MAX_URL_LENGTH = 2_048;
const MAX_QUERY_LENGTH = 40;

export function isPublicPath(url: string | undefined) {
  return url === "/gk" || Boolean(url?.startsWith("/gk/") || url?.startsWith("/gk?"));
}

function sendPage(req: IncomingMessage, res: ServerResponse, page: Page | DynamicPage | DynamicFile, status: number, cacheControl: string, extraHeaders: string[] = []) {
  const type = "type" in page && page.type ? page.type : "text/html; charset=utf-8";
  const headers = [...SECURITY_HEADERS, ...extraHeaders, "content-type", type, "etag", page.etag, "cache-control", cacheControl, "vary", "Accept-Encoding"];
  if (status === 200 && ifNoneMatchMatches(req.headers["if-none-match"], page.etag)) {
    res.writeHead(304, headers).end();
    return;
  }
  const encoding = chooseCoding(req.headers["accept-encoding"]);
  const send = (body: Uint8Array) => {
    if (encoding) headers.push("content-encoding", encoding);
    headers.push("content-length", String(body.byteLength));
    res.writeHead(status, headers);
    res.end(req.method === "HEAD" ? undefined : body);
  };
  if (!encoding) return send("bytes" in page ? page.bytes : Buffer.from(page.html, "utf8"));
  // Stored pages are sent as they are, with no promise on the busiest path.
  if (!("encoded" in page)) return send(encoding === "br" ? page.brotli : page.gzip);
  return page.encoded(encoding).then(send);
}

function rendered(html: string, script: Script): DynamicPage {
  return dynamicPage(script === "hant" ? convertToTraditional(html) : html);
}

function sendNotice(req: IncomingMessage, res: ServerResponse, script: Script, status: number, title: string, message: string, extraHeaders: string[] = []) {
  // Notices are few and small; kept by their whole text, so a kept one can never be out of date.
  const page = cachedNotices.get(`${status}:${script}:${title}:${message}`) ?? rendered(renderNoticePage(script, title, message), script);
  cachedNotices.set(`${status}:${script}:${title}:${message}`, page);
  if (cachedNotices.size > 200) cachedNotices.clear();
  return sendPage(req, res, page, status, status === 503 || status === 429 ? "no-store" : SHORT, extraHeaders);
}
const cachedNotices = new Map<string, DynamicPage>();

function sendWithdrawn(req: IncomingMessage, res: ServerResponse, script: Script, withdrawnAt: Date, reason: string | null) {
  const when = formatDayAndTime(withdrawnAt);
  return sendNotice(req, res, script, 410, "该报告已撤回", `该报告已于 ${when} 撤回。撤回理由：${reason ?? ""}`);
}

const notFound = (req: IncomingMessage, res: ServerResponse, script: Script) => sendNotice(req, res, script, 404, "页面不存在", "没有找到这个地址对应的报告或机关。");

export async function handlePublicRequest(req: IncomingMessage, res: ServerResponse) {
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, [...SECURITY_HEADERS, "allow", "GET, HEAD", "content-type", "text/plain; charset=utf-8"]).end("只读页面。");
    return;
  }
  let url: URL;
  let segments: string[];
  if ((req.url?.length ?? 0) > MAX_URL_LENGTH) {
    res.writeHead(414, [...SECURITY_HEADERS, "content-type", "text/plain; charset=utf-8"]).end("地址过长。");
    return;
  }
  try {
    url = new URL(req.url ?? "/gk", "http://public.invalid");
    segments = url.pathname
      .split("/")
      .filter(Boolean)
      .slice(1)
      .map((s) => decodeURIComponent(s));
  } catch {
    return await notFound(req, res, "hans");
  }
  const script: Script = segments.at(-1) === "hant" ? "hant" : "hans";
  if (script === "hant") segments.pop();
  try {
    if (segments.length === 0) return await home(req, res, url, script);
    if (isOpenDataPath(segments[0])) {
      const file = await openDataFile(segments, script);
      return await (file ? sendPage(req, res, file, 200, SHORT) : notFound(req, res, script));
    }
    const [code, year, v, version, file, ...rest] = segments;
    if (!code || !CODE.test(code) || rest.length) return await notFound(req, res, script);
    if (year === undefined) {
      const pageNumber = readPageNumber(url.searchParams.get("page"));
      const page = await cached(
        `organ:${code}:${script}:${pageNumber}`,
        async () => {
          const data = await listOrganPublications(code, pageNumber);
          return data ? rendered(renderOrganPage(data, script), script) : null;
        },
        { scope: { organCode: code } },
      );
      return await (page ? sendPage(req, res, page, 200, SHORT) : notFound(req, res, script));
    }
    if (!YEAR.test(year) || (v !== undefined && (v !== "v" || !version || !VERSION.test(version)))) return await notFound(req, res, script);
    if (file !== undefined) {
      if (!FILES.has(file) || script === "hant") return await notFound(req, res, script);
      return await download(req, res, code, Number(year), Number(version), file);
    }
    const versionNumber = version ? Number(version) : undefined;
    const page = await cached(`report:${code}:${year}:${versionNumber ?? "latest"}:${script}`, () => findPublishedPage(code, Number(year), versionNumber, script), {
      scope: { organCode: code, year: Number(year) },
    });
    if (!page) return await notFound(req, res, script);
    if (page.withdrawnAt) return await sendWithdrawn(req, res, script, page.withdrawnAt, page.withdrawReason);
    return await sendPage(req, res, page, 200, versionNumber ? VERSIONED : SHORT);
  } catch (error) {
    console.error("[public]", error);
    if (res.headersSent) return void res.destroy();
    return sendNotice(req, res, script, 503, "暂时无法显示", "请稍后再试。");
  }
}

async function home(req: IncomingMessage, res: ServerResponse, url: URL, script: Script) {
  // Control characters (a NUL byte cannot even be stored in PostgreSQL text) are dropped.
  const q = (url.searchParams.get("q") ?? "")
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .trim()
    .slice(0, MAX_QUERY_LENGTH);
  const yearText = (url.searchParams.get("year") ?? "").trim();
  const year = YEAR.test(yearText) ? Number(yearText) : null;
  const searching = Boolean(q || year);
  const pageNumber = searching ? readPageNumber(url.searchParams.get("page")) : 1;
  if (searching) {
    const limit = searchRateLimit().take(String(req.headers[CLIENT_ADDRESS_HEADER] ?? req.socket.remoteAddress ?? "unknown"));
    if (!limit.ok) return sendNotice(req, res, script, 429, "搜索过于频繁", `请在 ${limit.retryAfterSeconds} 秒后再试。`, ["retry-after", String(limit.retryAfterSeconds)]);
  }
  // Searches are many and each is asked for a short while, so they are kept for less time.
  const page = await cached(
    `home:${script}:${q}:${year ?? ""}:${pageNumber}`,
    async () => {
      const [organs, latest, results] = await Promise.all([listTopOrgans(), listLatestPublications(), searching ? searchPublications(q, year, pageNumber) : Promise.resolve(null)]);
      return rendered(renderHomePage({ organs, latest, results, query: { q, year: year ? String(year) : "" } }, script), script);
    },
    { ttlMs: searching ? 30_000 : undefined },
  );
  return sendPage(req, res, page, 200, SHORT);
}

async function download(req: IncomingMessage, res: ServerResponse, code: string, year: number, version: number, file: string) {
  const publication = await findPublicationSnapshot(code, year, version);
  if (!publication) return notFound(req, res, "hans");
  if (publication.withdrawnAt) return sendWithdrawn(req, res, "hans", publication.withdrawnAt, publication.withdrawReason);
  const { snapshot } = publication;
  const name = `${snapshot.title}（第${version}版）`;
  const send = (body: string | Uint8Array, type: string, ext: string) => {
    res.writeHead(200, [
      ...SECURITY_HEADERS,
      "cache-control",
      VERSIONED,
      "content-type",
      type,
      "content-disposition",
      `attachment; filename*=UTF-8''${encodeURIComponent(`${name}.${ext}`)}`,
    ]);
    res.end(req.method === "HEAD" ? undefined : body);
  };
  if (file === "report.json") {
    const json = toReportJson({ organ: snapshot.organ, year: snapshot.year, title: snapshot.title, sections: snapshot.sections, metadata: snapshotMetadata(snapshot) });
    return send(JSON.stringify(json, null, 2), "application/json; charset=utf-8", "json");
  }
  if (file === "tables.csv") return send(publicationCsv(snapshot.sections, snapshotMetadata(snapshot)), "text/csv; charset=utf-8", "csv");
  return send(
    new Uint8Array(await reportToDocx({ title: snapshot.title, sections: snapshot.sections, metadata: snapshotMetadata(snapshot) })),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "docx",
  );
}
