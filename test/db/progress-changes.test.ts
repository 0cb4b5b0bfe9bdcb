// What moves an organ's progress is announced by PostgreSQL itself (triggers, NOTIFY on commit),
// and the dashboard's and 汇总's kept readings are read again for exactly the organs announced —
// and entirely whenever this process cannot hear.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { listenToDatabase, type DatabaseListener } from "@/lib/db/listen";
import type { Role } from "@/lib/domain/roles";
import { createOrgan } from "@/lib/organs/save-organ";
import { toReportJson } from "@/lib/report-files/report-json";
import { createReport } from "@/lib/reports/create-report";
import { importReport } from "@/lib/reports/import-report";
import { submitReport } from "@/lib/reports/submit-report";
import { getSummary } from "@/lib/supervision/get-summary";
import { findOrganProgress, summariseOrganProgress } from "@/lib/supervision/organ-progress";
import { heardProgressChange, PROGRESS_CHANGES_CHANNEL, readProgressChange, setProgressListening, type ProgressChange } from "@/lib/supervision/progress-changes";
import { sendReminders } from "@/lib/supervision/send-reminders";
import { createUser } from "@/lib/users/create-user";
import { validDraft } from "../unit/report-fixtures";
import { platformAdmin, tag } from "./fixtures";

const clientAddress = "127.0.0.1";
const YEAR = 2023;
const quiet = () => undefined;

