import { describe, expect, it } from "vitest";
import { canonicalJson, computeAuditHash, findFirstBrokenEntry, GENESIS_HASH, type ChainedEntry, type HashedAuditFields } from "@/lib/audit/hash";

function chain(count: number): ChainedEntry[] {
  const entries: ChainedEntry[] = [];
  let prevHash = GENESIS_HASH;
  for (let i = 1; i <= count; i++) {
    const fields: HashedAuditFields = {
      createdAt: new Date(Date.UTC(2026, 0, i)),
      actorId: `user-${i}`,
      actorName: `用户${i}`,
      action: "auth.login",
      targetType: "user",
      targetId: `user-${i}`,
      organId: null,
      clientAddress: "127.0.0.1",
      details: { n: i, nested: { b: 2, a: 1 } },
      contentHash: null,
    };
    const hash = computeAuditHash(prevHash, fields);
    entries.push({ ...fields, id: i, prevHash, hash });
    prevHash = hash;
  }
  return entries;
}

describe("audit hash chain", () => {
  it("serialises objects with sorted keys", () => {
    expect(canonicalJson({ b: 1, a: [{ d: 1, c: null }] })).toBe('{"a":[{"c":null,"d":1}],"b":1}');
  });

  it("accepts an untouched chain", () => {
    expect(findFirstBrokenEntry(chain(5))).toBeNull();
  });

  it("names the entry whose content was edited", () => {
    const entries = chain(5);
    entries[2] = { ...entries[2]!, actorName: "别人" };
    expect(findFirstBrokenEntry(entries)?.id).toBe(3);
  });

  it("names the entry after a deleted one", () => {
    const entries = chain(5);
    entries.splice(1, 1);
    expect(findFirstBrokenEntry(entries)?.id).toBe(3);
  });

  it("detects an edit whose hash was recomputed, at the next entry", () => {
    const entries = chain(4);
    const edited = { ...entries[1]!, details: { n: 99 } };
    edited.hash = computeAuditHash(edited.prevHash, edited);
    entries[1] = edited;
    expect(findFirstBrokenEntry(entries)?.id).toBe(3);
  });
});
