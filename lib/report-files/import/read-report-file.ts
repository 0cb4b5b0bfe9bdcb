// Reading a report from a Word (.docx) file, a page saved from a disclosure platform (UTF-8 or
// GB18030/GBK), or pasted text, into a recognised report. Word files are read with mammoth: a
// maintained library (since 2013, regular releases) that reads a .docx's meaning — paragraphs,
// bold runs, tables with their merged cells as colspan/rowspan — rather than its look, which is
// exactly what recognising a report needs, and it runs over the jszip the project already uses.
// Its HTML goes through the same HTML reader as a platform's page, so both sources are
// recognised by one code path. The file is inspected before mammoth opens it: size, an
// encrypted or old-format Word file, and the uncompressed size its zip declares (a zip bomb).
// No Next or Prisma imports.
import mammoth from "mammoth";
import { blocksOf, declaredCharset, type Block } from "./html-blocks";
import type { ReadResult } from "./recognised-report";
import { recogniseReport } from "./recognise-report";

/** The largest file accepted (the server actions' body limit is 8 MB, the form's other fields included). */
export const MAX_IMPORT_FILE_BYTES = 7 * 1024 * 1024;
/** The most a .docx may hold once uncompressed: real reports hold a few MB; far beyond is a zip bomb. */
export const MAX_DOCX_UNCOMPRESSED_BYTES = 60 * 1024 * 1024;
const MAX_ZIP_ENTRIES = 2_000;
export const MAX_PASTED_CHARS = 200_000;

const TOO_LARGE = `文件超过 ${MAX_IMPORT_FILE_BYTES / 1024 / 1024} MB，无法导入。请删除文件中的图片后再试。`;
const CORRUPT_DOCX = "无法读取此 Word 文件：文件已损坏或不是 .docx 格式。请在 Word 中打开后另存为 .docx 再导入。";

type ZipCheck = { ok: true } | { ok: false; problem: string };

/**
 * What a .docx's zip declares, from its central directory (read here, before any entry is
 * decompressed): entries encrypted, the total uncompressed size, word/document.xml present.
 */
export function inspectDocx(bytes: Uint8Array): ZipCheck {
  if (bytes.length > MAX_IMPORT_FILE_BYTES) return { ok: false, problem: TOO_LARGE };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (at: number) => view.getUint32(at, true);
  const u16 = (at: number) => view.getUint16(at, true);
  if (bytes.length >= 8 && u32(0) === 0xe011cfd0 && u32(4) === 0xe11ab1a1) {
    // An OLE compound file: either a password-protected .docx (Word wraps it so) or an old .doc.
    const marker = new TextDecoder("utf-16le").decode(bytes.subarray(0, Math.min(bytes.length, 1 << 20)));
    if (marker.includes("EncryptionInfo") || marker.includes("EncryptedPackage"))
      return { ok: false, problem: "此 Word 文件设有打开密码（已加密），无法读取。请在 Word 中取消密码后另存，再导入。" };
    return { ok: false, problem: "这是旧版 Word（.doc）文件。请在 Word 中“另存为” .docx 格式后再导入。" };
  }
  if (bytes.length < 22 || u32(0) !== 0x04034b50) return { ok: false, problem: CORRUPT_DOCX };
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65_535); at--) {
    if (u32(at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) return { ok: false, problem: CORRUPT_DOCX };
  const entries = u16(end + 10);
  let at = u32(end + 16);
  if (entries > MAX_ZIP_ENTRIES) return { ok: false, problem: "文件中的内容过多，不像是一份 Word 报告，未导入。" };
  let total = 0;
  let hasDocument = false;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > bytes.length || u32(at) !== 0x02014b50) return { ok: false, problem: CORRUPT_DOCX };
    const flags = u16(at + 8);
    const uncompressed = u32(at + 24);
    const nameLength = u16(at + 28);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (flags & 1) return { ok: false, problem: "此 Word 文件已加密，无法读取。请取消加密后再导入。" };
    total += uncompressed === 0xffffffff ? Number.POSITIVE_INFINITY : uncompressed;
    if (name === "word/document.xml") hasDocument = true;
    at += 46 + nameLength + u16(at + 30) + u16(at + 32);
  }
  if (total > MAX_DOCX_UNCOMPRESSED_BYTES) return { ok: false, problem: "文件解压后过大（可能是恶意构造的压缩文件），未导入。" };
  if (!hasDocument) return { ok: false, problem: CORRUPT_DOCX };
  return { ok: true };
}

/** A Word (.docx) file's report. */
export async function readDocxReport(bytes: Uint8Array): Promise<ReadResult> {
  const inspected = inspectDocx(bytes);
  if (!inspected.ok) return inspected;
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { externalFileAccess: false, convertImage: mammoth.images.imgElement(async () => ({ src: "" })) },
    );
    html = result.value;
  } catch {
    return { ok: false, problem: CORRUPT_DOCX };
  }
  return recogniseReport(blocksOf(html));
}

const GB_CHARSETS = new Set(["gbk", "gb2312", "gb18030", "x-gbk", "gb_2312-80", "cp936", "euc-cn", "hz-gb-2312"]);

/** A saved page's text: its BOM, else its declared charset (GBK, GB2312 and GB18030 read as GB18030), else UTF-8, else GB18030. */
export function decodePage(bytes: Uint8Array): { ok: true; html: string } | { ok: false; problem: string } {
  if (bytes.length > MAX_IMPORT_FILE_BYTES) return { ok: false, problem: TOO_LARGE };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { ok: true, html: new TextDecoder("utf-8").decode(bytes.subarray(3)) };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, html: new TextDecoder("utf-16le").decode(bytes.subarray(2)) };
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 4096));
  const charset = declaredCharset(head);
  if (charset && GB_CHARSETS.has(charset)) return { ok: true, html: new TextDecoder("gb18030").decode(bytes) };
  try {
    return { ok: true, html: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    // Not UTF-8 whatever it declares: pages of Chinese platforms that are not UTF-8 are GBK.
    const html = new TextDecoder("gb18030", { fatal: true }).decode(bytes);
    return { ok: true, html };
  }
}

/** A page saved from a disclosure platform (.html). */
export function readPageReport(bytes: Uint8Array): ReadResult {
  let decoded: ReturnType<typeof decodePage>;
  try {
    decoded = decodePage(bytes);
  } catch {
    return { ok: false, problem: "无法识别网页文件的文字编码（既不是 UTF-8，也不是 GBK/GB18030），未导入。" };
  }
  if (!decoded.ok) return decoded;
  return recogniseReport(blocksOf(decoded.html));
}

/** Text pasted from a published page: one paragraph a line. */
export function readPastedReport(text: string): ReadResult {
  if (text.length > MAX_PASTED_CHARS) return { ok: false, problem: `粘贴的文字超过 ${MAX_PASTED_CHARS.toLocaleString("zh-CN")} 个字符，无法导入。` };
  const blocks: Block[] = text
    .split(/\r?\n/)
    .map((line) => (/(\t.*){3,}/.test(line) ? line.replace(/\t/g, " | ") : line))
    .map((line) => line.replace(/[\s\u00a0\u3000]+/g, " ").trim())
    .filter(Boolean)
    .map((line) => ({ kind: "paragraph", text: line }));
  return recogniseReport(blocks);
}
