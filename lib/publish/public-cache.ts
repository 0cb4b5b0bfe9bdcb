// Public responses kept in this process's memory, so that the busiest pages are
// served without touching the database. Emptied whenever a report is published,
// corrected or withdrawn (through this process; other processes refresh within
// the pages' short max-age, since entries also expire).
const TTL_MS = 60_000;
// On globalThis: the front server and Next's bundle load this module separately in one process.
const store = globalThis as unknown as { nianbaoPublicCache?: Map<string, { value: unknown; at: number }> };
const entries = (store.nianbaoPublicCache ??= new Map());

export async function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
  const hit = entries.get(key);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.value as T;
  const value = await load();
  entries.set(key, { value, at: Date.now() });
  if (entries.size > 5_000) entries.delete(entries.keys().next().value!);
  return value;
}

export function invalidatePublicPages() {
  entries.clear();
}
