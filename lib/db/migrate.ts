// Applies prisma/migrations/*/migration.sql the way `prisma migrate deploy` does,
// because Prisma's migration engine is a native binary that cannot be downloaded
// on every machine. Each migration is recorded in _prisma_migrations with the same
// columns and sha256 checksum as Prisma's, so `prisma migrate deploy` agrees with us.
import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { grantAppRole } from "./app-role-grants";

const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");
// Any fixed 64-bit number; Prisma uses its own key for the same purpose.
const MIGRATION_LOCK_KEY = 72_707_369;

export type AppliedMigration = { name: string; checksum: string };

export async function listMigrationFiles(dir = MIGRATIONS_DIR) {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

export type MigrationOptions = {
  /** The role the app connects as: after migrating, its rights are set to lib/db/app-role-grants.ts. */
  appRole?: string;
  /** Where to say what the grants found wrong (an unlisted table, an app role with too much power). */
  warn?: (line: string) => void;
};

/** Applies pending migrations as the tables' owner (databaseUrl), then the app role's grants; returns the names applied now. */
export async function applyMigrations(databaseUrl: string, dir = MIGRATIONS_DIR, options: MigrationOptions = {}): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0
    )`);
    const { rows } = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const done = new Map(rows.map((r) => [r.migration_name, r]));
    const applied: string[] = [];
    for (const migration of await listMigrationFiles(dir)) {
      const previous = done.get(migration.name);
      if (previous) {
        if (!previous.finished_at) {
          throw new Error(`迁移 ${migration.name} 上次执行失败，需要人工处理后再启动。`);
        }
        if (previous.checksum !== migration.checksum) {
          throw new Error(`迁移 ${migration.name} 在执行后被修改过（校验和不一致）。已执行的迁移不得修改，请新增迁移。`);
        }
        continue;
      }
      const id = randomUUID();
      await client.query("BEGIN");
      try {
        await client.query(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, now())`, [id, migration.checksum, migration.name]);
        await client.query(migration.sql);
        await client.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [id]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`迁移 ${migration.name} 执行失败：${(error as Error).message}`);
      }
      applied.push(migration.name);
    }
    // Every run, not only when something was applied: a table added by a later migration, or a
    // change to the grants table, takes effect at the next start. Under the same lock, because
    // concurrent GRANTs on one table fail ("tuple concurrently updated").
    if (options.appRole) {
      for (const warning of await grantAppRole(client, options.appRole)) (options.warn ?? console.warn)(warning);
    }
    return applied;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}
