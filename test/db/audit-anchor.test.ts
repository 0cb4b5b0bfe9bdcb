// The audit chain anchored outside the database: exactly the attacks an unkeyed hash chain
// cannot see on its own — a rewrite from a middle entry with every later hash recomputed, a cut
// tail, a forged checkpoint — each done with more power than the app has, each caught by
// `npm run audit:verify`; and an untouched log passes.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { anchorSettings, DAY_MS, writeAuditCheckpoint } from "@/lib/audit/anchor";
import { appendAuditEntry } from "@/lib/audit/append-audit-entry";
import { checkpointLine, signCheckpoint } from "@/lib/audit/checkpoint";
import { computeAuditHash } from "@/lib/audit/hash";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { createPrismaClient, type AppPrismaClient } from "@/lib/db/create-client";
import { createScratchDatabase } from "./scratch-database";

const run = promisify(execFile);
const originalDataDir = process.env.NIANBAO_DATA_DIR;

const open: Array<{ prisma: AppPrismaClient; scratch: { drop: () => Promise<void> } }> = [];

/**
 * A database and a data folder with 25 audit entries: a daily checkpoint after the 10th, a
 * publication's after the 20th (the newest), and five entries after it.
 */
async function scenario() {
  const scratch = await createScratchDatabase("audit_anchor");
  await scratch.migrate();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "nianbao-anchor-"));
  process.env.NIANBAO_DATA_DIR = dataDir; // anchorSettings reads it, as the app does
  const prisma = createPrismaClient(scratch.appUrl, 2);
  const append = async (count: number) => {
    for (let i = 0; i < count; i++) {
      await prisma.$transaction((tx) =>
        appendAuditEntry(tx, {
          action: "section.saved",
          actor: { id: "u1", displayName: "撰稿人" },
          targetType: "report",
          targetId: "r1",
          clientAddress: "127.0.0.1",
          details: { i },
        }),
      );
    }
  };
  await append(10);
  await writeAuditCheckpoint(prisma, "daily");
  await append(10);
  await writeAuditCheckpoint(prisma, "publication");
  await append(5);
  const s = {
    scratch,
    dataDir,
    prisma,
    async verify() {
      const env = { ...process.env, DATABASE_URL: scratch.appUrl, NIANBAO_DATA_DIR: dataDir };
      return run("npm", ["run", "--silent", "audit:verify"], { env }).then(
        ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
        (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
      );
    },
    /** A connection with more power than the app: the owner, or a superuser. */
    async as(who: "owner" | "superuser", work: (sql: pg.Client) => Promise<void>) {
      const sql = new pg.Client({ connectionString: who === "owner" ? scratch.url : scratch.superuserUrl });
      await sql.connect();
      try {
        await work(sql);
      } finally {
        await sql.end();
      }
    },
  };
  open.push(s);
  return s;
}

afterEach(() => {
  process.env.NIANBAO_DATA_DIR = originalDataDir;
});
afterAll(async () => {
  for (const s of open) {
    await s.prisma.$disconnect();
    await s.scratch.drop();
  }
});

/** Changes one entry and recomputes its hash and every later one, as a careful attacker would. */
async function rewriteFrom(sql: pg.Client, id: number, actorName: string) {
  const { rows } = await sql.query(`SELECT * FROM "AuditEntry" WHERE id >= $1 ORDER BY id`, [id]);
  let prevHash = rows[0].prevHash as string;
  for (const [i, row] of rows.entries()) {
    const fields = { ...row, actorName: i === 0 ? actorName : row.actorName };
    const hash = computeAuditHash(prevHash, fields);
    await sql.query(`UPDATE "AuditEntry" SET "actorName" = $2, "prevHash" = $3, hash = $4 WHERE id = $1`, [row.id, fields.actorName, prevHash, hash]);
    prevHash = hash;
  }
}

