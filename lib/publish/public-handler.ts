// The public site (/gk/…), served by the front server in plain Node: published report
// pages exactly as stored at publish time (with their gzip and brotli forms and a
// strong ETag), organ and home listings, downloads, 404 and 410 pages. No login, no
// cookies, no scripts; every response is cacheable by a standard HTTP cache.
import type { IncomingMessage, ServerResponse } from "node:http";
import { chooseCoding, ifNoneMatchMatches } from "./http-negotiation";
import { snapshotMetadata } from "@/lib/domain/publication-metadata";
import { reportToDocx } from "@/lib/report-files/docx";
import { toReportJson } from "@/lib/report-files/report-json";
import { publicationCsv } from "@/lib/report-files/tables-csv";
import { cached } from "./public-cache";
import { findPublicationSnapshot, findPublishedPage, listLatestPublications, listOrganPublications, listPublicOrgans, searchPublications } from "./public-data";
import type { Script } from "./public-paths";
import { compressPage, convertToTraditional } from "./page-forms";
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
// browsers keep it for a year, shared caches (nginx, CDNs) check back every minute.
const VERSIONED = "public, max-age=31536000, s-maxage=60";
const SHORT = "public, max-age=60, s-maxage=60";
const CODE = /^[0-9A-Za-z]{1,40}$/;
const YEAR = /^(19|20)\d{2}$/;
const VERSION = /^[1-9]\d{0,2}$/;
const FILES = new Set(["report.docx", "tables.csv", "report.json"]);

type Page = { html: string; gzip: Uint8Array; brotli: Uint8Array; etag: string };

export function isPublicPath(url: string | undefined) {
  return url === "/gk" || Boolean(url?.startsWith("/gk/") || url?.startsWith("/gk?"));
}

function sendPage(req: IncomingMessage, res: ServerResponse, page: Page, status: number, cacheControl: string) {
  const headers = [...SECURITY_HEADERS, "content-type", "text/html; charset=utf-8", "etag", page.etag, "cache-control", cacheControl, "vary", "Accept-Encoding"];
  if (status === 200 && ifNoneMatchMatches(req.headers["if-none-match"], page.etag)) {
    res.writeHead(304, headers).end();
    return;
  }
  const encoding = chooseCoding(req.headers["accept-encoding"]);
  const body = encoding === "br" ? page.brotli : encoding === "gzip" ? page.gzip : Buffer.from(page.html, "utf8");
  if (encoding) headers.push("content-encoding", encoding);
  headers.push("content-length", String(body.byteLength));
  res.writeHead(status, headers);
  res.end(req.method === "HEAD" ? undefined : body);
}

function rendered(html: string, script: Script): Page {
  const final = script === "hant" ? convertToTraditional(html) : html;
  return { html: final, ...compressPage(final) };
}

function sendNotice(req: IncomingMessage, res: ServerResponse, script: Script, status: number, title: string, message: string) {
  // Notices are few and small; they are cached like any page.
  const page = cachedNotices.get(`${status}:${script}:${title}:${message}`) ?? rendered(renderNoticePage(script, title, message), script);
  cachedNotices.set(`${status}:${script}:${title}:${message}`, page);
  if (cachedNotices.size > 200) cachedNotices.clear();
  sendPage(req, res, page, status, status === 503 ? "no-store" : SHORT);
}
const cachedNotices = new Map<string, Page>();

function sendWithdrawn(req: IncomingMessage, res: ServerResponse, script: Script, withdrawnAt: Date, reason: string | null) {
  const when = new Intl.DateTimeFormat("zh-CN", { dateStyle: "long", timeStyle: "short", timeZone: "Asia/Shanghai" }).format(withdrawnAt);
  sendNotice(req, res, script, 410, "该报告已撤回", `该报告已于 ${when} 撤回。撤回理由：${reason ?? ""}`);
}

const notFound = (req: IncomingMessage, res: ServerResponse, script: Script) => sendNotice(req, res, script, 404, "页面不存在", "没有找到这个地址对应的报告或机关。");

export async function handlePublicRequest(req: IncomingMessage, res: ServerResponse) {
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, [...SECURITY_HEADERS, "allow", "GET, HEAD", "content-type", "text/plain; charset=utf-8"]).end("只读页面。");
    return;
  }
  let url: URL;
  let segments: string[];
  try {
    url = new URL(req.url ?? "/gk", "http://public.invalid");
    segments = url.pathname
      .split("/")
      .filter(Boolean)
      .slice(1)
      .map((s) => decodeURIComponent(s));
  } catch {
    return notFound(req, res, "hans");
  }
  const script: Script = segments.at(-1) === "hant" ? "hant" : "hans";
  if (script === "hant") segments.pop();
  try {
    if (segments.length === 0) return await home(req, res, url, script);
    const [code, year, v, version, file, ...rest] = segments;
    if (!code || !CODE.test(code) || rest.length) return notFound(req, res, script);
    if (year === undefined) {
      const page = await cached(`organ:${code}:${script}`, async () => {
        const data = await listOrganPublications(code);
        return data ? rendered(renderOrganPage(data, script), script) : null;
      });
      return page ? sendPage(req, res, page, 200, SHORT) : notFound(req, res, script);
    }
    if (!YEAR.test(year) || (v !== undefined && (v !== "v" || !version || !VERSION.test(version)))) return notFound(req, res, script);
    if (file !== undefined) {
      if (!FILES.has(file) || script === "hant") return notFound(req, res, script);
      return await download(req, res, code, Number(year), Number(version), file);
    }
    const versionNumber = version ? Number(version) : undefined;
    const page = await cached(`report:${code}:${year}:${versionNumber ?? "latest"}:${script}`, () => findPublishedPage(code, Number(year), versionNumber, script));
    if (!page) return notFound(req, res, script);
    if (page.withdrawnAt) return sendWithdrawn(req, res, script, page.withdrawnAt, page.withdrawReason);
    return sendPage(req, res, page, 200, versionNumber ? VERSIONED : SHORT);
  } catch (error) {
    console.error("[public]", error);
    return sendNotice(req, res, script, 503, "暂时无法显示", "请稍后再试。");
  }
}

async function home(req: IncomingMessage, res: ServerResponse, url: URL, script: Script) {
  // Control characters (a NUL byte cannot even be stored in PostgreSQL text) are dropped.
  const q = (url.searchParams.get("q") ?? "")
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .trim()
    .slice(0, 40);
  const yearText = (url.searchParams.get("year") ?? "").trim();
  const year = YEAR.test(yearText) ? Number(yearText) : null;
  const searching = Boolean(q || year);
  const page = await cached(`home:${script}:${q}:${year ?? ""}`, async () => {
    const [organs, latest, results] = await Promise.all([listPublicOrgans(), listLatestPublications(), searching ? searchPublications(q, year) : Promise.resolve(null)]);
    return rendered(renderHomePage({ organs, latest, results, query: { q, year: year ? String(year) : "" } }, script), script);
  });
  sendPage(req, res, page, 200, SHORT);
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
