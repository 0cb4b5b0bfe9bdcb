import { describe, expect, it } from "vitest";
import {
  checkCheckpoints,
  checkpointLine,
  hasValidSignature,
  keyIdOf,
  parseCheckpointLine,
  signCheckpoint,
  type CheckpointCheckInput,
  type SignedCheckpoint,
} from "@/lib/audit/checkpoint";
import { GENESIS_HASH } from "@/lib/audit/hash";

const key = Buffer.from("the system's audit signing key, 32+ chars");
const h = (n: number) => n.toString(16).padStart(64, "0");

function checkpoint(n: number, over: Partial<SignedCheckpoint> = {}, signingKey = key): SignedCheckpoint {
  return signCheckpoint(signingKey, {
    id: `c${n}`,
    createdAt: new Date(Date.UTC(2026, 11, n)),
    lastEntryId: BigInt(n * 10),
    lastHash: h(n * 10),
    reason: "daily",
    writer: "w1",
    keyId: keyIdOf(signingKey),
    ...over,
  });
}

/** A log of `last` entries whose stored hash of entry i is h(i). */
const chain = (last: number, hashOf: (id: bigint) => string | undefined = (id) => (id <= BigInt(last) ? h(Number(id)) : undefined)) => ({ lastId: BigInt(last), hashOf });

const check = (over: Partial<CheckpointCheckInput>) => {
  const table = over.table ?? [checkpoint(1), checkpoint(2)];
  return checkCheckpoints({ key, table, file: { path: "/data/audit-checkpoints.jsonl", lines: table }, writer: "w1", chain: chain(25), ...over });
};

describe("audit checkpoints", () => {
  it("sign every field: changing any one breaks the signature", () => {
    const c = checkpoint(1);
    expect(hasValidSignature(key, c)).toBe(true);
    for (const change of [{ lastEntryId: 11n }, { lastHash: h(11) }, { createdAt: new Date(0) }, { id: "x" }, { reason: "publication" }, { writer: "w2" }, { keyId: "0" }]) {
      expect(hasValidSignature(key, { ...c, ...change })).toBe(false);
    }
    expect(hasValidSignature(Buffer.from("another key of at least 32 characters"), c)).toBe(false);
  });

  it("round-trip through a file line, and refuse a line that is not one", () => {
    const c = checkpoint(3);
    expect(parseCheckpointLine(checkpointLine(c))).toEqual(c);
    expect(parseCheckpointLine("{")).toBeNull();
    expect(parseCheckpointLine(JSON.stringify({ ...JSON.parse(checkpointLine(c)), lastEntryId: "-1" }))).toBeNull();
  });

  it("pass when the table, the file and the chain agree", () => {
    expect(check({})).toEqual({ checked: 2, newest: checkpoint(2), problems: [] });
    // A checkpoint of the empty log claims nothing.
    expect(check({ table: [checkpoint(0, { lastEntryId: 0n, lastHash: GENESIS_HASH })], chain: chain(0) }).problems).toEqual([]);
  });

  it("name a rewritten entry, a cut tail and an entry deleted below the head", () => {
    expect(check({ chain: chain(25, (id) => (id === 20n ? "f".repeat(64) : h(Number(id)))) }).problems).toEqual([
      expect.stringMatching(/^审计日志被改写：第 20 条的哈希与检查点 c2/),
    ]);
    expect(check({ chain: chain(15) }).problems).toEqual([expect.stringMatching(/^审计日志的末尾被删除：检查点 c2（.*）签名时日志到第 20 条，现在只到第 15 条。$/)]);
    expect(check({ chain: chain(0) }).problems).toHaveLength(2);
    expect(check({ chain: chain(0) }).problems[1]).toContain("现在日志是空的");
    expect(check({ chain: chain(25, (id) => (id === 10n ? undefined : h(Number(id)))) }).problems).toEqual([expect.stringMatching(/^审计日志第 10 条被删除/)]);
  });

  it("name a forgery, and tell a changed key apart by its key id", () => {
    const forged = checkpoint(2, {}, Buffer.from("someone else's key of 32+ characters"));
    const sameKeyId = { ...forged, keyId: keyIdOf(key), signature: forged.signature };
    expect(check({ table: [checkpoint(1), sameKeyId] }).problems).toEqual([
      expect.stringMatching(/^检查点 c2（.*）的签名无效：它不是用本系统的签名密钥签的，是伪造或被改动过的。$/),
    ]);
    expect(check({ table: [checkpoint(1), forged] }).problems[0]).toContain(`它标明的密钥 ${keyIdOf(Buffer.from("someone else's key of 32+ characters"))} 不是当前密钥`);
    expect(check({ key: null }).problems).toEqual([expect.stringContaining("没有签名密钥")]);
  });

  it("compare the file with the table both ways, for this data folder's own checkpoints", () => {
    const [c1, c2] = [checkpoint(1), checkpoint(2)];
    const file = (lines: Array<SignedCheckpoint | null>) => ({ path: "/data/audit-checkpoints.jsonl", lines });
    expect(check({ table: [c1], file: file([c1, c2]) }).problems).toEqual([expect.stringMatching(/^数据库中少了检查点 c2/)]);
    expect(check({ table: [c1, c2], file: file([c1]) }).problems).toEqual([expect.stringMatching(/^检查点 c2（.*）是本数据目录写的，却不在检查点文件/)]);
    // Another instance's checkpoint is in its own file, not this one.
    const other = checkpoint(3, { writer: "w2" });
    expect(check({ table: [c1, c2, other], file: file([c1, c2]), chain: chain(30) }).problems).toEqual([]);
    expect(check({ table: [c1, c2], file: file([c1, { ...c2, reason: "manual" }]) }).problems[0]).toMatch(/^检查点 c2 在数据库中与检查点文件中的内容不同/);
    expect(check({ table: [c1, c2], file: file([c1, null, c2]) }).problems).toEqual([expect.stringMatching(/第 2 行无法读取/)]);
    expect(check({ table: [c1, c2], file: null }).problems).toEqual([expect.stringContaining("检查点文件不见了")]);
  });
});
