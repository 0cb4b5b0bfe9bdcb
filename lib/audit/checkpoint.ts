// Signed checkpoints of the audit chain's head. The chain alone is an unkeyed hash: whoever can
// write the table (a superuser, or the owner with the trigger disabled) can rewrite it from any
// entry with recomputed hashes, or cut its tail, and it still verifies. A checkpoint signs the
// last entry's id and hash with a key that is not in the database (HMAC-SHA256), and is kept
// twice — in the database and in an append-only file in the data folder — so that such a rewrite
// or cut before the newest checkpoint shows. This module is the pure part: signing and checking.
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { canonicalJson } from "./hash";

export const CHECKPOINT_REASONS = ["daily", "publication", "manual"] as const;
export type CheckpointReason = (typeof CHECKPOINT_REASONS)[number];

export type CheckpointFields = {
  id: string;
  createdAt: Date;
  /** The newest audit entry when the checkpoint was written (0 for an empty log). */
  lastEntryId: bigint;
  lastHash: string;
  reason: string;
  /** The data folder that wrote it (its checkpoint file must hold it). */
  writer: string;
  /** Names the key without revealing it, so that a changed key is told apart from a forgery. */
  keyId: string;
};
export type SignedCheckpoint = CheckpointFields & { signature: string };

const PAYLOAD_VERSION = "nianbao.audit-checkpoint/1";

function payload(f: CheckpointFields): string {
  return canonicalJson({
    v: PAYLOAD_VERSION,
    id: f.id,
    createdAt: f.createdAt.toISOString(),
    lastEntryId: f.lastEntryId.toString(),
    lastHash: f.lastHash,
    reason: f.reason,
    writer: f.writer,
    keyId: f.keyId,
  });
}

export function keyIdOf(key: Buffer): string {
  return createHash("sha256").update("nianbao audit signing key id\n").update(key).digest("hex").slice(0, 16);
}

export function signCheckpoint(key: Buffer, fields: CheckpointFields): SignedCheckpoint {
  return { ...fields, signature: createHmac("sha256", key).update(payload(fields)).digest("hex") };
}

