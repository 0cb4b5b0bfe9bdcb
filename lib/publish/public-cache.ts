// Public responses kept in this process's memory, so that the busiest pages are served
// without touching the database. Several instances may serve one database, so the cache is
// only trusted while this process hears about every change: publishing, correcting and
// withdrawing announce themselves through PostgreSQL (public-changes.ts, NOTIFY in the
// change's own transaction), and every instance drops the affected entries when told. An
// instance that is not listening (its connection lost, or not yet opened) serves nothing
// from here: it loads each response afresh until it listens again, and then starts empty.
//
// An entry is never served past its lifetime. At the peak, an entry expiring must not send
// every waiting request to the database at once (at 500 req/s, half the requests of the next
// 200 ms took over 30 ms): so a key has at most one load in flight, and a request in the last
// part of an entry's life refreshes it ahead of time while the entry is still served.
import type { PublicChange } from "./public-changes";

const TTL_MS = 60_000;
/** A request within this long of an entry's end starts its refresh. */
const REFRESH_AHEAD_MS = 15_000;
/** The memory the entries may take (PUBLIC_CACHE_MB, default 64); the least recently stored go first. */
const maxBytes = () => Number(process.env.PUBLIC_CACHE_MB ?? 64) * 1024 * 1024;

/**
 * What an entry shows, so that a change drops exactly what it affects: "listing" (home and
 * search pages: any publication may change them), or one organ's pages (all years, or one).
 */
export type CacheScope = "listing" | { organCode: string; year?: number };
export type CacheOptions = { scope?: CacheScope; ttlMs?: number };

type Entry = { value: unknown; at: number; ttl: number; bytes: number; scope: CacheScope };
type Load = { promise: Promise<unknown>; scope: CacheScope; stale: boolean };
type Store = { entries: Map<string, Entry>; loading: Map<string, Load>; bytes: number; listening: boolean };
// On globalThis: the front server and Next's bundle load this module separately in one process.
const shared = globalThis as unknown as { nianbaoPublicCache?: Store };
const store = (shared.nianbaoPublicCache ??= { entries: new Map(), loading: new Map(), bytes: 0, listening: false });

export async function cached<T>(key: string, load: () => Promise<T>, options: CacheOptions = {}): Promise<T> {
  const scope = options.scope ?? "listing";
  const ttl = options.ttlMs ?? TTL_MS;
  if (!store.listening) return refresh(key, load, scope, ttl);
  const hit = store.entries.get(key);
  const age = hit ? Date.now() - hit.at : Infinity;
  if (!hit || age >= hit.ttl) {
    if (hit) remove(key);
    return refresh(key, load, scope, ttl);
  }
  if (age >= hit.ttl - Math.min(REFRESH_AHEAD_MS, hit.ttl / 4) && !store.loading.has(key)) {
    // Still valid: served as it is while one load replaces it. A failed refresh is retried by a later request.
    refresh(key, load, scope, ttl).catch((error: unknown) => console.error("[public] refreshing a cached page failed", error));
  }
  return hit.value as T;
}

function refresh<T>(key: string, load: () => Promise<T>, scope: CacheScope, ttl: number): Promise<T> {
  const inFlight = store.loading.get(key);
  if (inFlight) return inFlight.promise as Promise<T>;
  const entry: Load = { promise: Promise.resolve(), scope, stale: false };
  entry.promise = load()
    .then((value) => {
      // A change announced since this load began has made its result out of date: it is still
      // this request's answer, but not kept; nor is anything kept while changes cannot be heard.
      if (!entry.stale && store.listening) put(key, { value, at: Date.now(), ttl, bytes: weigh(value), scope });
      return value;
    })
    .finally(() => {
      if (store.loading.get(key) === entry) store.loading.delete(key);
    });
  store.loading.set(key, entry);
  return entry.promise as Promise<T>;
}

function put(key: string, entry: Entry) {
  remove(key); // re-inserted last, so that the first key is the one stored longest ago
  store.entries.set(key, entry);
  store.bytes += entry.bytes;
  for (const [oldest, { bytes }] of store.entries) {
    if (store.bytes <= maxBytes() || oldest === key) break;
    store.entries.delete(oldest);
    store.bytes -= bytes;
  }
}

function remove(key: string) {
  const entry = store.entries.get(key);
  if (!entry) return;
  store.entries.delete(key);
  store.bytes -= entry.bytes;
}

/** Roughly the memory a cached response holds: its strings (two bytes a character) and byte arrays. */
function weigh(value: unknown): number {
  if (!value || typeof value !== "object") return 64;
  let bytes = 64;
  for (const field of Object.values(value)) {
    if (typeof field === "string") bytes += field.length * 2;
    else if (field instanceof Uint8Array) bytes += field.byteLength;
  }
  return bytes;
}

function affects(change: PublicChange, scope: CacheScope) {
  if ("all" in change || scope === "listing") return true;
  return scope.organCode === change.organCode && (scope.year === undefined || scope.year === change.year);
}

/**
 * Drops every entry a change affects, and makes loads already under way for them not kept.
 * Called where the change happened (at once, after its commit) and in every instance that
 * hears it announced; without an argument, everything.
 */
export function invalidatePublicPages(change: PublicChange = { all: true }) {
  for (const [key, entry] of store.entries) if (affects(change, entry.scope)) remove(key);
  for (const [key, load] of store.loading) {
    if (!affects(change, load.scope)) continue;
    load.stale = true;
    store.loading.delete(key);
  }
}

/**
 * Whether this process hears every announced change. Off: nothing is served from or kept in
 * the cache. Either way it starts empty, since changes may have been missed meanwhile.
 */
export function setPublicCacheListening(listening: boolean) {
  invalidatePublicPages();
  store.listening = listening;
}

export function isPublicCacheListening() {
  return store.listening;
}