describe("the audit chain's signed checkpoints", () => {
  it("pass npm run audit:verify on an untouched log, and are kept in the table and the data folder's file alike", async () => {
    const s = await scenario();
    const result = await s.verify();
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("审计日志完整：已校验 25 条记录。");
    expect(result.stdout).toContain("检查点签名有效且与日志一致（数据库中 2 个，本数据目录的检查点文件中 2 个）；");
    expect(result.stdout).toContain("记录到第 20 条");
    const lines = (await readFile(path.join(s.dataDir, "audit-checkpoints.jsonl"), "utf8")).trim().split("\n");
    const rows = await s.prisma.auditCheckpoint.findMany({ orderBy: { createdAt: "asc" } });
    expect(lines).toEqual(rows.map(checkpointLine));
    expect(rows.map((r) => [r.reason, r.lastEntryId])).toEqual([
      ["daily", 10n],
      ["publication", 20n],
    ]);
    // Neither the key nor the file is readable by other OS users (the embedded database runs as one).
    expect((await stat(path.join(s.dataDir, "audit-checkpoints.jsonl"))).mode & 0o077).toBe(0);
    expect((await stat(path.join(s.dataDir, "audit-signing-key"))).mode & 0o077).toBe(0);
  });

  it("detect a rewrite from a middle entry with every later hash recomputed (by the owner, trigger disabled)", async () => {
    const s = await scenario();
    await s.as("owner", async (sql) => {
      await sql.query(`ALTER TABLE "AuditEntry" DISABLE TRIGGER "AuditEntry_append_only"`);
      await rewriteFrom(sql, 7, "别人");
      await sql.query(`ALTER TABLE "AuditEntry" ENABLE TRIGGER "AuditEntry_append_only"`);
    });
    // The chain alone is fooled: every link holds.
    expect(await verifyAuditChain(s.prisma)).toEqual({ checked: 25, firstBroken: null });
    const result = await s.verify();
    expect(result.code).toBe(1);
    expect(result.stdout).not.toContain("审计日志完整");
    expect(result.stderr).toContain("审计日志的哈希链各环相连（已校验 25 条记录），但与签名检查点不符：");
    expect(result.stderr).toContain("审计日志被改写：第 10 条的哈希与检查点");
    expect(result.stderr).toContain("审计日志被改写：第 20 条的哈希与检查点");
  });

  it("detect a cut tail (the newest entries deleted by a superuser with the trigger bypassed)", async () => {
    const s = await scenario();
    await s.as("superuser", async (sql) => {
      await sql.query("BEGIN");
      await sql.query("SET LOCAL session_replication_role = replica");
      await sql.query(`DELETE FROM "AuditEntry" WHERE id > 15`);
      await sql.query("COMMIT");
    });
    expect(await verifyAuditChain(s.prisma)).toEqual({ checked: 15, firstBroken: null });
    const result = await s.verify();
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/审计日志的末尾被删除：检查点 \S+（[^）]+）签名时日志到第 20 条，现在只到第 15 条。/);
  });

  it("detect the cut through the file when the superuser also deletes the checkpoints from the table", async () => {
    const s = await scenario();
    await s.as("superuser", async (sql) => {
      await sql.query("BEGIN");
      await sql.query("SET LOCAL session_replication_role = replica");
      await sql.query(`DELETE FROM "AuditEntry" WHERE id > 15`);
      await sql.query(`DELETE FROM "AuditCheckpoint" WHERE "lastEntryId" > 15`);
      await sql.query("COMMIT");
    });
    const result = await s.verify();
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("数据库中少了检查点");
    expect(result.stderr).toContain("签名时日志到第 20 条，现在只到第 15 条");
  });

  it("detect a forged checkpoint made without the key, in the table and the file, over a rewritten chain", async () => {
    const s = await scenario();
    const real = await anchorSettings();
    await s.as("superuser", async (sql) => {
      await sql.query("BEGIN");
      await sql.query("SET LOCAL session_replication_role = replica");
      await rewriteFrom(sql, 3, "别人");
      const {
        rows: [head],
      } = await sql.query(`SELECT id, hash FROM "AuditEntry" ORDER BY id DESC LIMIT 1`);
      // The attacker copies everything a checkpoint shows, but must sign with a key of their own.
      const forged = signCheckpoint(Buffer.from("a key that is not the system's key, 32+ chars"), {
        id: "forged-1",
        createdAt: new Date(),
        lastEntryId: BigInt(head.id),
        lastHash: head.hash,
        reason: "daily",
        writer: real.writer,
        keyId: real.keyId,
      });
      await sql.query(`DELETE FROM "AuditCheckpoint"`);
      await sql.query(`INSERT INTO "AuditCheckpoint" (id, "createdAt", "lastEntryId", "lastHash", reason, writer, "keyId", signature) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, [
        forged.id,
        forged.createdAt,
        forged.lastEntryId.toString(),
        forged.lastHash,
        forged.reason,
        forged.writer,
        forged.keyId,
        forged.signature,
      ]);
      await sql.query("COMMIT");
      // Even with the file in hand, only the forged line can go in it.
      await writeFile(path.join(s.dataDir, "audit-checkpoints.jsonl"), `${checkpointLine(forged)}\n`);
    });
    expect(await verifyAuditChain(s.prisma)).toEqual({ checked: 25, firstBroken: null });
    const result = await s.verify();
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/检查点 forged-1（[^）]+，记录到第 25 条）的签名无效：它不是用本系统的签名密钥签的，是伪造或被改动过的。/);
  });

  it("writes one daily checkpoint however many instances ask at once, and none while the newest is younger than a day", async () => {
    const s = await scenario();
    const others = [createPrismaClient(s.scratch.appUrl, 1), createPrismaClient(s.scratch.appUrl, 1)];
    // The newest checkpoint is seconds old: nothing is due.
    expect(await Promise.all([s.prisma, ...others].map((p) => writeAuditCheckpoint(p, "daily", { ifOlderThanMs: DAY_MS })))).toEqual([null, null, null]);
    // Due once the newest is older than the limit (a second here, for the test): three instances at once write exactly one.
    await new Promise((r) => setTimeout(r, 1_500));
    const written = await Promise.all([s.prisma, ...others].map((p) => writeAuditCheckpoint(p, "daily", { ifOlderThanMs: 1_000 })));
    await Promise.all(others.map((p) => p.$disconnect()));
    expect(written.filter(Boolean)).toHaveLength(1);
    expect(await s.prisma.auditCheckpoint.count()).toBe(3);
    expect((await s.verify()).code).toBe(0);
  });
});