export function hasValidSignature(key: Buffer, c: SignedCheckpoint): boolean {
  const expected = Buffer.from(signCheckpoint(key, c).signature, "hex");
  const given = Buffer.from(c.signature, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** One line of the checkpoint file. */
export function checkpointLine(c: SignedCheckpoint): string {
  return JSON.stringify({ ...c, createdAt: c.createdAt.toISOString(), lastEntryId: c.lastEntryId.toString() });
}

/** A line of the checkpoint file, or null when it is not one (a damaged or hand-edited file). */
export function parseCheckpointLine(line: string): SignedCheckpoint | null {
  try {
    const v = JSON.parse(line) as Record<string, unknown>;
    const text = ["id", "createdAt", "lastEntryId", "lastHash", "reason", "writer", "keyId", "signature"] as const;
    if (!text.every((k) => typeof v[k] === "string") || !/^\d+$/.test(v.lastEntryId as string)) return null;
    const createdAt = new Date(v.createdAt as string);
    if (Number.isNaN(createdAt.getTime())) return null;
    return {
      id: v.id as string,
      createdAt,
      lastEntryId: BigInt(v.lastEntryId as string),
      lastHash: v.lastHash as string,
      reason: v.reason as string,
      writer: v.writer as string,
      keyId: v.keyId as string,
      signature: v.signature as string,
    };
  } catch {
    return null;
  }
}

const same = (a: SignedCheckpoint, b: SignedCheckpoint) => checkpointLine(a) === checkpointLine(b);

export type CheckpointCheckInput = {
  /** The signing key; null when neither AUDIT_SIGNING_KEY nor the data folder has one. */
  key: Buffer | null;
  table: SignedCheckpoint[];
  /** This data folder's checkpoint file (null lines: unreadable), or null when there is none. */
  file: { path: string; lines: Array<SignedCheckpoint | null> } | null;
  /** This data folder's writer id: its checkpoints in the table must all be in its file. */
  writer: string | null;
  /** The audit log as stored: its newest id and the stored hash of the entries checkpoints name. */
  chain: { lastId: bigint; hashOf: (id: bigint) => string | undefined };
};

export type CheckpointCheck = { checked: number; newest: SignedCheckpoint | null; problems: string[] };

const when = (c: SignedCheckpoint) => c.createdAt.toISOString();

/**
 * Everything that is wrong with the checkpoints, in words for the person running audit:verify.
 * Pure: the caller reads the table, the file and the chain. The chain itself is checked
 * separately (its first broken link); this adds what the chain cannot show on its own.
 */
export function checkCheckpoints(input: CheckpointCheckInput): CheckpointCheck {
  const problems: string[] = [];
  const fromTable = new Map(input.table.map((c) => [c.id, c]));
  const fromFile = new Map<string, SignedCheckpoint>();

  if (input.file) {
    input.file.lines.forEach((c, i) => {
      if (!c) {
        problems.push(`检查点文件 ${input.file!.path} 第 ${i + 1} 行无法读取：文件被改动过。`);
        return;
      }
      fromFile.set(c.id, c);
      const stored = fromTable.get(c.id);
      if (!stored) {
        problems.push(`数据库中少了检查点 ${c.id}（${when(c)}，记录到第 ${c.lastEntryId} 条）：检查点文件中有它，数据库中的已被删除。`);
      } else if (!same(stored, c)) {
        problems.push(`检查点 ${c.id} 在数据库中与检查点文件中的内容不同：其中一处被改动过。`);
      }
    });
    for (const c of input.table) {
      if (c.writer === input.writer && !fromFile.has(c.id)) {
        problems.push(`检查点 ${c.id}（${when(c)}）是本数据目录写的，却不在检查点文件 ${input.file.path} 中：文件被删改过，或数据库中的这条是伪造的。`);
      }
    }
  } else if (input.writer && input.table.some((c) => c.writer === input.writer)) {
    problems.push("本数据目录写过检查点，但检查点文件不见了：文件被删除过。");
  }

  // A checkpoint's claims count once, whichever copy holds it (the file's copy when they differ).
  const all = [...new Map([...fromTable, ...fromFile]).values()].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  if (all.length > 0 && !input.key) {
    problems.push("无法校验检查点的签名：没有签名密钥（请设置写检查点时用的 AUDIT_SIGNING_KEY，或把原来的 audit-signing-key 文件放回数据目录）。");
    return { checked: 0, newest: null, problems };
  }
  const currentKeyId = input.key ? keyIdOf(input.key) : "";
  const valid: SignedCheckpoint[] = [];
  for (const c of all) {
    if (!hasValidSignature(input.key!, c)) {
      const otherKey = c.keyId !== currentKeyId ? `（它标明的密钥 ${c.keyId} 不是当前密钥 ${currentKeyId}；若更换过 AUDIT_SIGNING_KEY，请用原来的密钥校验）` : "";
      problems.push(`检查点 ${c.id}（${when(c)}，记录到第 ${c.lastEntryId} 条）的签名无效：它不是用本系统的签名密钥签的，是伪造或被改动过的${otherKey}。`);
      continue;
    }
    valid.push(c);
    if (c.lastEntryId === 0n) continue; // a checkpoint of the empty log claims nothing
    const stored = input.chain.hashOf(c.lastEntryId);
    if (stored === undefined && c.lastEntryId > input.chain.lastId) {
      problems.push(
        `审计日志的末尾被删除：检查点 ${c.id}（${when(c)}）签名时日志到第 ${c.lastEntryId} 条，现在${input.chain.lastId > 0n ? `只到第 ${input.chain.lastId} 条` : "日志是空的"}。`,
      );
    } else if (stored === undefined) {
      problems.push(`审计日志第 ${c.lastEntryId} 条被删除：检查点 ${c.id}（${when(c)}）签名时它是最后一条。`);
    } else if (stored !== c.lastHash) {
      problems.push(`审计日志被改写：第 ${c.lastEntryId} 条的哈希与检查点 ${c.id}（${when(c)}）签名时的不同，该条或它之前的记录在签名之后被改动过（即使整条链的哈希重新算过）。`);
    }
  }
  return { checked: valid.length, newest: valid.at(-1) ?? null, problems };
}
