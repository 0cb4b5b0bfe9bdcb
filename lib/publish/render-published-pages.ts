// The stored forms of a publication's pages: Simplified and Traditional, at the
// plain and the fixed address, each with gzip and brotli forms and a strong ETag.
import { createHash } from "node:crypto";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import * as OpenCC from "opencc-js";
import { renderReportPage, type PageVariant } from "./report-page";
import type { PublishedSnapshot } from "./snapshot";
import type { Script } from "./public-paths";

const toTraditional = OpenCC.Converter({ from: "cn", to: "tw" });

export type StoredPage = { script: Script; variant: PageVariant; html: string; gzip: Buffer; brotli: Buffer; etag: string };

export function compressPage(html: string) {
  const bytes = Buffer.from(html, "utf8");
  return {
    gzip: gzipSync(bytes, { level: 9 }),
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
    etag: `"${createHash("sha256").update(bytes).digest("base64url").slice(0, 32)}"`,
  };
}

export function convertToTraditional(html: string) {
  return toTraditional(html);
}

export function renderPublishedPages(snapshot: PublishedSnapshot): StoredPage[] {
  const pages: StoredPage[] = [];
  for (const variant of ["latest", "version"] as const) {
    for (const script of ["hans", "hant"] as const) {
      const rendered = renderReportPage(snapshot, script, variant);
      const html = script === "hant" ? convertToTraditional(rendered) : rendered;
      pages.push({ script, variant, html, ...compressPage(html) });
    }
  }
  return pages;
}
