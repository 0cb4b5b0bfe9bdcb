import { AppError } from "@/lib/errors";

/** The most a JSON route reads: a section of 20,000 characters is well under 100 KB. */
export const MAX_JSON_BODY_BYTES = 1024 * 1024;

/**
 * A request's body as text, refused without reading further once it passes `limit` bytes (a
 * declared Content-Length over it is refused at once), and refused when it is not UTF-8 rather
 * than silently altered with U+FFFD.
 */
export async function readTextBody(request: Request, limit = MAX_JSON_BODY_BYTES): Promise<string> {
  const tooLarge = () => new AppError("TOO_LARGE", `请求内容过大（不能超过 ${Math.floor(limit / 1024)} KB）。`);
  if (Number(request.headers.get("content-length") ?? 0) > limit) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel();
        throw tooLarge();
      }
      chunks.push(value);
    }
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new AppError("INVALID_INPUT", "请求内容不是有效的 UTF-8 文字。");
  }
}
