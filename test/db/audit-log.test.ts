import { execFile } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendAuditEntry } from "@/lib/audit/append-audit-entry";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { createPrismaClient, type AppPrismaClient } from "@/lib/db/create-client";
import { createScratchDatabase } from "./scratch-database";

const run = promisify(execFile);

describe("audit log", () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  let prisma: AppPrismaClient;
  let app: pg.Client;
  let owner: pg.Client;
  let verifyEnv: NodeJS.ProcessEnv;

  beforeAll(async () => {
    scratch = await createScratchDatabase("audit_check");
    await scratch.migrate();
    prisma = createPrismaClient(scratch.appUrl, 5);
    app = new pg.Client({ connectionString: scratch.appUrl });
    await app.connect();
    owner = new pg.Client({ connectionString: scratch.url });
    await owner.connect();
    // A data folder of its own: no checkpoints here (audit-anchor.test.ts tests those).
    verifyEnv = { ...process.env, DATABASE_URL: scratch.appUrl, NIANBAO_DATA_DIR: await mkdtemp(path.join(os.tmpdir(), "nianbao-audit-")) };
  });
  afterAll(async () => {
    await prisma?.$disconnect();
    await app?.end();
    await owner?.end();
    await scratch?.drop();
  });

  const append = (i: number) =>
    prisma.$transaction(
      (tx) =>
        appendAuditEntry(tx, {
          action: "auth.login",
          actor: { id: `user-${i}`, displayName: `用户${i}` },
          targetType: "user",
          targetId: `user-${i}`,
          clientAddress: "127.0.0.1",
          details: { attempt: i },
        }),
      // 30 transactions queue for 5 connections and one lock: this checks the chain, not the wait.
      { maxWait: 60_000, timeout: 60_000 },
    );

  it("keeps one unbroken chain when many transactions append at once", async () => {
    await Promise.all(Array.from({ length: 30 }, (_, i) => append(i)));
    const report = await verifyAuditChain(prisma);
    expect(report).toEqual({ checked: 30, firstBroken: null });
    const hashes = await prisma.auditEntry.findMany({ select: { prevHash: true } });
    expect(new Set(hashes.map((h) => h.prevHash)).size).toBe(30); // no two entries chained onto the same one
  });

  it("drops the entry together with the change it records when the transaction fails", async () => {
    const before = await prisma.auditEntry.count();
    await expect(
      prisma.$transaction(async (tx) => {
        await appendAuditEntry(tx, { action: "organ.created", actor: null, clientAddress: null });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await prisma.auditEntry.count()).toBe(before);
  });

  it("refuses UPDATE, DELETE and TRUNCATE from the application's connection, and through the trigger from the owner's", async () => {
    await expect(app.query(`UPDATE "AuditEntry" SET "actorName" = 'x'`)).rejects.toThrow(/permission denied/);
    await expect(app.query(`DELETE FROM "AuditEntry"`)).rejects.toThrow(/permission denied/);
    await expect(app.query(`TRUNCATE "AuditEntry"`)).rejects.toThrow(/permission denied/);
    await expect(owner.query(`UPDATE "AuditEntry" SET "actorName" = 'x'`)).rejects.toThrow(/append-only/);
    await expect(owner.query(`DELETE FROM "AuditEntry"`)).rejects.toThrow(/append-only/);
    await expect(owner.query(`TRUNCATE "AuditEntry"`)).rejects.toThrow(/append-only/);
    expect(await prisma.auditEntry.count()).toBe(30);
  });

  it("names the first entry edited behind the application's back, through npm run audit:verify", async () => {
    const { stdout } = await run("npm", ["run", "--silent", "audit:verify"], { env: verifyEnv });
    expect(stdout).toContain("审计日志完整：已校验 30 条记录");

    const target = (await owner.query(`SELECT id FROM "AuditEntry" ORDER BY id LIMIT 1 OFFSET 11`)).rows[0].id as string;
    // Only someone who can disable triggers (the owner or a superuser, not the app) can do this.
    await owner.query(`ALTER TABLE "AuditEntry" DISABLE TRIGGER "AuditEntry_append_only"`);
    await owner.query(`UPDATE "AuditEntry" SET "actorName" = '别人' WHERE id = $1`, [target]);
    await owner.query(`ALTER TABLE "AuditEntry" ENABLE TRIGGER "AuditEntry_append_only"`);

    expect((await verifyAuditChain(prisma)).firstBroken?.id).toBe(BigInt(target));
    const failed = await run("npm", ["run", "--silent", "audit:verify"], { env: verifyEnv }).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toContain(`第 ${target} 条`);
  });
});
