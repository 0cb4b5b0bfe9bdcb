// Addresses of the public site. Browser-safe and pure.
export type Script = "hans" | "hant";

export const reportPath = (code: string, year: number, version?: number, script: Script = "hans") =>
  `/gk/${encodeURIComponent(code)}/${year}${version ? `/v/${version}` : ""}${script === "hant" ? "/hant" : ""}`;
export const organPath = (code: string, script: Script = "hans") => `/gk/${encodeURIComponent(code)}${script === "hant" ? "/hant" : ""}`;
export const homePath = (script: Script = "hans") => (script === "hant" ? "/gk/hant" : "/gk");
export const openDataPath = (script: Script = "hans") => (script === "hant" ? "/gk/open-data/hant" : "/gk/open-data");
/** A search's address (page 1 carries no page number). */
export const searchPath = (script: Script, query: { q: string; year: string }, page: number) => {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  if (query.year) params.set("year", query.year);
  if (page > 1) params.set("page", String(page));
  return `${homePath(script)}?${params.toString()}`;
};
/** One page of the organs below an organ, on its page. */
export const organPagePath = (code: string, script: Script, page: number) => `${organPath(code, script)}${page > 1 ? `?page=${page}` : ""}`;
