import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { cached, invalidatePublicPages } from "@/lib/publish/public-cache";

/** A load whose result the test hands over when it chooses. */
function deferredLoad<T>() {
  const pending: Array<{ resolve: (value: T) => void; reject: (error: Error) => void }> = [];
  const load = vi.fn(() => new Promise<T>((resolve, reject) => pending.push({ resolve, reject })));
  // `which`: the index among the loads still pending, oldest first.
  const settle = (which: number) => pending.splice(which, 1)[0]!;
  return { load, resolve: (value: T, which = 0) => settle(which).resolve(value), reject: (error: Error, which = 0) => settle(which).reject(error) };
}

describe("the public pages' in-process cache", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    invalidatePublicPages();
  });
  afterEach(() => vi.useRealTimers());

  it("loads a missing key once, however many requests wait for it", async () => {
    const { load, resolve } = deferredLoad<string>();
    const waiting = Promise.all([cached("k", load), cached("k", load), cached("k", load)]);
    expect(load).toHaveBeenCalledTimes(1);
    resolve("page");
    expect(await waiting).toEqual(["page", "page", "page"]);
    expect(await cached("k", load)).toBe("page");
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("serves an expired entry while one load refreshes it, then the new value", async () => {
    const { load, resolve } = deferredLoad<string>();
    const first = cached("k", load);
    resolve("v1");
    await first;
    vi.advanceTimersByTime(61_000);
    expect(await Promise.all([cached("k", load), cached("k", load)])).toEqual(["v1", "v1"]);
    expect(load).toHaveBeenCalledTimes(2);
    resolve("v2");
    await vi.waitFor(async () => expect(await cached("k", load)).toBe("v2"));
    expect(load).toHaveBeenCalledTimes(2);
  });

  it("keeps serving the entry when a refresh fails, and retries on the next request", async () => {
    const { load, resolve, reject } = deferredLoad<string>();
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const first = cached("k", load);
    resolve("v1");
    await first;
    vi.advanceTimersByTime(61_000);
    expect(await cached("k", load)).toBe("v1");
    reject(new Error("database unavailable"));
    await vi.waitFor(() => expect(logged).toHaveBeenCalled());
    expect(await cached("k", load)).toBe("v1");
    expect(load).toHaveBeenCalledTimes(3);
    logged.mockRestore();
  });

  it("does not keep a value loaded before a publication emptied the cache", async () => {
    const { load, resolve } = deferredLoad<string>();
    const before = cached("k", load);
    invalidatePublicPages(); // a report was published while the load ran
    const after = cached("k", load);
    expect(load).toHaveBeenCalledTimes(2);
    resolve("after publishing", 1);
    resolve("before publishing"); // the older load finishes last
    expect(await before).toBe("before publishing");
    expect(await after).toBe("after publishing");
    expect(await cached("k", load)).toBe("after publishing");
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
