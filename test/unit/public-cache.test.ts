import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { cached, invalidatePublicPages, setPublicCacheListening } from "@/lib/publish/public-cache";

/** A load whose result the test hands over when it chooses. */
function deferredLoad<T>() {
  const pending: Array<{ resolve: (value: T) => void; reject: (error: Error) => void }> = [];
  const load = vi.fn(() => new Promise<T>((resolve, reject) => pending.push({ resolve, reject })));
  // `which`: the index among the loads still pending, oldest first.
  const settle = (which: number) => pending.splice(which, 1)[0]!;
  return { load, resolve: (value: T, which = 0) => settle(which).resolve(value), reject: (error: Error, which = 0) => settle(which).reject(error) };
}

/** A load that answers at once with the next of `values`. */
const answers = (...values: string[]) => vi.fn(async () => values.shift() ?? "no more answers");

describe("the public pages' in-process cache", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    setPublicCacheListening(true);
  });
  afterEach(() => {
    setPublicCacheListening(false);
    vi.useRealTimers();
  });

  it("loads a missing key once, however many requests wait for it", async () => {
    const { load, resolve } = deferredLoad<string>();
    const waiting = Promise.all([cached("k", load), cached("k", load), cached("k", load)]);
    expect(load).toHaveBeenCalledTimes(1);
    resolve("page");
    expect(await waiting).toEqual(["page", "page", "page"]);
    expect(await cached("k", load)).toBe("page");
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("refreshes an entry ahead of its end while still serving it, and never serves it past its lifetime", async () => {
    const { load, resolve } = deferredLoad<string>();
    const first = cached("k", load);
    resolve("v1");
    await first;
    vi.advanceTimersByTime(30_000);
    expect(await cached("k", load)).toBe("v1"); // young: no refresh
    expect(load).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(16_000); // within the last 15 s of its 60
    expect(await Promise.all([cached("k", load), cached("k", load)])).toEqual(["v1", "v1"]);
    expect(load).toHaveBeenCalledTimes(2); // one refresh for both
    resolve("v2");
    await vi.waitFor(async () => expect(await cached("k", load)).toBe("v2"));

    // Left alone past its lifetime, the entry is not served: the request waits for a new load.
    vi.advanceTimersByTime(61_000);
    const late = cached("k", load);
    let answered = false;
    void late.then(() => (answered = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(answered).toBe(false);
    resolve("v3");
    expect(await late).toBe("v3");
  });

  it("keeps serving a valid entry when its refresh fails, and retries on the next request", async () => {
    const { load, resolve, reject } = deferredLoad<string>();
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const first = cached("k", load);
    resolve("v1");
    await first;
    vi.advanceTimersByTime(50_000);
    expect(await cached("k", load)).toBe("v1");
    reject(new Error("database unavailable"));
    await vi.waitFor(() => expect(logged).toHaveBeenCalled());
    expect(await cached("k", load)).toBe("v1");
    expect(load).toHaveBeenCalledTimes(3);
    logged.mockRestore();
  });

  it("drops exactly the entries a change affects: the organ's pages of that year, its organ page and the listings", async () => {
    const loads = {
      list: answers("list 1", "list 2"),
      organ: answers("organ A 1", "organ A 2"),
      a2025: answers("A 2025 1", "A 2025 2"),
      a2024: answers("A 2024 1"),
      b2025: answers("B 2025 1"),
    };
    const all = () =>
      Promise.all([
        cached("home", loads.list),
        cached("organ:A", loads.organ, { scope: { organCode: "A" } }),
        cached("report:A:2025", loads.a2025, { scope: { organCode: "A", year: 2025 } }),
        cached("report:A:2024", loads.a2024, { scope: { organCode: "A", year: 2024 } }),
        cached("report:B:2025", loads.b2025, { scope: { organCode: "B", year: 2025 } }),
      ]);
    expect(await all()).toEqual(["list 1", "organ A 1", "A 2025 1", "A 2024 1", "B 2025 1"]);
    invalidatePublicPages({ organCode: "A", year: 2025 });
    expect(await all()).toEqual(["list 2", "organ A 2", "A 2025 2", "A 2024 1", "B 2025 1"]);
  });

  it("does not keep a value whose load a change overtook", async () => {
    const { load, resolve } = deferredLoad<string>();
    const before = cached("k", load, { scope: { organCode: "A", year: 2025 } });
    invalidatePublicPages({ organCode: "A", year: 2025 }); // published while the load ran
    const after = cached("k", load, { scope: { organCode: "A", year: 2025 } });
    expect(load).toHaveBeenCalledTimes(2);
    resolve("after publishing", 1);
    resolve("before publishing"); // the older load finishes last
    expect(await before).toBe("before publishing");
    expect(await after).toBe("after publishing");
    expect(await cached("k", load)).toBe("after publishing");
  });

  it("serves nothing from memory while changes cannot be heard, and starts empty when they can again", async () => {
    const load = answers("v1", "v2", "v3", "v4");
    expect(await cached("k", load)).toBe("v1");
    setPublicCacheListening(false); // the listening connection was lost
    expect(await cached("k", load)).toBe("v2");
    expect(await cached("k", load)).toBe("v3"); // nothing kept meanwhile either
    setPublicCacheListening(true);
    expect(await cached("k", load)).toBe("v4");
    expect(await cached("k", load)).toBe("v4");
  });

  it("keeps within its memory budget, dropping the entries stored longest ago", async () => {
    process.env.PUBLIC_CACHE_MB = "1";
    try {
      const page = (n: number) => ({ html: String(n).repeat(100_000) }); // about 200 KB each
      for (let n = 0; n < 8; n++) await cached(`p${n}`, async () => page(n));
      const again = vi.fn(async () => page(99));
      for (const n of [3, 4, 5, 6, 7]) expect((await cached(`p${n}`, again)).html[0]).toBe(String(n));
      expect(again).not.toHaveBeenCalled();
      expect((await cached("p0", again)).html[0]).toBe("9");
    } finally {
      delete process.env.PUBLIC_CACHE_MB;
    }
  });

  it("a failed first load reaches the request, and the next request loads again", async () => {
    const { load, resolve, reject } = deferredLoad<string>();
    const first = cached("k", load);
    reject(new Error("database unavailable"));
    await expect(first).rejects.toThrow("database unavailable");
    const second = cached("k", load);
    resolve("page");
    expect(await second).toBe("page");
    expect(load).toHaveBeenCalledTimes(2);
  });
});
