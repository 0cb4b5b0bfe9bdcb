// Gives the database tests a PostgreSQL with the app's two roles, as `npm start` has them:
// DATABASE_URL logs in as the app role (owns nothing: a missing grant fails a test),
// MIGRATION_DATABASE_URL as the owner, NIANBAO_TEST_SUPERUSER_URL as a superuser (scratch
// databases, attacks on the audit log). The server is the one in DATABASE_URL when that is a
// local superuser connection, otherwise a throwaway embedded one in a temporary folder.
import { randomBytes } from "node:crypto";
import { chmod, mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { findFreePort, startEmbeddedDatabase } from "../lib/db/embedded";
import { applyMigrations } from "../lib/db/migrate";
import { EMBEDDED_APP_ROLE, EMBEDDED_OWNER_ROLE, ensureDatabaseRoles, urlAs } from "../lib/db/roles";

export default async function setup() {
  const dir = await mkdtemp(path.join(os.tmpdir(), "nianbao-unit-"));
  await chmod(dir, 0o755); // PostgreSQL runs as its own OS user and must enter it
  // The audit checkpoints' key and file (publishing writes one), never the developer's .data/.
  process.env.NIANBAO_DATA_DIR = path.join(dir, "data");
  delete process.env.AUDIT_SIGNING_KEY;

  const given = process.env.DATABASE_URL;
  let superuserUrl: string;
  let stop: () => Promise<void> = async () => undefined;
  if (given) {
    const host = new URL(given).hostname;
    if (!["localhost", "127.0.0.1", "::1"].includes(host)) {
      throw new Error(`测试会写入数据库，拒绝使用非本机数据库：${host}`);
    }
    superuserUrl = given;
  } else {
    const database = await startEmbeddedDatabase({ dataDir: path.join(dir, "postgres"), port: await findFreePort(), persistent: false });
    superuserUrl = database.url;
    stop = database.stop;
  }
  // Role names are per server: a given server gets its own test roles, not its owner's.
  const roles = {
    owner: { name: given ? "nianbao_test_owner" : EMBEDDED_OWNER_ROLE, password: randomBytes(18).toString("base64url") },
    app: { name: given ? "nianbao_test_app" : EMBEDDED_APP_ROLE, password: randomBytes(18).toString("base64url") },
  };
  await ensureDatabaseRoles(superuserUrl, roles);
  process.env.NIANBAO_TEST_SUPERUSER_URL = superuserUrl;
  process.env.MIGRATION_DATABASE_URL = urlAs(superuserUrl, roles.owner);
  process.env.DATABASE_URL = urlAs(superuserUrl, roles.app);
  await applyMigrations(process.env.MIGRATION_DATABASE_URL, undefined, { appRole: roles.app.name });
  return stop;
}
