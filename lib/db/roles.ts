// The two database roles: an owner, which owns the schema and runs migrations, and the app's
// role, which owns nothing and has only the rights in app-role-grants.ts. Without this the app's
// own connection could disable the audit log's trigger (or set session_replication_role) and
// rewrite history; with it, only the owner or a superuser can, and the signed checkpoints
// (lib/audit/checkpoint.ts) catch them.
import pg from "pg";
import { applyMigrations } from "./migrate";

export type RoleLogin = { name: string; password: string };

/** The embedded database's roles (their passwords are generated into the data folder). */
export const EMBEDDED_OWNER_ROLE = "nianbao_owner";
export const EMBEDDED_APP_ROLE = "nianbao_app";

/** The same server and database as `url`, logged in as `login`. */
export function urlAs(url: string, login: RoleLogin): string {
  const u = new URL(url);
  u.username = encodeURIComponent(login.name);
  u.password = encodeURIComponent(login.password);
  return u.toString();
}

/**
 * As a superuser, on the database of `superuserUrl`: creates (or resets the passwords of) the
 * owner and app roles, makes the owner own the database and everything in its public schema —
 * which also upgrades a database whose tables a superuser created, as every data folder did
 * before these roles — and lets the app role connect, nothing more. Idempotent; run at every
 * start of the embedded database.
 */
export async function ensureDatabaseRoles(superuserUrl: string, roles: { owner: RoleLogin; app: RoleLogin }) {
  const client = new pg.Client({ connectionString: superuserUrl });
  await client.connect();
  const id = (name: string) => client.escapeIdentifier(name);
  try {
    const database = (await client.query<{ database: string }>("SELECT current_database() AS database")).rows[0]!.database;
    for (const role of [roles.owner, roles.app]) {
      const exists = (await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role.name])).rowCount;
      // Neither may become a superuser, create roles or databases, or bypass row security.
      await client.query(
        `${exists ? "ALTER" : "CREATE"} ROLE ${id(role.name)} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${client.escapeLiteral(role.password)}`,
      );
    }
    await client.query("BEGIN");
    await client.query(`ALTER DATABASE ${id(database)} OWNER TO ${id(roles.owner.name)}`);
    await client.query(`REVOKE ALL ON DATABASE ${id(database)} FROM PUBLIC`);
    await client.query(`GRANT CONNECT ON DATABASE ${id(database)} TO ${id(roles.app.name)}`);
    // PostgreSQL 15+ gives the public schema to the database's owner; older clusters may not.
    await client.query(`ALTER SCHEMA public OWNER TO ${id(roles.owner.name)}`);
    await client.query("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
    await client.query(`GRANT USAGE ON SCHEMA public TO ${id(roles.app.name)}`);
    for (const statement of await ownershipChanges(client, roles.owner.name)) await client.query(statement);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/** ALTER … OWNER statements for what in the public schema the owner does not own yet. */
async function ownershipChanges(client: pg.Client, owner: string): Promise<string[]> {
  const { rows } = await client.query<{ statement: string }>(
    `WITH o AS (SELECT oid FROM pg_roles WHERE rolname = $1), ns AS (SELECT oid FROM pg_namespace WHERE nspname = 'public')
     -- Tables first: their serial sequences follow them.
     SELECT format('ALTER TABLE %s OWNER TO %I', c.oid::regclass, $1) AS statement, 1 AS step FROM pg_class c
       WHERE c.relnamespace = (SELECT oid FROM ns) AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND c.relowner <> (SELECT oid FROM o)
     UNION ALL
     SELECT format('ALTER SEQUENCE %s OWNER TO %I', c.oid::regclass, $1), 2 FROM pg_class c
       WHERE c.relnamespace = (SELECT oid FROM ns) AND c.relkind = 'S' AND c.relowner <> (SELECT oid FROM o)
         AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i'))
     UNION ALL
     SELECT format('ALTER FUNCTION %s OWNER TO %I', p.oid::regprocedure, $1), 3 FROM pg_proc p
       WHERE p.pronamespace = (SELECT oid FROM ns) AND p.proowner <> (SELECT oid FROM o)
     UNION ALL
     SELECT format('ALTER TYPE %s OWNER TO %I', t.oid::regtype, $1), 4 FROM pg_type t
       WHERE t.typnamespace = (SELECT oid FROM ns) AND t.typtype IN ('e', 'd') AND t.typowner <> (SELECT oid FROM o)
     ORDER BY step`,
    [owner],
  );
  return rows.map((r) => r.statement);
}

/** The role a URL logs in as (asked of the server: a URL may leave the name to PGUSER). */
export async function roleOf(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ role: string }>("SELECT current_user AS role")).rows[0]!.role;
  } finally {
    await client.end();
  }
}

/**
 * Migrates as the owner and grants the app role its rights. With one URL for both (an external
 * database configured as before these roles), migrates as that role and warns: the app then
 * has the owner's rights, and its own connection could disable the audit log's trigger.
 */
export async function migrateDatabase(urls: { appUrl: string; migrationUrl: string }, log: (line: string) => void): Promise<string[]> {
  const appRole = await roleOf(urls.appUrl);
  if (urls.migrationUrl === urls.appUrl || (await roleOf(urls.migrationUrl)) === appRole) {
    log(
      `警告：应用与数据库迁移使用同一个数据库角色（${appRole}），应用因此拥有数据表所有者的权限，` +
        "它自己的连接就能停用审计日志的保护。请为应用另建一个只有所需权限的角色：DATABASE_URL 用应用角色，" +
        "MIGRATION_DATABASE_URL 用所有者角色（见 README 的“安全”一节）。",
    );
    return applyMigrations(urls.migrationUrl);
  }
  return applyMigrations(urls.migrationUrl, undefined, { appRole, warn: (line) => log(`警告：${line}`) });
}
