// The stored forms of a public page: its gzip and brotli bytes and a strong ETag, and
// its Traditional Chinese conversion. Plain Node (no React): the public handler uses
// these for the listing pages it renders, publishing for the report pages.
import { createHash } from "node:crypto";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import * as OpenCC from "opencc-js";

const toTraditional = OpenCC.Converter({ from: "cn", to: "tw" });

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
