// Writes the audit chain's signed checkpoints (lib/audit/checkpoint.ts) to the database and to
// the data folder's append-only file, and reads them back for audit:verify. The key is
// AUDIT_SIGNING_KEY, else generated once into the data folder: never in the database, so a
// database superuser cannot sign. Used by the server process and the scripts alike, so it
// takes its Prisma client as an argument and imports nothing "server-only".
import { randomUUID } from "node:crypto";
import { appendFile, mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { dataDir, dataFolderSecret } from "@/lib/data-folder";
import type { AppPrismaClient } from "@/lib/db/create-client";
import { checkCheckpoints, checkpointLine, keyIdOf, parseCheckpointLine, signCheckpoint, type CheckpointCheck, type CheckpointReason, type SignedCheckpoint } from "./checkpoint";
import { GENESIS_HASH } from "./hash";

export const AUDIT_CHECKPOINT_FILE = "audit-checkpoints.jsonl";
const KEY_FILE = "audit-signing-key";
const WRITER_FILE = "instance-id";
/** Serialises checkpoint writers (several app instances) so that "one a day" is one, not one each. */
const CHECKPOINT_LOCK = 72_707_371;
export const DAY_MS = 24 * 60 * 60 * 1000;

export type AnchorSettings = { key: Buffer; keyId: string; writer: string; file: string };

function keyFromEnvironment(): Buffer | null {
  const given = process.env.AUDIT_SIGNING_KEY;
  if (!given) return null;
  if (given.length < 32) throw new Error("AUDIT_SIGNING_KEY 太短：至少 32 个字符（例如 openssl rand -base64 32 的输出）。");
  return Buffer.from(given, "utf8");
}

/** The key, this data folder's writer id and its checkpoint file; the key and id are generated on first use. */
export async function anchorSettings(): Promise<AnchorSettings> {
  const key = keyFromEnvironment() ?? Buffer.from(await dataFolderSecret(KEY_FILE, { create: true }), "utf8");
  return { key, keyId: keyIdOf(key), writer: await dataFolderSecret(WRITER_FILE, { create: true }), file: path.join(dataDir(), AUDIT_CHECKPOINT_FILE) };
}

/**
 * Signs the chain's current head and keeps it in the table, then (after the commit, so that a
 * line in the file always has its row) appends it to the file. With `ifOlderThanMs`, only
 * when the newest checkpoint of any writer is older than that: decided under a database lock,
 * so several instances checking at once write one. Returns the checkpoint, or null when none was due.
 */
export async function writeAuditCheckpoint(
  prisma: AppPrismaClient,
  reason: CheckpointReason,
  options: { ifOlderThanMs?: number; settings?: AnchorSettings } = {},
): Promise<SignedCheckpoint | null> {
  const settings = options.settings ?? (await anchorSettings());
  const checkpoint = await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CHECKPOINT_LOCK})`;
    const now = new Date();
    if (options.ifOlderThanMs !== undefined) {
      const newest = await tx.auditCheckpoint.findFirst({ orderBy: { createdAt: "desc" }, select: { createdAt: true } });
      if (newest && now.getTime() - newest.createdAt.getTime() < options.ifOlderThanMs) return null;
    }
    // Appends commit in id order (they hold a lock until commit), so the newest committed entry heads a complete prefix.
    const head = await tx.auditEntry.findFirst({ orderBy: { id: "desc" }, select: { id: true, hash: true } });
    const signed = signCheckpoint(settings.key, {
      id: randomUUID(),
      createdAt: now,
      lastEntryId: head?.id ?? 0n,
      lastHash: head?.hash ?? GENESIS_HASH,
      reason,
      writer: settings.writer,
      keyId: settings.keyId,
    });
    await tx.auditCheckpoint.create({ data: signed });
    return signed;
  });
  if (checkpoint) {
    await mkdir(path.dirname(settings.file), { recursive: true });
    await appendFile(settings.file, `${checkpointLine(checkpoint)}\n`, { mode: 0o600, flag: "a" });
  }
  return checkpoint;
}

/** The daily checkpoint, for a long-running process: at start and every hour, written when the newest is a day old. */
export function scheduleDailyCheckpoints(prisma: AppPrismaClient, log: (line: string) => void): () => void {
  const check = () =>
    writeAuditCheckpoint(prisma, "daily", { ifOlderThanMs: DAY_MS }).then(
      (c) => c && log(`已写入审计日志检查点（记录到第 ${c.lastEntryId} 条）。`),
      (error: unknown) => log(`写入审计日志检查点失败：${error instanceof Error ? error.message : String(error)}`),
    );
  void check();
  const timer = setInterval(check, 60 * 60 * 1000);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * audit:verify's half about checkpoints: reads the table, this data folder's file and the
 * stored hashes they name, and checks them (nothing is generated: a missing key is reported).
 */
export async function verifyCheckpoints(prisma: AppPrismaClient): Promise<CheckpointCheck & { inTable: number; inFile: number | null }> {
  const stored = await dataFolderSecret(KEY_FILE, { create: false });
  const key = keyFromEnvironment() ?? (stored ? Buffer.from(stored, "utf8") : null);
  const writer = await dataFolderSecret(WRITER_FILE, { create: false });
  const filePath = path.join(dataDir(), AUDIT_CHECKPOINT_FILE);
  const text = await readFile(filePath, "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return null;
    throw error;
  });
  const file =
    text === null
      ? null
      : {
          path: filePath,
          lines: text
            .split("\n")
            .filter((l) => l.trim())
            .map(parseCheckpointLine),
        };
  const table: SignedCheckpoint[] = await prisma.auditCheckpoint.findMany({ orderBy: { createdAt: "asc" } });
  const ids = [...new Set([...table, ...(file?.lines ?? [])].flatMap((c) => (c ? [c.lastEntryId] : [])))];
  const entries = await prisma.auditEntry.findMany({ where: { id: { in: ids } }, select: { id: true, hash: true } });
  const hashes = new Map(entries.map((e) => [e.id, e.hash]));
  const last = await prisma.auditEntry.aggregate({ _max: { id: true } });
  const result = checkCheckpoints({ key, table, file, writer, chain: { lastId: last._max.id ?? 0n, hashOf: (id) => hashes.get(id) } });
  return { ...result, inTable: table.length, inFile: file ? file.lines.length : null };
}
