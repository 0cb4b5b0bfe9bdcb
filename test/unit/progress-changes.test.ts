// The changes this process has heard, and which organs a kept reading must read again.
import { afterEach, describe, expect, it } from "vitest";
import {
  changedSince,
  changeMark,
  heardProgressChange,
  keepReading,
  keptReading,
  readProgressChange,
  setProgressListening,
  type ChangeMark,
  type Changes,
  type Marked,
} from "@/lib/supervision/progress-changes";

/** Only these organs changed, not the tree. */
const organs = (...ids: string[]) => ({ organs: new Set(ids), tree: false, places: false });

describe("progress changes heard", () => {
  afterEach(() => setProgressListening(false));

  it("reads a notification's payload, and takes anything unexpected as a change of the whole tree", () => {
    expect(readProgressChange('{"organId":"a","year":2024}')).toEqual({ organId: "a", year: 2024 });
    expect(readProgressChange('{"tree":true}')).toEqual({ tree: true });
    expect(readProgressChange('{"tree":true,"organId":"a"}')).toEqual({ tree: true, organId: "a" });
    for (const odd of ["", "not json", '{"organId":1,"year":2024}', '{"organId":"a","year":"2024"}', "null"]) expect(readProgressChange(odd)).toEqual({ tree: true });
  });

  it("has no mark while not listening: everything is read", () => {
    setProgressListening(false);
    expect(changeMark()).toBeNull();
    expect(changedSince(null, 2024)).toBe("everything");
  });

  it("names the organs changed since a mark, for that year only", () => {
    setProgressListening(true);
    heardProgressChange({ organId: "before", year: 2024 });
    const mark = changeMark()!;
    expect(changedSince(mark, 2024)).toEqual(organs());
    heardProgressChange({ organId: "a", year: 2024 });
    heardProgressChange({ organId: "b", year: 2023 });
    heardProgressChange({ organId: "a", year: 2024 });
    expect(changedSince(mark, 2024)).toEqual(organs("a"));
    expect(changedSince(mark, 2023)).toEqual(organs("b"));
    expect(changedSince(changeMark(), 2024)).toEqual(organs());
  });

  it("tells a change of the tree since a mark, with the organs changed", () => {
    setProgressListening(true);
    const mark = changeMark()!;
    heardProgressChange({ organId: "a", year: 2024 });
    heardProgressChange({ tree: true });
    expect(changedSince(mark, 2024)).toEqual({ organs: new Set(["a"]), tree: true, places: true });
    expect(changedSince(changeMark(), 2024)).toEqual(organs());
  });

  it("tells an organ whose own columns changed (every organ in its place) as a change of that organ in every year", () => {
    setProgressListening(true);
    const mark = changeMark()!;
    heardProgressChange({ tree: true, organId: "renamed" });
    heardProgressChange({ organId: "a", year: 2023 });
    expect(changedSince(mark, 2024)).toEqual({ organs: new Set(["renamed"]), tree: true, places: false });
    expect(changedSince(mark, 2023)).toEqual({ organs: new Set(["renamed", "a"]), tree: true, places: false });
    heardProgressChange({ tree: true });
    expect(changedSince(mark, 2024)).toEqual({ organs: new Set(["renamed"]), tree: true, places: true });
  });

  it("reads everything after a lost connection, or once the changes since the mark are forgotten", () => {
    setProgressListening(true);
    heardProgressChange({ tree: true });

    const afterTree = changeMark()!;
    setProgressListening(false);
    setProgressListening(true);
    expect(changedSince(afterTree, 2024)).toBe("everything");

    const old = changeMark()!;
    for (let i = 0; i < 50_000; i++) heardProgressChange({ organId: `o${i}`, year: 2024 });
    expect(changedSince(old, 2024)).toBe("everything");
    const recent = changeMark()!;
    heardProgressChange({ organId: "x", year: 2024 });
    expect(changedSince(recent, 2024)).toEqual(organs("x"));
  });

  it("keeps a reading unless one that began later is kept already, and drops the oldest beyond the rows allowed", () => {
    const kept = new Map<string, { mark: ChangeMark; size: number; value: string }>();
    keepReading(kept, "k", { mark: { epoch: 1, heard: 5 }, size: 10, value: "newer" }, 25);
    keepReading(kept, "k", { mark: { epoch: 1, heard: 3 }, size: 10, value: "older" }, 25);
    expect(kept.get("k")!.value).toBe("newer");
    keepReading(kept, "k", { mark: { epoch: 2, heard: 0 }, size: 10, value: "after reconnecting" }, 25);
    expect(kept.get("k")!.value).toBe("after reconnecting");
    keepReading(kept, "k", { mark: { epoch: 1, heard: 9 }, size: 10, value: "begun before reconnecting" }, 25);
    expect(kept.get("k")!.value).toBe("after reconnecting");
    keepReading(kept, "l", { mark: { epoch: 2, heard: 1 }, size: 10, value: "l" }, 25);
    expect([...kept.keys()]).toEqual(["k", "l"]);
    keepReading(kept, "m", { mark: { epoch: 2, heard: 1 }, size: 10, value: "m" }, 25);
    expect([...kept.keys()]).toEqual(["l", "m"]);
    // One reading larger than all that is allowed is still kept, alone.
    keepReading(kept, "n", { mark: { epoch: 2, heard: 1 }, size: 30, value: "n" }, 25);
    expect([...kept.keys()]).toEqual(["n"]);
  });

  it("brings a kept reading up to date: a change heard while it reads is read on the next request", async () => {
    setProgressListening(true);
    const kept = new Map<string, Marked<{ size: number; seen: string }>>();
    const calls: Changes[] = [];
    const read = (during?: () => void) =>
      keptReading(kept, "k", 2024, 100, async (previous, changed) => {
        calls.push(changed);
        during?.();
        return changed === "everything" || changed.organs.size > 0 ? { size: 1, seen: `read ${calls.length}` } : previous!;
      });
    expect((await read(() => heardProgressChange({ organId: "a", year: 2024 }))).seen).toBe("read 1");
    expect((await read()).seen).toBe("read 2");
    expect((await read()).seen).toBe("read 2");
    expect(calls).toEqual(["everything", organs("a"), organs()]);
    setProgressListening(false);
    await read();
    expect(calls.at(-1)).toBe("everything");
    expect(kept.get("k")!.seen).toBe("read 2"); // what was read while not listening is not kept
  });
});
