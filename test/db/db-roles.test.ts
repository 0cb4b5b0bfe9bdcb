// The app connects as a role that owns nothing: whoever gets its connection cannot rewrite the
// audit log or the publications, nor switch off what protects them. Every other database test
// runs as this role too (test/global-setup.ts), so a grant the app needs and lacks fails them.
import { cp, mkdir, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendAuditEntry } from "@/lib/audit/append-audit-entry";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { db } from "@/lib/db/client";
import { createPrismaClient } from "@/lib/db/create-client";
import { APP_TABLE_GRANTS } from "@/lib/db/app-role-grants";
import { applyMigrations } from "@/lib/db/migrate";
import { ensureDatabaseRoles, migrateDatabase } from "@/lib/db/roles";
import { createScratchDatabase } from "./scratch-database";

const login = (url: string) => ({ name: decodeURIComponent(new URL(url).username), password: decodeURIComponent(new URL(url).password) });
const appLogin = () => login(process.env.DATABASE_URL!);
const ownerLogin = () => login(process.env.MIGRATION_DATABASE_URL!);

/** The error PostgreSQL refused a statement with: 42501 is "insufficient privilege". */
async function refusedCode(promise: Promise<unknown>): Promise<string | undefined> {
  const error = await promise.then(
    () => null,
    (e: { code?: string }) => e,
  );
  expect(error, "the statement should have been refused").not.toBeNull();
  return error?.code;
}

