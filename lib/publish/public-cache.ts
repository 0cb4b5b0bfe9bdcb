// Public responses kept in this process's memory, so that the busiest pages are
// served without touching the database. Emptied whenever a report is published,
// corrected or withdrawn (through this process; other processes refresh within
// the pages' short max-age, since entries also expire).
//
// At the peak, an entry expiring must not send every waiting request to the database
// at once (at 500 req/s, half the requests of the next 200 ms took over 30 ms): so a key has
// at most one load in flight, and an expired entry is still served while that one load
// refreshes it. A failed refresh keeps serving the entry and is retried by the next request.
const TTL_MS = 60_000;
const MAX_ENTRIES = 5_000;

type Entry = { value: unknown; at: number };
type Store = { entries: Map<string, Entry>; loading: Map<string, Promise<unknown>>; generation: number };
// On globalThis: the front server and Next's bundle load this module separately in one process.
const shared = globalThis as unknown as { nianbaoPublicCache?: Store };
const store = (shared.nianbaoPublicCache ??= { entries: new Map(), loading: new Map(), generation: 0 });

export async function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
  const hit = store.entries.get(key);
  if (!hit) return refresh(key, load);
  if (Date.now() - hit.at >= TTL_MS) {
    refresh(key, load).catch((error: unknown) => console.error("[public] refreshing a cached page failed", error));
  }
  return hit.value as T;
}

function refresh<T>(key: string, load: () => Promise<T>): Promise<T> {
  const inFlight = store.loading.get(key);
  if (inFlight) return inFlight as Promise<T>;
  const generation = store.generation;
  const loading = load()
    .then((value) => {
      // A publication since this load began has made its result out of date: it is
      // still this request's answer, but not kept.
      if (generation === store.generation) {
        store.entries.delete(key); // re-inserted last, so that the oldest entry is the first key
        store.entries.set(key, { value, at: Date.now() });
        if (store.entries.size > MAX_ENTRIES) store.entries.delete(store.entries.keys().next().value!);
      }
      return value;
    })
    .finally(() => {
      if (store.loading.get(key) === loading) store.loading.delete(key);
    });
  store.loading.set(key, loading);
  return loading;
}

export function invalidatePublicPages() {
  store.generation++;
  store.entries.clear();
  store.loading.clear();
}
