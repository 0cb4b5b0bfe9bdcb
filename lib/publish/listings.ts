// What the public home and organ pages list, and how long lists are cut into pages. Pure.
export type ListedReport = { organName: string; organCode: string; year: number; title: string; publishedAt: string; version: number; withdrawnAt: string | null };
/** An organ linked from a listing, with how many organs are directly below it. */
export type OrganLink = { code: string; name: string; children: number };
/** A top organ on the home page with the first of the organs below it. */
export type TopOrgan = OrganLink & { below: OrganLink[] };
export type Paged<T> = { items: T[]; total: number; page: number; pages: number };

/** Search results per page. */
export const SEARCH_PAGE_SIZE = 50;
/** Organs directly below one organ, per page of its public page. */
export const CHILDREN_PAGE_SIZE = 100;
/** Organs below each top organ named on the home page (the rest are a click away, on its page). */
export const HOME_BELOW_SHOWN = 30;
/** Top organs (those without a parent) named on the home page. */
export const HOME_TOP_SHOWN = 100;
/** No listing is paged further than this (about 10,000 results at 50 a page would be 200 pages). */
export const MAX_PAGE = 1_000;

/** A page number from the address: a positive whole number up to MAX_PAGE, else page 1. */
export function readPageNumber(text: string | null | undefined): number {
  if (!text || !/^[1-9]\d{0,3}$/.test(text.trim())) return 1;
  return Math.min(Number(text.trim()), MAX_PAGE);
}

/** The number of pages for `total` items (at least one), and the page asked for within them. */
export function pageWithin(total: number, size: number, asked: number): { page: number; pages: number; offset: number } {
  const pages = Math.max(1, Math.ceil(total / size));
  const page = Math.min(Math.max(1, asked), pages);
  return { page, pages, offset: (page - 1) * size };
}

/** The home page's top organs, each with its first `shown` organs below (rows: the top organs and the organs directly below them, in order). */
export function topOrgans(rows: Array<OrganLink & { parentCode: string | null }>, shown = HOME_BELOW_SHOWN): TopOrgan[] {
  const top = rows.filter((r) => r.parentCode === null).map(({ code, name, children }): TopOrgan => ({ code, name, children, below: [] }));
  const byCode = new Map(top.map((t) => [t.code, t]));
  for (const row of rows) {
    const parent = row.parentCode === null ? undefined : byCode.get(row.parentCode);
    if (parent && parent.below.length < shown) parent.below.push({ code: row.code, name: row.name, children: row.children });
  }
  return top;
}

/** A LIKE pattern matching `text` anywhere, its wildcards taken literally. */
export const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
/** A past year published elsewhere (外部导入): listed with its original address, never as published here. */
export type ListedExternalReport = { year: number; title: string; sourceUrl: string | null; indexNumber: string | null; issuedOn: string | null };