const until = async (check: () => boolean, ms = 5_000) => {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > ms) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe("progress changes", () => {
  const organs: Record<string, { id: string; code: string; name: string }> = {};
  const people: Record<string, Actor> = {};
  const heard: ProgressChange[] = [];
  let listening = false;
  let listener: DatabaseListener;
  /** The database's owner, for changes made behind the app's back (triggers off: nothing announced). */
  let owner: pg.Client;

  const organ = async (key: string, parent: string | null) => {
    const code = `P${tag()}`;
    const name = `${key}${tag()}`;
    const { id } = await createOrgan({
      actor: platformAdmin,
      input: { name, shortName: key, kind: "TOWNSHIP", code, parentId: parent ? organs[parent]!.id : null, deadlineMonth: 1, deadlineDay: 31 },
      clientAddress,
    });
    organs[key] = { id, code, name };
  };
  const person = async (key: string, organKey: string, roles: Role[]) => {
    const organId = organs[organKey]!.id;
    const user = await createUser({ actor: platformAdmin, organId, username: `pc-${tag()}`, displayName: key, password: "a-good-password", roles, clientAddress });
    people[key] = { id: user.id, displayName: key, isPlatformAdmin: false, memberships: roles.map((role) => ({ organId, role })) };
  };
  const heardOf = (organKey: string) => heard.some((c) => "year" in c && c.organId === organs[organKey]!.id && c.year === YEAR);
  const unannounced = async (sql: string, values: unknown[]) => {
    await owner.query("SET session_replication_role = replica");
    await owner.query(sql, values);
    await owner.query("SET session_replication_role = DEFAULT");
  };
  const progressOf = async (organKey: string) => (await findOrganProgress({ rootId: organs.county!.id, year: YEAR })).find((r) => r.organId === organs[organKey]!.id)!;

  beforeAll(async () => {
    await organ("county", null);
    await organ("townA", "county");
    await organ("townB", "county");
    await person("supervisor", "county", ["SUPERVISOR"]);
    await person("authorA", "townA", ["AUTHOR"]);
    await person("authorB", "townB", ["AUTHOR"]);
    const superuser = new URL(process.env.NIANBAO_TEST_SUPERUSER_URL!);
    superuser.pathname = new URL(process.env.DATABASE_URL!).pathname;
    owner = new pg.Client({ connectionString: superuser.toString() });
    await owner.connect();
    listener = listenToDatabase({
      url: process.env.DATABASE_URL!,
      channels: {
        [PROGRESS_CHANGES_CHANNEL]: (payload) => {
          heard.push(readProgressChange(payload));
          heardProgressChange(readProgressChange(payload));
        },
      },
      onState: (state) => {
        listening = state;
        setProgressListening(state);
      },
      log: quiet,
    });
    await until(() => listening);
  }, 60_000);
  afterAll(async () => {
    await listener.stop();
    await owner.end();
    await db().$disconnect();
  });

  it("announces a report's creation, submission and review round, a 催办 and a change of the tree, and not an edit of anything else", async () => {
    const { id } = await createReport({ actor: people.authorA!, organId: organs.townA!.id, year: YEAR, clientAddress });
    await until(() => heardOf("townA"));
    const o = organs.townA!;
    await importReport({
      actor: people.authorA!,
      reportId: id,
      clientAddress,
      raw: toReportJson({ organ: { name: o.name, code: o.code, kind: "TOWNSHIP" }, year: YEAR, title: "t", sections: validDraft() }),
    });
    heard.length = 0;
    await submitReport({ actor: people.authorA!, reportId: id, clientAddress });
    await until(() => heardOf("townA"));

    heard.length = 0;
    await sendReminders({ actor: people.supervisor!, organId: organs.county!.id, year: YEAR, targets: { organIds: [organs.townB!.id] }, message: "", clientAddress });
    await until(() => heardOf("townB"));

    // What no dashboard or 汇总 shows: a title, an organ's word lists. Then a rename: the tree.
    heard.length = 0;
    await db().report.update({ where: { id }, data: { title: "另一个标题" } });
    await db().organ.update({ where: { id: organs.townB!.id }, data: { sensitiveWords: ["某词"] } });
    await db().organ.update({ where: { id: organs.townB!.id }, data: { shortName: "乙" } });
    await db().organ.update({ where: { id: organs.townB!.id }, data: { name: `${organs.townB!.name}改` } });
    organs.townB!.name += "改";
    await until(() => heard.length > 0);
    await new Promise((r) => setTimeout(r, 200)); // anything else announced would have arrived by now
    expect(heard).toEqual([{ tree: true, organId: organs.townB!.id }]);
    // A move or a new organ: the whole tree (which organs lie below an office may change).
    heard.length = 0;
    await db().organ.update({ where: { id: organs.townB!.id }, data: { parentId: null } });
    await db().organ.update({ where: { id: organs.townB!.id }, data: { parentId: organs.county!.id } });
    await until(() => heard.length >= 2);
    expect(heard).toEqual([{ tree: true }, { tree: true }]);
  });

  it("reads again exactly the organs announced since the last reading, and everything while it cannot hear", async () => {
    const before = await progressOf("townB");
    expect(before.lastReminderAt).not.toBeNull();
    // Behind the app's back (nothing announced): the kept reading is what the dashboard shows.
    await unannounced(`UPDATE "Reminder" SET "createdAt" = '2020-01-01' WHERE "organId" = $1`, [organs.townB!.id]);
    expect((await progressOf("townB")).lastReminderAt).toEqual(before.lastReminderAt);
    // A 催办 to 甲 is announced: 甲 is read again (its report in review, its reminder), 乙 is not.
    heard.length = 0;
    await sendReminders({ actor: people.supervisor!, organId: organs.county!.id, year: YEAR, targets: { organIds: [organs.townA!.id] }, message: "", clientAddress });
    await until(() => heardOf("townA"));
    const townA = await progressOf("townA");
    expect(townA).toMatchObject({ progress: "IN_REVIEW", statusText: "审核中·一校·初审" });
    expect(townA.lastReminderAt).not.toBeNull();
    expect((await progressOf("townB")).lastReminderAt).toEqual(before.lastReminderAt);
    // An announcement for 乙 (of this year): read again.
    await owner.query("SELECT public.announce_progress_change($1, $2)", [organs.townB!.id, YEAR]);
    await until(() => heardOf("townB"));
    expect((await progressOf("townB")).lastReminderAt).toEqual(new Date("2020-01-01T00:00:00Z"));

    // A new organ below: the tree changed, everything is read again.
    await organ("townC", "county");
    await until(() => heard.some((c) => "tree" in c));
    expect((await progressOf("townC")).progress).toBe("NOT_CREATED");

    // Not hearing (the connection lost): nothing kept is used.
    await unannounced(`UPDATE "Reminder" SET "createdAt" = '2021-01-01' WHERE "organId" = $1`, [organs.townB!.id]);
    setProgressListening(false);
    expect((await progressOf("townB")).lastReminderAt).toEqual(new Date("2021-01-01T00:00:00Z"));
    setProgressListening(true);
  });

  it("works a kept organ's deadline out again when the day changes in China: its deadline passes at midnight there", async () => {
    // 乙 has no report for the year; its deadline is 31 January of the next year, which ends at 16:00 UTC.
    const at = async (iso: string) => (await findOrganProgress({ rootId: organs.county!.id, year: YEAR, now: new Date(iso) })).find((r) => r.organId === organs.townB!.id)!;
    expect(await at(`${YEAR + 1}-01-31T15:59:59Z`)).toMatchObject({ overdue: false, deadlineText: "今天截止" });
    expect(await at(`${YEAR + 1}-01-31T16:00:00Z`)).toMatchObject({ overdue: true, deadlineText: "逾期 1 天" });
    expect(await at(`${YEAR + 1}-02-10T03:00:00Z`)).toMatchObject({ overdue: true, deadlineText: "逾期 10 天" });
    expect(await at(`${YEAR + 1}-01-30T01:00:00Z`)).toMatchObject({ overdue: false, deadlineText: "剩 1 天" });
  });

  it("keeps the 汇总, and reads again the reports of exactly the organs announced, and the organs when the tree changed", async () => {
    const summary = () => getSummary({ actor: people.supervisor!, organId: organs.county!.id, year: YEAR, includeApproved: true });
    const reasons = async () => Object.fromEntries((await summary()).missing.map((m) => [m.organId, m.reason]));
    expect(await reasons()).toEqual({ [organs.townA!.id]: "尚未发布（审核中）", [organs.townB!.id]: "未创建报告", [organs.townC!.id]: "未创建报告" });
    // Behind the app's back: 甲's report withdrawn, 丙 renamed.
    await unannounced(`UPDATE "Report" SET "withdrawnAt" = now() WHERE "organId" = $1`, [organs.townA!.id]);
    await unannounced(`UPDATE "Organ" SET name = name || '新' WHERE id = $1`, [organs.townC!.id]);
    expect((await reasons())[organs.townA!.id]).toBe("尚未发布（审核中）");
    // 甲's report of another year, and 乙's of this year: 甲 is not read again.
    heard.length = 0;
    await owner.query("SELECT public.announce_progress_change($1, $2)", [organs.townA!.id, YEAR - 1]);
    await owner.query("SELECT public.announce_progress_change($1, $2)", [organs.townB!.id, YEAR]);
    await until(() => heard.length === 2);
    expect((await reasons())[organs.townA!.id]).toBe("尚未发布（审核中）");
    // 甲 this year: its report is read again; the organs' names are not (a rename is a change of the tree).
    heard.length = 0;
    await owner.query("SELECT public.announce_progress_change($1, $2)", [organs.townA!.id, YEAR]);
    await until(() => heardOf("townA"));
    expect((await reasons())[organs.townA!.id]).toBe("已撤回");
    expect((await summary()).missing.map((m) => m.name)).toContain(organs.townC!.name);
    // 甲's withdrawal undone behind the app's back; then the tree changes: the organs are read again
    // (丙's new name, a new organ below), the reports of those not announced are kept (甲 still withdrawn).
    await unannounced(`UPDATE "Report" SET "withdrawnAt" = NULL WHERE "organId" = $1`, [organs.townA!.id]);
    await owner.query(`SELECT pg_notify('nianbao_progress_changes', '{"tree":true}')`);
    await until(() => heard.some((c) => "tree" in c));
    expect((await summary()).missing.map((m) => m.name)).toContain(`${organs.townC!.name}新`);
    expect((await reasons())[organs.townA!.id]).toBe("已撤回");
    heard.length = 0;
    await organ("townE", "county");
    await until(() => heard.some((c) => "tree" in c));
    expect((await reasons())[organs.townE!.id]).toBe("未创建报告");
    await unannounced(`UPDATE "Report" SET "withdrawnAt" = now() WHERE "organId" = $1`, [organs.townA!.id]);
  });

  it("sums up the 工作台 from the dashboard's kept rows: an organ announced below, at any depth, is read again, and only it", async () => {
    heard.length = 0;
    await organ("far", null);
    await organ("deep", "townA");
    await until(() => heard.filter((c) => "tree" in c).length === 2); // heard before the summary is read
    const counts = async () => (await summariseOrganProgress({ rootId: organs.county!.id, year: YEAR, listed: 10 })).counts;
    expect(await counts()).toMatchObject({ IN_REVIEW: 1, NOT_CREATED: 4, DRAFT: 0 }); // townB, townC, townE, and deep (two levels down)
    // Behind the app's back: 甲's report back to a draft, and a draft for deep.
    await unannounced(`UPDATE "Report" SET status = 'DRAFT' WHERE "organId" = $1`, [organs.townA!.id]);
    await unannounced(`INSERT INTO "Report" (id, "organId", year, title, "createdById", "updatedAt") VALUES (gen_random_uuid()::text, $1, $2, 't', $3, now())`, [
      organs.deep!.id,
      YEAR,
      people.authorA!.id,
    ]);
    // An organ elsewhere: not this summary's business.
    heard.length = 0;
    await owner.query("SELECT public.announce_progress_change($1, $2)", [organs.far!.id, YEAR]);
    await until(() => heardOf("far"));
    expect(await counts()).toMatchObject({ IN_REVIEW: 1, NOT_CREATED: 4, DRAFT: 0 });
    // An organ two levels below: read again (甲 was not announced, so it stands as kept).
    heard.length = 0;
    await owner.query("SELECT public.announce_progress_change($1, $2)", [organs.deep!.id, YEAR]);
    await until(() => heardOf("deep"));
    expect(await counts()).toMatchObject({ IN_REVIEW: 1, NOT_CREATED: 3, DRAFT: 1 });
    heard.length = 0;
    await owner.query("SELECT public.announce_progress_change($1, $2)", [organs.townA!.id, YEAR]);
    await until(() => heardOf("townA"));
    expect(await counts()).toMatchObject({ IN_REVIEW: 0, NOT_CREATED: 3, DRAFT: 2 });
  });

  it("after a change of the tree, reads the organs below in their new places and the reports of only those new below or announced", async () => {
    heard.length = 0;
    await organ("region", null);
    await organ("r1", "region");
    await organ("r2", "region");
    await organ("r3", "r2");
    await organ("elsewhere", null);
    await organ("mover", "elsewhere");
    await owner.query(`INSERT INTO "Report" (id, "organId", year, title, "createdById", "updatedAt") SELECT gen_random_uuid()::text, unnest($1::text[]), $2, 't', $3, now()`, [
      [organs.r1!.id, organs.mover!.id],
      YEAR,
      people.authorA!.id,
    ]);
    await until(() => heard.filter((c) => "tree" in c).length === 6 && heardOf("r1") && heardOf("mover"));
    const dashboard = async () => new Map((await findOrganProgress({ rootId: organs.region!.id, year: YEAR })).map((row) => [row.organId, row]));
    expect([...(await dashboard()).keys()].sort()).toEqual([organs.r1!.id, organs.r2!.id, organs.r3!.id].sort());

    // Behind the app's back: r2's and r3's reminders. Then, announced: r2 renamed, r1's deadline moved, the mover moved in, r3's year changed.
    await unannounced(`INSERT INTO "Reminder" (id, "organId", year, "sentById", "sentByName", "fromOrganId") SELECT gen_random_uuid()::text, unnest($1::text[]), $2, $3, 's', $4`, [
      [organs.r1!.id, organs.r3!.id],
      YEAR,
      people.supervisor!.id,
      organs.region!.id,
    ]);
    heard.length = 0;
    await db().organ.update({ where: { id: organs.r2!.id }, data: { name: `${organs.r2!.name}改` } });
    await db().organ.update({ where: { id: organs.r1!.id }, data: { deadlineMonth: 3, deadlineDay: 15 } });
    await db().organ.update({ where: { id: organs.mover!.id }, data: { parentId: organs.r2!.id } });
    await owner.query("SELECT public.announce_progress_change($1, $2)", [organs.r3!.id, YEAR]);
    await until(() => heard.filter((c) => "tree" in c).length === 3 && heardOf("r3"));

    const after = await dashboard();
    expect([...after.keys()].sort()).toEqual([organs.r1!.id, organs.r2!.id, organs.r3!.id, organs.mover!.id].sort());
    expect(after.get(organs.r2!.id)!.organName).toBe(`${organs.r2!.name}改`);
    expect(after.get(organs.r3!.id)!.path).toEqual([`${organs.r2!.name}改`]);
    expect(after.get(organs.mover!.id)).toMatchObject({ path: [`${organs.r2!.name}改`], progress: "DRAFT" });
    expect(after.get(organs.r1!.id)!.deadline).toEqual(new Date(`${YEAR + 1}-03-15T16:00:00Z`));
    // r3 was announced: read again, its reminder seen; r2 was only renamed: its report's side as kept.
    expect(after.get(organs.r3!.id)!.lastReminderAt).not.toBeNull();
    expect(after.get(organs.r2!.id)!.lastReminderAt).toBeNull();

    // Moved out: gone.
    heard.length = 0;
    await db().organ.update({ where: { id: organs.mover!.id }, data: { parentId: organs.elsewhere!.id } });
    await until(() => heard.some((c) => "tree" in c));
    expect([...(await dashboard()).keys()]).not.toContain(organs.mover!.id);

    // Only a deadline changed (no organ renamed or moved): the new deadline, every organ in its place, r2's report side still as kept.
    const ordered = async () => (await findOrganProgress({ rootId: organs.region!.id, year: YEAR })).sort((a, b) => a.order - b.order).map((row) => row.organId);
    expect(await ordered()).toEqual([organs.r1!.id, organs.r2!.id, organs.r3!.id]);
    const places = new Map([...(await dashboard()).values()].map((row) => [row.organId, [row.order, row.path]]));
    heard.length = 0;
    await db().organ.update({ where: { id: organs.r3!.id }, data: { deadlineMonth: 2, deadlineDay: 28 } });
    await until(() => heard.some((c) => "tree" in c));
    const afterDeadline = await dashboard();
    expect(afterDeadline.get(organs.r3!.id)!.deadline).toEqual(new Date(`${YEAR + 1}-02-28T16:00:00Z`));
    expect(new Map([...afterDeadline.values()].map((row) => [row.organId, [row.order, row.path]]))).toEqual(places);
    expect(afterDeadline.get(organs.r2!.id)!.lastReminderAt).toBeNull();

    // Renamed to come last: placed again, each organ before those below it.
    heard.length = 0;
    await db().organ.update({ where: { id: organs.r1!.id }, data: { name: `z${organs.r1!.name}` } });
    await until(() => heard.some((c) => "tree" in c));
    expect(await ordered()).toEqual([organs.r2!.id, organs.r3!.id, organs.r1!.id]);

    // A rename (every organ staying in its place) reads that organ again, not the tree: a name changed
    // behind the app's back elsewhere is not seen until organs are added, deleted or moved. The 汇总
    // lists the organs as the dashboard places them.
    const regionSupervisor: Actor = { id: people.supervisor!.id, displayName: "s", isPlatformAdmin: false, memberships: [{ organId: organs.region!.id, role: "SUPERVISOR" }] };
    const regionSummary = () => getSummary({ actor: regionSupervisor, organId: organs.region!.id, year: YEAR, includeApproved: true });
    const listed = ({ included, missing }: { included: Array<{ organId: string }>; missing: Array<{ organId: string }> }) => [...included, ...missing];
    expect(
      listed(await regionSummary())
        .map((o) => o.organId)
        .sort(),
    ).toEqual((await ordered()).sort());
    await unannounced(`UPDATE "Organ" SET name = $1 WHERE id = $2`, [`${organs.r3!.name}暗`, organs.r3!.id]);
    heard.length = 0;
    await db().organ.update({ where: { id: organs.r2!.id }, data: { name: `${organs.r2!.name}再` } });
    await until(() => heard.some((c) => "tree" in c));
    const renamed = await dashboard();
    expect(renamed.get(organs.r2!.id)!.organName).toBe(`${organs.r2!.name}再`);
    expect(renamed.get(organs.r3!.id)).toMatchObject({ organName: organs.r3!.name, path: [`${organs.r2!.name}再`] });
    const summarised = await regionSummary();
    expect(listed(summarised).find((o) => o.organId === organs.r2!.id)).toMatchObject({ name: `${organs.r2!.name}再` });
    expect(listed(summarised).find((o) => o.organId === organs.r3!.id)).toMatchObject({ name: organs.r3!.name, path: [`${organs.r2!.name}再`] });
    // Each list in the dashboard's order.
    const inOrder = await ordered();
    for (const list of [summarised.included, summarised.missing]) {
      const ids = list.map((o) => o.organId);
      expect(ids).toEqual(inOrder.filter((id) => ids.includes(id)));
    }
    heard.length = 0;
    await db().organ.update({ where: { id: organs.mover!.id }, data: { parentId: organs.r1!.id } });
    await until(() => heard.some((c) => "tree" in c));
    expect((await dashboard()).get(organs.r3!.id)!.organName).toBe(`${organs.r3!.name}暗`);
  });

  it("counts, for the dashboard only, the checks of reports whose counts were never stored, 100 a request, and reads them again on later requests", async () => {
    // 120 organs with a report each whose counts were never stored (as reports written before counts were kept).
    heard.length = 0;
    await organ("many", null);
    const ids = Array.from({ length: 120 }, () => crypto.randomUUID());
    await owner.query(
      `INSERT INTO "Organ" (id, name, "shortName", kind, code, "parentId", "updatedAt")
       SELECT id, 'many-' || id, 'm', 'TOWNSHIP', 'M' || left(replace(id, '-', ''), 14), $2, now() FROM unnest($1::text[]) AS id`,
      [ids, organs.many!.id],
    );
    await owner.query(
      `INSERT INTO "Report" (id, "organId", year, title, "createdById", "updatedAt") SELECT gen_random_uuid()::text, id, $2, 't', $3, now() FROM unnest($1::text[]) AS id`,
      [ids, YEAR, people.authorA!.id],
    );
    await until(() => heard.filter((c) => "organId" in c).length >= 120);
    await new Promise((r) => setTimeout(r, 300)); // anything else announced has been heard
    // The 汇总 and the 工作台 do not show the counts, and do not count them.
    await getSummary({
      actor: { ...people.supervisor!, memberships: [{ organId: organs.many!.id, role: "SUPERVISOR" }] },
      organId: organs.many!.id,
      year: YEAR,
      includeApproved: false,
    });
    expect((await summariseOrganProgress({ rootId: organs.many!.id, year: YEAR, listed: 10 })).total).toBe(120);
    const stored = async () => (await owner.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Report" WHERE "organId" = ANY($1) AND "checkErrors" IS NULL`, [ids])).rows[0]!.n;
    expect(await stored()).toBe(120);
    // The dashboard does, 100 a request.
    const unknown = async () => (await findOrganProgress({ rootId: organs.many!.id, year: YEAR, countChecks: true })).filter((r) => r.checkErrors === null).length;
    expect(await unknown()).toBe(20);
    expect(await stored()).toBe(20);
    await new Promise((r) => setTimeout(r, 300)); // the 100 counted are announced
    expect(await unknown()).toBe(0);
  }, 60_000);
});
