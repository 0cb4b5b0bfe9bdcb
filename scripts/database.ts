// The database the scripts use: DATABASE_URL when set, otherwise the embedded
// PostgreSQL whose data lives in .data/postgres.
import path from "node:path";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/db/embedded";

export const DATA_DIR = path.join(process.cwd(), ".data");

export function embeddedPort() {
  return Number(process.env.EMBEDDED_PG_PORT ?? 54329);
}

export async function openDatabase(log: (line: string) => void): Promise<EmbeddedDatabase & { embedded: boolean }> {
  const external = process.env.DATABASE_URL;
  if (external) return { url: external, isNew: false, stop: async () => undefined, embedded: false };
  log(`未设置 DATABASE_URL，启动内置 PostgreSQL（数据保存在 .data/postgres，端口 ${embeddedPort()}）……`);
  const database = await startEmbeddedDatabase({
    dataDir: path.join(DATA_DIR, "postgres"),
    port: embeddedPort(),
    persistent: true,
    log,
  });
  return { ...database, embedded: true };
}
