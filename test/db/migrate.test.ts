import { createHash } from "node:crypto";
import { cp, mkdir, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, listMigrationFiles } from "@/lib/db/migrate";
import { createScratchDatabase } from "./scratch-database";

describe("applyMigrations", () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  beforeAll(async () => {
    scratch = await createScratchDatabase("migrate_check");
  });
  afterAll(async () => scratch?.drop());

  async function recorded() {
    const client = new pg.Client({ connectionString: scratch.url });
    await client.connect();
    const { rows } = await client.query(`SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`);
    await client.end();
    return rows;
  }

  it("applies every migration once and records it as Prisma does", async () => {
    const files = await listMigrationFiles();
    expect(await applyMigrations(scratch.url)).toEqual(files.map((f) => f.name));
    const rows = await recorded();
    expect(rows.map((r) => r.migration_name)).toEqual(files.map((f) => f.name));
    for (const [i, row] of rows.entries()) {
      expect(row.checksum).toBe(createHash("sha256").update(files[i]!.sql).digest("hex"));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it("does nothing the second time, even when two runs race", async () => {
    const results = await Promise.all([applyMigrations(scratch.url), applyMigrations(scratch.url)]);
    expect(results).toEqual([[], []]);
    expect((await recorded()).length).toBe((await listMigrationFiles()).length);
  });

  it("refuses to start when an applied migration was edited afterwards", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "nianbao-migrations-"));
    await cp(path.join(process.cwd(), "prisma", "migrations"), dir, { recursive: true });
    const [first] = await listMigrationFiles(dir);
    await writeFile(path.join(dir, first!.name, "migration.sql"), `${first!.sql}\n-- edited\n`);
    await expect(applyMigrations(scratch.url, dir)).rejects.toThrow(/被修改过/);
  });

  it("rolls back a failing migration completely and says which one", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "nianbao-migrations-"));
    await cp(path.join(process.cwd(), "prisma", "migrations"), dir, { recursive: true });
    await mkdir(path.join(dir, "99990101000000_broken"));
    await writeFile(path.join(dir, "99990101000000_broken", "migration.sql"), `CREATE TABLE "Half" (id int);\nSELECT no_such_function();`);
    await expect(applyMigrations(scratch.url, dir)).rejects.toThrow(/99990101000000_broken/);
    const client = new pg.Client({ connectionString: scratch.url });
    await client.connect();
    const half = await client.query(`SELECT to_regclass('"Half"') AS t`);
    await client.end();
    expect(half.rows[0].t).toBeNull();
    expect((await recorded()).map((r) => r.migration_name)).not.toContain("99990101000000_broken");
  });
});