async function connect(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

describe("the app's database role", () => {
  let app: pg.Client;
  let owner: pg.Client;
  beforeAll(async () => {
    app = await connect(process.env.DATABASE_URL!);
    owner = await connect(process.env.MIGRATION_DATABASE_URL!);
    // Rows to refuse to touch, whatever ran before this file.
    await db().$transaction((tx) => appendAuditEntry(tx, { action: "auth.login", actor: null, clientAddress: "127.0.0.1" }));
  });
  afterAll(async () => {
    await app?.end();
    await owner?.end();
    await db().$disconnect();
  });

  it("is what the app and the other database tests connect as: not a superuser, owning nothing, no member of the owner", async () => {
    const [{ role }] = await db().$queryRaw<[{ role: string }]>`SELECT current_user AS role`;
    expect(role).toBe(appLogin().name);
    expect(role).not.toBe(ownerLogin().name);
    const {
      rows: [facts],
    } = await app.query(
      `SELECT r.rolsuper, r.rolcreaterole, r.rolcreatedb, r.rolbypassrls,
              pg_has_role(current_user, $1, 'MEMBER') AS member_of_owner,
              (SELECT count(*)::int FROM pg_class WHERE relowner = r.oid) + (SELECT count(*)::int FROM pg_proc WHERE proowner = r.oid)
                + (SELECT count(*)::int FROM pg_type WHERE typowner = r.oid) + (SELECT count(*)::int FROM pg_namespace WHERE nspowner = r.oid)
                + (SELECT count(*)::int FROM pg_database WHERE datdba = r.oid) AS owned
       FROM pg_roles r WHERE r.rolname = current_user`,
      [ownerLogin().name],
    );
    expect(facts).toEqual({ rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolbypassrls: false, member_of_owner: false, owned: 0 });
  });

  for (const table of ["AuditEntry", "AuditCheckpoint", "Publication", "PublishedPage"]) {
    it(`cannot UPDATE, DELETE or TRUNCATE ${table}, only INSERT and SELECT`, async () => {
      const before = (await owner.query(`SELECT count(*)::int AS n FROM "${table}"`)).rows[0].n as number;
      expect(await refusedCode(app.query(`UPDATE "${table}" SET id = id`))).toBe("42501");
      expect(await refusedCode(app.query(`DELETE FROM "${table}"`))).toBe("42501");
      expect(await refusedCode(app.query(`TRUNCATE "${table}" CASCADE`))).toBe("42501");
      expect((await owner.query(`SELECT count(*)::int AS n FROM "${table}"`)).rows[0].n).toBe(before);
      const rights = await app.query(
        `SELECT p FROM unnest(ARRAY['SELECT','INSERT','UPDATE','DELETE','TRUNCATE','REFERENCES','TRIGGER']) p WHERE has_table_privilege(current_user, $1, p)`,
        [`"${table}"`],
      );
      expect(rights.rows.map((r) => r.p)).toEqual(["SELECT", "INSERT"]);
    });
  }

  it("cannot disable a trigger, set session_replication_role, become the owner, or drop, alter or create a table", async () => {
    expect(await refusedCode(app.query(`ALTER TABLE "AuditEntry" DISABLE TRIGGER "AuditEntry_append_only"`))).toBe("42501");
    expect(await refusedCode(app.query(`ALTER TABLE "AuditEntry" DISABLE TRIGGER ALL`))).toBe("42501");
    expect(await refusedCode(app.query(`ALTER TABLE "Publication" DISABLE TRIGGER "Publication_immutable"`))).toBe("42501");
    // The report's S10: in a transaction, then the UPDATE that used to succeed.
    await app.query("BEGIN");
    expect(await refusedCode(app.query("SET LOCAL session_replication_role = replica"))).toBe("42501");
    await app.query("ROLLBACK");
    expect(await refusedCode(app.query("SET session_replication_role = replica"))).toBe("42501");
    expect((await app.query("SHOW session_replication_role")).rows[0].session_replication_role).toBe("origin");
    expect(await refusedCode(app.query(`SET ROLE "${ownerLogin().name}"`))).toBe("42501");
    expect(await refusedCode(app.query(`DROP TABLE "AuditEntry"`))).toBe("42501");
    expect(await refusedCode(app.query(`ALTER TABLE "AuditEntry" OWNER TO CURRENT_USER`))).toBe("42501");
    expect(await refusedCode(app.query(`DROP TRIGGER "AuditEntry_append_only" ON "AuditEntry"`))).toBe("42501");
    expect(await refusedCode(app.query(`CREATE OR REPLACE FUNCTION "audit_entry_is_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$`))).toBe("42501");
    expect(await refusedCode(app.query(`CREATE TABLE "Sneaky" (id int)`))).toBe("42501");
    // A GRANT by someone without the right only warns in PostgreSQL; what counts is that nothing changed.
    await app.query(`GRANT UPDATE ON "AuditEntry" TO CURRENT_USER`);
    expect((await app.query(`SELECT has_table_privilege(current_user, '"AuditEntry"', 'UPDATE') AS can`)).rows[0].can).toBe(false);
  });

  it("holds exactly the rights of lib/db/app-role-grants.ts on every table, and only USAGE on sequences", async () => {
    const { rows: tables } = await app.query<{ name: string; rights: string[] }>(
      `SELECT c.relname AS name,
              ARRAY(SELECT p FROM unnest(ARRAY['SELECT','INSERT','UPDATE','DELETE','TRUNCATE','REFERENCES','TRIGGER']) p
                    WHERE has_table_privilege(current_user, c.oid, p)) AS rights
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY 1`,
    );
    // Every table is decided in the grants table: a new table without a line fails here.
    expect(tables.map((t) => t.name).filter((name) => !(name in APP_TABLE_GRANTS))).toEqual([]);
    for (const { name, rights } of tables) expect({ name, rights }).toEqual({ name, rights: [...APP_TABLE_GRANTS[name]!] });
    const { rows: sequences } = await app.query(
      `SELECT c.relname AS name, has_sequence_privilege(current_user, c.oid, 'USAGE') AS usage, has_sequence_privilege(current_user, c.oid, 'UPDATE') AS update
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'S' ORDER BY 1`,
    );
    expect(sequences).toEqual([
      { name: "AuditEntry_id_seq", usage: true, update: false },
      { name: "MailOutbox_id_seq", usage: true, update: false },
    ]);
  });

  it("leaves the owner unable to set session_replication_role too (only a superuser can)", async () => {
    expect(await refusedCode(owner.query("SET session_replication_role = replica"))).toBe("42501");
  });
});

describe("migrating with the two roles", () => {
  const scratches: Array<Awaited<ReturnType<typeof createScratchDatabase>>> = [];
  afterAll(async () => Promise.all(scratches.map((s) => s.drop())));
  const scratch = async (prefix: string, options?: Parameters<typeof createScratchDatabase>[1]) => {
    const s = await createScratchDatabase(prefix, options);
    scratches.push(s);
    return s;
  };

  it("upgrades a database whose tables a superuser created (every data folder before the roles): the owner takes them over, the app is confined", async () => {
    const old = await scratch("roles_upgrade", { owner: "superuser" });
    await applyMigrations(old.superuserUrl); // as `npm start` did before
    const before = createPrismaClient(old.superuserUrl, 1);
    await before.$transaction((tx) => appendAuditEntry(tx, { action: "auth.login", actor: null, clientAddress: null }));
    await before.$disconnect();

    await ensureDatabaseRoles(old.superuserUrl, { owner: ownerLogin(), app: appLogin() });
    await old.migrate();

    const superuser = await connect(old.superuserUrl);
    const { rows: notOwned } = await superuser.query(
      `SELECT kind, name FROM (
         SELECT 'relation' AS kind, c.relname::text AS name, c.relowner AS owner FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace
         UNION ALL SELECT 'function', p.proname::text, p.proowner FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace
         UNION ALL SELECT 'type', t.typname::text, t.typowner FROM pg_type t WHERE t.typnamespace = 'public'::regnamespace
         UNION ALL SELECT 'database', datname::text, datdba FROM pg_database WHERE datname = current_database()
       ) o WHERE owner <> $1::regrole`,
      [ownerLogin().name],
    );
    await superuser.end();
    expect(notOwned).toEqual([]);

    const app = await connect(old.appUrl);
    expect(await refusedCode(app.query(`UPDATE "AuditEntry" SET "actorName" = 'x'`))).toBe("42501");
    expect(await refusedCode(app.query(`ALTER TABLE "AuditEntry" DISABLE TRIGGER ALL`))).toBe("42501");
    await app.end();
    const prisma = createPrismaClient(old.appUrl, 1);
    await prisma.$transaction((tx) => appendAuditEntry(tx, { action: "auth.logout", actor: null, clientAddress: null }));
    expect(await verifyAuditChain(prisma)).toEqual({ checked: 2, firstBroken: null });
    await prisma.$disconnect();
  });

  it("grants a table added by a later migration at the next run, with a warning until its rights are decided", async () => {
    const s = await scratch("roles_later");
    const dir = await mkdtemp(path.join(os.tmpdir(), "nianbao-migrations-"));
    await cp(path.join(process.cwd(), "prisma", "migrations"), dir, { recursive: true });
    await mkdir(path.join(dir, "99990101000000_later_table"));
    await writeFile(path.join(dir, "99990101000000_later_table", "migration.sql"), `CREATE TABLE "Later" (id TEXT PRIMARY KEY);`);
    const warnings: string[] = [];
    await applyMigrations(s.url, dir, { appRole: s.appRole, warn: (w) => warnings.push(w) });
    expect(warnings).toEqual([expect.stringContaining("数据表 Later 不在 lib/db/app-role-grants.ts 的授权表中")]);
    const app = await connect(s.appUrl);
    await app.query(`INSERT INTO "Later" VALUES ('a')`);
    await app.query(`UPDATE "Later" SET id = 'b'`);
    await app.query(`DELETE FROM "Later"`);
    expect(await refusedCode(app.query(`TRUNCATE "Later"`))).toBe("42501");
    await app.end();
  });

  it("warns that the app has the owner's rights when one URL serves both, and not when there are two", async () => {
    const s = await scratch("roles_single");
    const single: string[] = [];
    await migrateDatabase({ appUrl: s.url, migrationUrl: s.url }, (line) => single.push(line));
    expect(single).toEqual([expect.stringMatching(/^警告：应用与数据库迁移使用同一个数据库角色.*MIGRATION_DATABASE_URL/)]);
    const two: string[] = [];
    await migrateDatabase({ appUrl: s.appUrl, migrationUrl: s.url }, (line) => two.push(line));
    expect(two).toEqual([]);
    const app = await connect(s.appUrl);
    expect(await refusedCode(app.query(`DELETE FROM "Publication"`))).toBe("42501");
    await app.end();
  });
});
