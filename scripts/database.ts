// The database the scripts use: DATABASE_URL when set, otherwise the embedded
// PostgreSQL whose data lives in NIANBAO_DATA_DIR (default .data/).
import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { AUDIT_CHECKPOINT_FILE } from "@/lib/audit/anchor";
import { dataDir, dataFolderSecret } from "@/lib/data-folder";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/db/embedded";
import { EMBEDDED_APP_ROLE, EMBEDDED_OWNER_ROLE, ensureDatabaseRoles, urlAs } from "@/lib/db/roles";

export const DATA_DIR = dataDir();

export function embeddedPort() {
  return Number(process.env.EMBEDDED_PG_PORT ?? 54329);
}

/** NIANBAO_EPHEMERAL_DB=1 (browser tests): start from an empty database and delete it on stop. */
function isEphemeral() {
  return process.env.NIANBAO_EPHEMERAL_DB === "1";
}

/**
 * `url` is the app's (its role owns nothing), `migrationUrl` the owner's, which migrations use.
 * An external database given only DATABASE_URL uses it for both (migrateDatabase warns).
 */
export type OpenedDatabase = EmbeddedDatabase & { embedded: boolean; migrationUrl: string };

export async function openDatabase(log: (line: string) => void): Promise<OpenedDatabase> {
  const external = process.env.DATABASE_URL;
  if (external) {
    const migrationUrl = process.env.MIGRATION_DATABASE_URL || external;
    return { url: external, migrationUrl, isNew: false, stop: async () => undefined, embedded: false };
  }
  const dataDir = path.join(DATA_DIR, "postgres");
  if (isEphemeral() && !existsSync(path.join(dataDir, "postmaster.pid"))) {
    await rm(dataDir, { recursive: true, force: true });
    // The checkpoints belong to the database that is thrown away.
    await rm(path.join(DATA_DIR, AUDIT_CHECKPOINT_FILE), { force: true });
  }
  log(`未设置 DATABASE_URL，启动内置 PostgreSQL（数据目录 ${dataDir}，端口 ${embeddedPort()}）……`);
  const database = await startEmbeddedDatabase({ dataDir, port: embeddedPort(), persistent: !isEphemeral(), log });
  // Created on every start, so that a data folder from before the two roles is upgraded too.
  const owner = { name: EMBEDDED_OWNER_ROLE, password: await dataFolderSecret("db-owner-password", { create: true }) };
  const app = { name: EMBEDDED_APP_ROLE, password: await dataFolderSecret("db-app-password", { create: true }) };
  try {
    await ensureDatabaseRoles(database.url, { owner, app });
  } catch (error) {
    await database.stop();
    throw error;
  }
  return { ...database, url: urlAs(database.url, app), migrationUrl: urlAs(database.url, owner), embedded: true };
}
