// The forms of a public page: its gzip and brotli bytes and a strong ETag, and its Traditional
// Chinese conversion. Plain Node (no React). A report page is compressed once, at publish time,
// as small as brotli can make it (quality 11: slow, but paid once and then served for years).
// A listing, search or notice page is rendered per request (or per cache entry), so it is
// compressed at levels fit for that (brotli 5, gzip 6: a few milliseconds for a large page, where
// quality 11 took over half a second), off the event loop, and only into the coding a client asks for.
import { createHash } from "node:crypto";
import { promisify } from "node:util";
import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync } from "node:zlib";
import * as OpenCC from "opencc-js";

const toTraditional = OpenCC.Converter({ from: "cn", to: "tw" });
const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

const etagOf = (bytes: Uint8Array) => `"${createHash("sha256").update(bytes).digest("base64url").slice(0, 32)}"`;

/** For pages stored once: the smallest forms. */
export function compressPage(html: string) {
  const bytes = Buffer.from(html, "utf8");
  return {
    gzip: gzipSync(bytes, { level: 9 }),
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
    etag: etagOf(bytes),
  };
}

export type Coding = "br" | "gzip";

/** A page rendered at run time: each coding made on first use (in libuv's thread pool) and kept with the page. */
export type DynamicPage = { html: string; etag: string; encoded(coding: Coding): Promise<Uint8Array> };
/** A large file made at run time, held as its UTF-8 bytes (outside the JavaScript heap), likewise. */
export type DynamicFile = { bytes: Buffer; etag: string; encoded(coding: Coding): Promise<Uint8Array> };

export const DYNAMIC_BROTLI_QUALITY = 5;
export const DYNAMIC_GZIP_LEVEL = 6;

/** Each coding of the bytes `source` gives, made when first asked for and kept. */
function encoder(source: () => Buffer): (coding: Coding) => Promise<Uint8Array> {
  const forms = new Map<Coding, Promise<Uint8Array>>();
  return (coding) => {
    let form = forms.get(coding);
    if (!form) {
      const bytes = source();
      form =
        coding === "br"
          ? brotliAsync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: DYNAMIC_BROTLI_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength } })
          : gzipAsync(bytes, { level: DYNAMIC_GZIP_LEVEL });
      // A failure is not kept: the next request tries again.
      form.catch(() => forms.delete(coding));
      forms.set(coding, form);
    }
    return form;
  };
}

export function dynamicPage(html: string): DynamicPage {
  // Encoded again when compressed rather than kept: a kept page holds its text and its compressed forms only.
  return { html, etag: etagOf(Buffer.from(html, "utf8")), encoded: encoder(() => Buffer.from(html, "utf8")) };
}

export function dynamicFile(bytes: Buffer): DynamicFile {
  return { bytes, etag: etagOf(bytes), encoded: encoder(() => bytes) };
}

export function convertToTraditional(html: string) {
  return toTraditional(html);
}
