// Public searches per client address: a token bucket per address, in a table of fixed size in
// this process's memory (PUBLIC_SEARCH_PER_MINUTE, default 60, in bursts of up to 20).
// In memory, not PostgreSQL: what a flood of searches exhausts is the instance's own CPU (each
// new query is rendered and compressed here), so the instance is the right unit to count in, and
// counting in the database would cost a write for every public search, cache hits included, on
// the one resource all instances share. With n instances an address gets at most n times the
// rate, still bounded. The table keeps the addresses seen most recently (at most 10,000, about a
// megabyte); an address forgotten to make room starts again with a full bucket.
const MAX_ADDRESSES = 10_000;
const BURST = 20;

type Bucket = { tokens: number; at: number };
export type RateLimit = { take(key: string, now?: number): { ok: true } | { ok: false; retryAfterSeconds: number } };

export function createRateLimit(options: { perMinute: number; burst: number; maxKeys: number }): RateLimit {
  const buckets = new Map<string, Bucket>();
  const perMs = options.perMinute / 60_000;
  return {
    take(key, now = Date.now()) {
      const old = buckets.get(key);
      const tokens = old ? Math.min(options.burst, old.tokens + (now - old.at) * perMs) : options.burst;
      buckets.delete(key); // re-inserted last: the first key is the one seen longest ago
      if (tokens < 1) {
        buckets.set(key, { tokens, at: now });
        return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / perMs / 1000)) };
      }
      buckets.set(key, { tokens: tokens - 1, at: now });
      if (buckets.size > options.maxKeys) buckets.delete(buckets.keys().next().value!);
      return { ok: true };
    },
  };
}

let shared: RateLimit | undefined;

export function searchRateLimit(): RateLimit {
  return (shared ??= createRateLimit({ perMinute: Math.max(1, Number(process.env.PUBLIC_SEARCH_PER_MINUTE) || 60), burst: BURST, maxKeys: MAX_ADDRESSES }));
}
