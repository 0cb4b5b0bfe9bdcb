// Gives the database tests a PostgreSQL: the one in DATABASE_URL when it is a
// local server, otherwise a throwaway embedded one in a temporary folder.
import { chmod, mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { findFreePort, startEmbeddedDatabase } from "../lib/db/embedded";
import { applyMigrations } from "../lib/db/migrate";

export default async function setup() {
  const given = process.env.DATABASE_URL;
  if (given) {
    const host = new URL(given).hostname;
    if (!["localhost", "127.0.0.1", "::1"].includes(host)) {
      throw new Error(`测试会写入数据库，拒绝使用非本机数据库：${host}`);
    }
    await applyMigrations(given);
    return;
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), "nianbao-unit-"));
  await chmod(dir, 0o755); // PostgreSQL runs as its own OS user and must enter it
  const database = await startEmbeddedDatabase({
    dataDir: path.join(dir, "postgres"),
    port: await findFreePort(),
    persistent: false,
  });
  process.env.DATABASE_URL = database.url;
  await applyMigrations(database.url);
  return async () => database.stop();
}
