import { describe, expect, it } from "vitest";
import { createRateLimit } from "@/lib/publish/search-rate-limit";

describe("the public search's per-address rate limit", () => {
  it("allows a burst, then one request per interval, and says when to come back", () => {
    const limit = createRateLimit({ perMinute: 60, burst: 3, maxKeys: 100 });
    const t = 1_000_000;
    expect([1, 2, 3].map(() => limit.take("a", t).ok)).toEqual([true, true, true]);
    expect(limit.take("a", t)).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(limit.take("b", t).ok).toBe(true); // another address has its own bucket
    expect(limit.take("a", t + 1_000).ok).toBe(true); // one a second refills
    expect(limit.take("a", t + 1_000).ok).toBe(false);
    expect([1, 2, 3, 4].map(() => limit.take("a", t + 60_000).ok)).toEqual([true, true, true, false]); // never more than the burst
  });

  it("refusals do not lengthen the wait", () => {
    const limit = createRateLimit({ perMinute: 6, burst: 1, maxKeys: 100 });
    expect(limit.take("a", 0).ok).toBe(true);
    for (let i = 0; i < 50; i++) expect(limit.take("a", i * 100).ok).toBe(false);
    expect(limit.take("a", 10_000).ok).toBe(true);
  });

  it("tracks a fixed number of addresses, forgetting the one seen longest ago", () => {
    const limit = createRateLimit({ perMinute: 1, burst: 1, maxKeys: 2 });
    expect(limit.take("a", 0).ok).toBe(true);
    expect(limit.take("b", 0).ok).toBe(true);
    expect(limit.take("b", 0).ok).toBe(false);
    expect(limit.take("c", 0).ok).toBe(true); // "a" is forgotten to make room
    expect(limit.take("b", 0).ok).toBe(false); // "b" is still remembered
    expect(limit.take("a", 0).ok).toBe(true); // "a" starts again with a full bucket
  });
});
