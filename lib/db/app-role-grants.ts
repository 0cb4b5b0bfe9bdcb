// What the app's own database role may do, table by table. The app connects as a role that
// owns nothing (DATABASE_URL); migrations run as the owner (MIGRATION_DATABASE_URL), and the
// migration runner applies this table after every run, so a table added by a later
// migration is granted by the same code at the next start (see grantAppRole).
import type pg from "pg";

export type TablePrivilege = "SELECT" | "INSERT" | "UPDATE" | "DELETE";

/**
 * Decided from what lib/ does with each table. UPDATE is also what `SELECT … FOR UPDATE`
 * (the report row lock) and `INSERT … ON CONFLICT DO UPDATE` (upserts) need. No table gets
 * TRUNCATE, REFERENCES or TRIGGER, and the audit log, its checkpoints and the publications
 * are insert-and-read only: whoever has the app's password still cannot rewrite them.
 */
export const APP_TABLE_GRANTS: Readonly<Record<string, readonly TablePrivilege[]>> = {
  // Append-only by design (a trigger also refuses UPDATE/DELETE/TRUNCATE to the owner).
  AuditEntry: ["SELECT", "INSERT"],
  AuditCheckpoint: ["SELECT", "INSERT"],
  Publication: ["SELECT", "INSERT"],
  PublishedPage: ["SELECT", "INSERT"],
  // Records written once: revisions, review actions and comments are history.
  SectionRevision: ["SELECT", "INSERT"],
  ReviewAction: ["SELECT", "INSERT"],
  ReviewComment: ["SELECT", "INSERT"],
  // 催办 reminders are sent and kept.
  Reminder: ["SELECT", "INSERT"],
  // Edited in place, never deleted (organs and people are disabled or kept, never removed).
  Organ: ["SELECT", "INSERT", "UPDATE"],
  User: ["SELECT", "INSERT", "UPDATE"],
  Report: ["SELECT", "INSERT", "UPDATE"],
  Section: ["SELECT", "INSERT", "UPDATE"],
  ReviewRound: ["SELECT", "INSERT", "UPDATE"],
  IndexSerial: ["SELECT", "INSERT", "UPDATE"],
  // 外部导入 past years: corrected in place (each correction audited with what it changed), never deleted.
  ExternalReport: ["SELECT", "INSERT", "UPDATE"],
  // Counters pruned after a day (lib/db/housekeeping.ts).
  RefusalTally: ["SELECT", "INSERT", "UPDATE", "DELETE"],
  // Sign-ins: a session is started, seen (lastSeenAt) and ended, never deleted (its ending is kept).
  Session: ["SELECT", "INSERT", "UPDATE"],
  // Failed logins per name and address (lib/auth/login-throttle.ts: inserted, row-locked, updated,
  // deleted on a correct password, pruned after a quiet day by lib/db/housekeeping.ts).
  LoginThrottle: ["SELECT", "INSERT", "UPDATE", "DELETE"],
  // Review e-mails: queued with the event, claimed row by row (FOR UPDATE) and marked sent or
  // retried by the senders; kept afterwards as the record of what was sent.
  MailOutbox: ["SELECT", "INSERT", "UPDATE"],
  // Replaced as a set: roles are removed (manage-roles) and an organ's stages rewritten (review settings).
  Membership: ["SELECT", "INSERT", "DELETE"],
  ReviewStage: ["SELECT", "INSERT", "DELETE"],
  // The migration runner's own record: nothing for the app.
  _prisma_migrations: [],
};

/** A table no one has decided about yet gets what an ordinary working table needs, and a warning. */
export const UNLISTED_TABLE_GRANTS: readonly TablePrivilege[] = ["SELECT", "INSERT", "UPDATE", "DELETE"];

/**
 * Sets the app role's rights on every table of the schema to exactly APP_TABLE_GRANTS, in one
 * transaction (the app never sees a table without its rights), as the owner of the tables.
 * Sequences: USAGE only (nextval for bigserial ids; no setval). Returns warnings to print.
 */
export async function grantAppRole(client: pg.Client, appRole: string): Promise<string[]> {
  const warnings: string[] = [];
  const role = client.escapeIdentifier(appRole);
  const { rows: tables } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY 1`,
  );
  await client.query("BEGIN");
  try {
    for (const { name } of tables) {
      const listed = APP_TABLE_GRANTS[name];
      if (!listed)
        warnings.push(`数据表 ${name} 不在 lib/db/app-role-grants.ts 的授权表中，暂按普通数据表授予应用角色 ${UNLISTED_TABLE_GRANTS.join("、")}；请在该表中写明应用对它的权限。`);
      const privileges = listed ?? UNLISTED_TABLE_GRANTS;
      const table = client.escapeIdentifier(name);
      await client.query(`REVOKE ALL ON TABLE ${table} FROM ${role}`);
      if (privileges.length) await client.query(`GRANT ${privileges.join(", ")} ON TABLE ${table} TO ${role}`);
    }
    await client.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${role}`);
    await client.query(`GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO ${role}`);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
  return warnings.concat(await appRoleProblems(client, appRole));
}

/** What would let the app role get around its grants: said at every start, not silently accepted. */
async function appRoleProblems(client: pg.Client, appRole: string): Promise<string[]> {
  const {
    rows: [role],
  } = await client.query<{ superuser: boolean; bypassrls: boolean; createrole: boolean; memberOfOwner: boolean; owns: number; createInPublic: boolean }>(
    `SELECT r.rolsuper AS superuser, r.rolbypassrls AS bypassrls, r.rolcreaterole AS createrole,
            pg_has_role(r.oid, current_user, 'MEMBER') AS "memberOfOwner",
            (SELECT count(*)::int FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relowner = r.oid) AS owns,
            has_schema_privilege(r.oid, 'public', 'CREATE') AS "createInPublic"
     FROM pg_roles r WHERE r.rolname = $1`,
    [appRole],
  );
  if (!role) throw new Error(`数据库中没有应用角色 ${appRole}。`);
  const problems: string[] = [];
  if (role.superuser) problems.push("是超级用户");
  if (role.bypassrls || role.createrole) problems.push("有 BYPASSRLS 或 CREATEROLE 属性");
  if (role.memberOfOwner) problems.push("是数据表所有者角色的成员");
  if (role.owns > 0) problems.push(`拥有 ${role.owns} 个数据表或序列`);
  if (role.createInPublic) problems.push("可以在 public 模式中建表（请执行 REVOKE CREATE ON SCHEMA public FROM PUBLIC）");
  return problems.length ? [`应用的数据库角色 ${appRole} ${problems.join("，")}：最小权限不成立，见 README 的“安全”一节。`] : [];
}
