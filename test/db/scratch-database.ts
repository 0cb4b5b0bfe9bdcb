// A new, empty database on the test server for one test file, dropped afterwards. Owned by the
// owner role like the main test database: `url` migrates (as the owner), `appUrl` works as the
// app, `superuserUrl` can do anything (attacks behind everyone's back).
import { randomBytes } from "node:crypto";
import pg from "pg";
import { applyMigrations } from "@/lib/db/migrate";

function serverUrls() {
  const superuserUrl = process.env.NIANBAO_TEST_SUPERUSER_URL;
  const ownerUrl = process.env.MIGRATION_DATABASE_URL;
  const appUrl = process.env.DATABASE_URL;
  if (!superuserUrl || !ownerUrl || !appUrl) throw new Error("the test database URLs are set by test/global-setup.ts");
  return { superuserUrl, ownerUrl, appUrl };
}

const inDatabase = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

export async function createScratchDatabase(prefix: string, options: { owner?: "owner" | "superuser" } = {}) {
  const server = serverUrls();
  const name = `${prefix}_${randomBytes(4).toString("hex")}`;
  const ownerRole = decodeURIComponent(new URL(server.ownerUrl).username);
  const appRole = decodeURIComponent(new URL(server.appUrl).username);
  const admin = new pg.Client({ connectionString: server.superuserUrl });
  await admin.connect();
  // "superuser": a database as every data folder had it before the two roles (upgrade tests).
  await admin.query(`CREATE DATABASE "${name}"${options.owner === "superuser" ? "" : ` OWNER "${ownerRole}"`}`);
  await admin.end();
  return {
    name,
    url: inDatabase(server.ownerUrl, name),
    appUrl: inDatabase(server.appUrl, name),
    superuserUrl: inDatabase(server.superuserUrl, name),
    appRole,
    /** Migrations as the owner, then the app role's grants, as `npm start` does. */
    migrate: (dir?: string) => applyMigrations(inDatabase(server.ownerUrl, name), dir, { appRole }),
    async drop() {
      const client = new pg.Client({ connectionString: server.superuserUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}
