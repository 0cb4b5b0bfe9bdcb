// Addresses of the public site. Browser-safe and pure.
export type Script = "hans" | "hant";

export const reportPath = (code: string, year: number, version?: number, script: Script = "hans") =>
  `/gk/${encodeURIComponent(code)}/${year}${version ? `/v/${version}` : ""}${script === "hant" ? "/hant" : ""}`;
export const organPath = (code: string, script: Script = "hans") => `/gk/${encodeURIComponent(code)}${script === "hant" ? "/hant" : ""}`;
export const homePath = (script: Script = "hans") => (script === "hant" ? "/gk/hant" : "/gk");
export const openDataPath = (script: Script = "hans") => (script === "hant" ? "/gk/open-data/hant" : "/gk/open-data");
