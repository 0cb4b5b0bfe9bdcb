// Server-side sessions (S1): ended on the server by sign-out, a password change, a reset or a
// disabled account; idle from lastSeenAt; one's own sessions can be ended, nobody else's.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadActor } from "@/lib/auth/load-actor";
import { hashPassword } from "@/lib/auth/password-hash";
import type { Actor } from "@/lib/auth/permissions";
import { endSessions, findLiveSession, listLiveSessions, startSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db/client";
import { createOrgan } from "@/lib/organs/save-organ";
import { changeOwnPassword } from "@/lib/users/change-own-password";
import { createUser } from "@/lib/users/create-user";
import { endOwnSession } from "@/lib/users/end-own-session";
import { resetAccountPassword, setAccountDisabled } from "@/lib/users/manage-account";
import { platformAdmin, refusal, tag } from "./fixtures";

const PASSWORD = "a-good-password";
const minutes = (n: number) => new Date(Date.now() + n * 60_000);

describe("server-side sessions", () => {
  let organId: string;
  let admin: Actor;
  beforeAll(async () => {
    organId = (
      await createOrgan({
        actor: platformAdmin,
        input: { name: `会话镇${tag()}`, shortName: "会话", kind: "TOWNSHIP", code: `S${tag()}`, parentId: null, deadlineMonth: 1, deadlineDay: 31 },
        clientAddress: null,
      })
    ).id;
    const user = await createUser({
      actor: platformAdmin,
      organId,
      username: `sa-${tag()}`,
      displayName: "管理员",
      password: PASSWORD,
      roles: ["ORGAN_ADMIN"],
      clientAddress: null,
    });
    admin = { id: user.id, displayName: "管理员", isPlatformAdmin: false, memberships: [{ organId, role: "ORGAN_ADMIN" }] };
  });
  afterAll(async () => db().$disconnect());

  const person = async () => {
    const username = `se-${randomBytes(4).toString("hex")}`;
    const user = await createUser({ actor: platformAdmin, organId, username, displayName: "会话用户", password: PASSWORD, roles: ["AUTHOR"], clientAddress: null });
    await db().user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(PASSWORD), mustChangePassword: false } });
    return user.id;
  };
  const live = (userId: string, sessionId: string, now?: Date) => findLiveSession({ userId, sessionId, countsAsActivity: true, now });
  const reasonOf = async (id: string) => (await db().session.findUniqueOrThrow({ where: { id } })).endReason;

  it("holds a live session, and ends it on sign-out so that a copy of the cookie opens nothing", async () => {
    const userId = await person();
    const sessionId = await startSession({ userId, clientAddress: "10.0.0.1", userAgent: "Mozilla/5.0 Chrome/150" });
    expect(await loadActor({ userId, sessionId, countsAsActivity: true })).toMatchObject({ id: userId, sessionId });
    await db().$transaction((tx) => endSessions(tx, { userId, only: sessionId, reason: "signout" }));
    expect(await loadActor({ userId, sessionId, countsAsActivity: true })).toBeNull();
    expect(await reasonOf(sessionId)).toBe("signout");
    // A session id with another person's user id is nothing.
    const other = await startSession({ userId: await person(), clientAddress: null, userAgent: null });
    expect(await live(userId, other)).toBeNull();
  });

  it("ends after the idle time counted from the last activity on the server; presence pings do not count", async () => {
    const userId = await person();
    const sessionId = await startSession({ userId, clientAddress: null, userAgent: null });
    // Activity more than a minute later moves lastSeenAt on; a quiet request does not.
    expect(await findLiveSession({ userId, sessionId, countsAsActivity: false, now: minutes(20) })).not.toBeNull();
    expect(await live(userId, sessionId, minutes(31))).toBeNull();
    expect(await reasonOf(sessionId)).toBe("idle");

    const active = await startSession({ userId, clientAddress: null, userAgent: null });
    expect(await live(userId, active, minutes(20))).not.toBeNull();
    expect(await live(userId, active, minutes(45))).not.toBeNull(); // 25 minutes after the last activity
    expect(await live(userId, active, minutes(80))).toBeNull();
  });

  it("ends after SESSION_MAX_HOURS from sign-in however active the person is (a renewed cookie is not a longer session)", async () => {
    const userId = await person();
    const sessionId = await startSession({ userId, clientAddress: null, userAgent: null });
    // Active every 20 minutes for 12 hours: never idle, still ended at the twelfth hour.
    for (let m = 20; m < 12 * 60; m += 20) expect(await live(userId, sessionId, minutes(m))).not.toBeNull();
    expect(await live(userId, sessionId, minutes(12 * 60 + 5))).toBeNull();
    expect(await reasonOf(sessionId)).toBe("max_age");
  });

  it("a password change ends the other sessions and keeps the one in use", async () => {
    const userId = await person();
    const here = await startSession({ userId, clientAddress: null, userAgent: null });
    const elsewhere = await startSession({ userId, clientAddress: null, userAgent: null });
    expect((await listLiveSessions(userId)).map((s) => s.id).sort()).toEqual([here, elsewhere].sort());
    expect(await changeOwnPassword({ userId, sessionId: here, currentPassword: PASSWORD, newPassword: "another-good-password", clientAddress: null })).toEqual({
      otherSessionsEnded: 1,
    });
    expect(await live(userId, here)).not.toBeNull();
    expect(await live(userId, elsewhere)).toBeNull();
    expect(await reasonOf(elsewhere)).toBe("password_changed");
  });

  it("disabling an account or resetting its password ends all its sessions", async () => {
    const disabled = await person();
    const a = await startSession({ userId: disabled, clientAddress: null, userAgent: null });
    await setAccountDisabled({ actor: admin, userId: disabled, disabled: true, clientAddress: null });
    expect(await reasonOf(a)).toBe("disabled");
    await setAccountDisabled({ actor: admin, userId: disabled, disabled: false, clientAddress: null });
    expect(await live(disabled, a)).toBeNull(); // enabling again does not bring an ended session back

    const reset = await person();
    const b = await startSession({ userId: reset, clientAddress: null, userAgent: null });
    await resetAccountPassword({ actor: admin, userId: reset, clientAddress: null });
    expect(await reasonOf(b)).toBe("password_reset");
  });

  it("lets a person end their own sessions and nobody else's, auditing both", async () => {
    const owner = await person();
    const stranger = await person();
    const sessionId = await startSession({ userId: owner, clientAddress: null, userAgent: null });
    const strangerActor: Actor = { id: stranger, displayName: "陌生人", isPlatformAdmin: false, memberships: [] };
    expect((await refusal(endOwnSession({ actor: strangerActor, sessionId, clientAddress: "10.0.0.9" }))).code).toBe("NOT_FOUND");
    expect(await live(owner, sessionId)).not.toBeNull();
    await endOwnSession({ actor: { ...strangerActor, id: owner }, sessionId, clientAddress: null });
    expect(await reasonOf(sessionId)).toBe("ended_by_user");
    expect(await db().auditEntry.count({ where: { actorId: stranger, action: "request.refused" } })).toBe(1);
    expect(await db().auditEntry.count({ where: { actorId: owner, action: "auth.session_ended" } })).toBe(1);
  });
});
