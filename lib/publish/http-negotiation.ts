// Conditional requests and content codings for the public pages, per RFC 9110 (§13.1.2,
// §12.5.3). The public handler is the hot path: the common headers take the fast paths. Pure.

/** If-None-Match: "*" matches any current page; otherwise a list of tags, compared weakly (W/ ignored). */
export function ifNoneMatchMatches(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  if (header === etag) return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  const wanted = opaque(etag);
  return header.split(",").some((tag) => {
    const t = tag.trim();
    return t === "*" || opaque(t) === wanted;
  });
}

export type Coding = "br" | "gzip" | null;

/** The coding to send from the stored ones (br, gzip, or none): the client's preferred by q-value, br first on a tie; q=0 refuses. */
export function chooseCoding(acceptEncoding: string | undefined): Coding {
  const header = acceptEncoding ?? "";
  // Browsers send plain lists without q-values.
  if (!header.includes(";")) return /\bbr\b/.test(header) ? "br" : /\bgzip\b/.test(header) ? "gzip" : null;
  const weights = new Map<string, number>();
  for (const part of header.split(",")) {
    const [name, ...params] = part.split(";").map((p) => p.trim().toLowerCase());
    if (!name) continue;
    const q = params.map((p) => /^q\s*=\s*([01](?:\.\d{0,3})?)$/.exec(p)?.[1]).find((v) => v !== undefined);
    weights.set(name, q === undefined ? 1 : Number(q));
  }
  const weightOf = (coding: string) => weights.get(coding) ?? weights.get("*") ?? 0;
  const [br, gzip] = [weightOf("br"), weightOf("gzip")];
  if (br > 0 && br >= gzip) return "br";
  if (gzip > 0) return "gzip";
  return null;
}
