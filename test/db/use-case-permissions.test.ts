// The use cases refuse on their own, whatever page or request calls them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import type { Role } from "@/lib/domain/roles";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { createOrgan, updateOrgan } from "@/lib/organs/save-organ";
import { setIndexSerialStart } from "@/lib/organs/set-index-serial-start";
import { createUser } from "@/lib/users/create-user";
import { resetAccountPassword, setAccountDisabled } from "@/lib/users/manage-account";
import { assignRole, removeRole } from "@/lib/users/manage-roles";
import { platformAdmin, refusal, tag } from "./fixtures";

const actorIn = (organId: string, role: Role, id = `actor-${tag()}`): Actor => ({
  id,
  displayName: "测试",
  isPlatformAdmin: false,
  memberships: [{ organId, role }],
});
const clientAddress = "127.0.0.1";

async function expectRefused(promise: Promise<unknown>, code: AppError["code"] = "NOT_FOUND") {
  expect((await refusal(promise)).code).toBe(code);
}

describe("use cases refuse what the permission table denies", () => {
  let city: string, townA: string, townB: string;
  const input = (name: string, parentId: string | null) => ({
    name,
    shortName: name.slice(0, 4),
    kind: "TOWNSHIP" as const,
    code: `T${tag()}`,
    parentId,
    deadlineMonth: 1,
    deadlineDay: 31,
  });

  beforeAll(async () => {
    city = (await createOrgan({ actor: platformAdmin, input: { ...input(`市${tag()}`, null), kind: "CITY" }, clientAddress })).id;
    townA = (await createOrgan({ actor: platformAdmin, input: input(`甲镇${tag()}`, city), clientAddress })).id;
    townB = (await createOrgan({ actor: platformAdmin, input: input(`乙镇${tag()}`, city), clientAddress })).id;
  });
  afterAll(async () => db().$disconnect());

  const newUser = (organId: string, actor = platformAdmin) =>
    createUser({ actor, organId, username: `u-${tag()}`, displayName: "某人", password: "a-good-password", roles: ["AUTHOR"], clientAddress });

  it("creates an account only in an organ the actor administers, and writes nothing otherwise", async () => {
    const before = await db().user.count();
    await expectRefused(newUser(townB, actorIn(townA, "ORGAN_ADMIN")));
    await expectRefused(newUser(townA, actorIn(townA, "AUTHOR")));
    await expectRefused(newUser(townA, actorIn(city, "SUPERVISOR")));
    expect(await db().user.count()).toBe(before);

    const created = await newUser(townA, actorIn(townA, "ORGAN_ADMIN"));
    const entries = await db().auditEntry.findMany({ where: { targetId: created.id }, orderBy: { id: "asc" }, select: { action: true, organId: true } });
    expect(entries).toEqual([
      { action: "user.created", organId: townA },
      { action: "role.assigned", organId: townA },
    ]);
  });

  it("assigns and removes roles only within the actor's own organ", async () => {
    const user = await newUser(townB);
    await expectRefused(assignRole({ actor: actorIn(townA, "ORGAN_ADMIN"), organId: townB, userId: user.id, role: "PUBLISHER", clientAddress }));
    await expectRefused(removeRole({ actor: actorIn(townA, "ORGAN_ADMIN"), organId: townB, userId: user.id, role: "AUTHOR", clientAddress }));
    const roles = await db().membership.findMany({ where: { userId: user.id }, select: { role: true } });
    expect(roles).toEqual([{ role: "AUTHOR" }]);
  });

  it("attaches a role only to people whose every organ the admin administers, so nobody is taken from their own admin", async () => {
    // S7: town A's admin giving town B's author a town-A role would leave town B's admin unable to manage them.
    const inB = await newUser(townB);
    await expectRefused(assignRole({ actor: actorIn(townA, "ORGAN_ADMIN"), organId: townA, userId: inB.id, role: "FIRST_REVIEWER", clientAddress }));
    expect(await db().membership.findMany({ where: { userId: inB.id }, select: { organId: true } })).toEqual([{ organId: townB }]);
    await setAccountDisabled({ actor: actorIn(townB, "ORGAN_ADMIN"), userId: inB.id, disabled: true, clientAddress });
    // Their own admin may, and the platform administrator may attach anyone anywhere.
    const inA = await newUser(townA);
    await assignRole({ actor: actorIn(townA, "ORGAN_ADMIN"), organId: townA, userId: inA.id, role: "FIRST_REVIEWER", clientAddress });
    await assignRole({ actor: platformAdmin, organId: townA, userId: inB.id, role: "FIRST_REVIEWER", clientAddress });
  });

  it("does not let an admin remove their own admin role", async () => {
    const admin = await createUser({
      actor: platformAdmin,
      organId: townA,
      username: `adm-${tag()}`,
      displayName: "管理员",
      password: "a-good-password",
      roles: ["ORGAN_ADMIN"],
      clientAddress,
    });
    await expectRefused(removeRole({ actor: actorIn(townA, "ORGAN_ADMIN", admin.id), organId: townA, userId: admin.id, role: "ORGAN_ADMIN", clientAddress }), "INVALID_INPUT");
  });

  it("disables and resets only accounts wholly inside organs the actor administers", async () => {
    const adminA = actorIn(townA, "ORGAN_ADMIN");
    const inB = await newUser(townB);
    await expectRefused(setAccountDisabled({ actor: adminA, userId: inB.id, disabled: true, clientAddress }));
    await expectRefused(resetAccountPassword({ actor: adminA, userId: inB.id, clientAddress }));

    const inBoth = await newUser(townA);
    await assignRole({ actor: platformAdmin, organId: townB, userId: inBoth.id, role: "AUTHOR", clientAddress });
    await expectRefused(setAccountDisabled({ actor: adminA, userId: inBoth.id, disabled: true, clientAddress }));

    await expectRefused(setAccountDisabled({ actor: adminA, userId: adminA.id, disabled: true, clientAddress }), "INVALID_INPUT");
    await expectRefused(setAccountDisabled({ actor: adminA, userId: "00000000-0000-4000-8000-000000000000", disabled: true, clientAddress }));

    const fresh = await db().user.findMany({ where: { id: { in: [inB.id, inBoth.id] } }, select: { disabledAt: true } });
    expect(fresh.every((u) => u.disabledAt === null)).toBe(true);
  });

  it("reserves organ creation and editing to platform administrators and keeps the tree acyclic", async () => {
    await expectRefused(createOrgan({ actor: actorIn(city, "ORGAN_ADMIN"), input: input(`丙镇${tag()}`, city), clientAddress }), "FORBIDDEN");
    await expectRefused(updateOrgan({ actor: actorIn(city, "SUPERVISOR"), organId: townA, input: input(`丁镇${tag()}`, city), clientAddress }), "FORBIDDEN");
    const cycle = await updateOrgan({ actor: platformAdmin, organId: city, input: { ...input(`市${tag()}`, townA), kind: "CITY" }, clientAddress }).then(
      () => null,
      (e: unknown) => e as AppError,
    );
    expect(cycle?.fieldErrors).toEqual({ parentId: "上级机关不能是本机关或其下级机关。" });
  });

  it("names the duplicate field when a name or code is taken", async () => {
    const existing = await db().organ.findUniqueOrThrow({ where: { id: townA }, select: { name: true, code: true } });
    const dupCode = await createOrgan({ actor: platformAdmin, input: { ...input(`戊镇${tag()}`, city), code: existing.code }, clientAddress }).then(
      () => null,
      (e: unknown) => e as AppError,
    );
    expect(dupCode?.fieldErrors).toEqual({ code: "该机关代码已被使用。" });
    const dupName = await createOrgan({ actor: platformAdmin, input: { ...input(existing.name, city) }, clientAddress }).then(
      () => null,
      (e: unknown) => e as AppError,
    );
    expect(dupName?.fieldErrors).toEqual({ name: "该机关名称已存在。" });
  });

  it("sets where the 索引号 serials start only for the organ's own 管理员 (or the platform's), and writes nothing otherwise", async () => {
    const set = (actor: Actor, organId = townA) => setIndexSerialStart({ actor, organId, year: 2025, start: 300, clientAddress });
    await expectRefused(set(actorIn(townB, "ORGAN_ADMIN")));
    await expectRefused(set(actorIn(city, "ORGAN_ADMIN")));
    await expectRefused(set(actorIn(city, "SUPERVISOR")));
    for (const role of ["AUTHOR", "FIRST_REVIEWER", "SECOND_REVIEWER", "FINAL_REVIEWER", "PUBLISHER"] as const) await expectRefused(set(actorIn(townA, role)));
    expect(await db().indexSerial.count({ where: { organId: townA } })).toBe(0);
    await set(actorIn(townA, "ORGAN_ADMIN"));
    await set(platformAdmin, townB);
    expect(await db().indexSerial.findMany({ where: { organId: { in: [townA, townB] } }, select: { lastSerial: true } })).toEqual([{ lastSerial: 299 }, { lastSerial: 299 }]);
  });
});
