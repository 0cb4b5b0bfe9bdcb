// The database the scripts use: DATABASE_URL when set, otherwise the embedded
// PostgreSQL whose data lives in NIANBAO_DATA_DIR (default .data/).
import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/db/embedded";

export const DATA_DIR = path.resolve(process.env.NIANBAO_DATA_DIR ?? path.join(process.cwd(), ".data"));

export function embeddedPort() {
  return Number(process.env.EMBEDDED_PG_PORT ?? 54329);
}

/** NIANBAO_EPHEMERAL_DB=1 (browser tests): start from an empty database and delete it on stop. */
function isEphemeral() {
  return process.env.NIANBAO_EPHEMERAL_DB === "1";
}

export async function openDatabase(log: (line: string) => void): Promise<EmbeddedDatabase & { embedded: boolean }> {
  const external = process.env.DATABASE_URL;
  if (external) return { url: external, isNew: false, stop: async () => undefined, embedded: false };
  const dataDir = path.join(DATA_DIR, "postgres");
  if (isEphemeral() && existsSync(dataDir) && !existsSync(path.join(dataDir, "postmaster.pid"))) {
    await rm(dataDir, { recursive: true, force: true });
  }
  log(`未设置 DATABASE_URL，启动内置 PostgreSQL（数据目录 ${dataDir}，端口 ${embeddedPort()}）……`);
  const database = await startEmbeddedDatabase({ dataDir, port: embeddedPort(), persistent: !isEphemeral(), log });
  return { ...database, embedded: true };
}
