import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { authenticate } from "@/lib/auth/authenticate";
import { hashPassword } from "@/lib/auth/password-hash";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db/client";

const PASSWORD = "correct-horse-battery";
const t0 = new Date();
const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

async function createAccount(options: { disabled?: boolean } = {}) {
  const username = `auth-test-${randomBytes(4).toString("hex")}`;
  const user = await db().user.create({
    data: { username, displayName: "测试用户", passwordHash: await hashPassword(PASSWORD), disabledAt: options.disabled ? new Date() : null },
  });
  return { id: user.id, username };
}

const auditOf = (userId: string) => db().auditEntry.findMany({ where: { targetId: userId }, orderBy: { id: "asc" }, select: { action: true, details: true, clientAddress: true } });

describe("authenticate", () => {
  afterAll(async () => db().$disconnect());

  it("signs in with the right password, any username case, and audits the login with the address", async () => {
    const { id, username } = await createAccount();
    const result = await authenticate({ username: ` ${username.toUpperCase()} `, password: PASSWORD, clientAddress: "10.1.2.3", now: t0 });
    expect(result).toMatchObject({ ok: true, user: { id } });
    expect(await auditOf(id)).toEqual([{ action: "auth.login", details: {}, clientAddress: "10.1.2.3" }]);
  });

  it("locks the account on the fifth wrong password in fifteen minutes, until fifteen minutes have passed", async () => {
    const { id, username } = await createAccount();
    const outcomes = [];
    for (let i = 0; i < 5; i++) {
      outcomes.push(await authenticate({ username, password: "wrong-password", clientAddress: null, now: later(i) }));
    }
    expect(outcomes.map((o) => (o.ok ? "ok" : o.reason))).toEqual(["INVALID_CREDENTIALS", "INVALID_CREDENTIALS", "INVALID_CREDENTIALS", "INVALID_CREDENTIALS", "LOCKED"]);
    // Even the right password is refused while locked.
    expect(await authenticate({ username, password: PASSWORD, clientAddress: null, now: later(10) })).toEqual({ ok: false, reason: "LOCKED" });
    expect(await authenticate({ username, password: PASSWORD, clientAddress: null, now: later(19.5) })).toMatchObject({ ok: true });
    const actions = (await auditOf(id)).map((e) => e.action);
    expect(actions.filter((a) => a === "auth.login_failed")).toHaveLength(6);
    expect(actions.filter((a) => a === "auth.locked")).toHaveLength(1);
    expect(actions.at(-1)).toBe("auth.login");
  });

  it("counts concurrent wrong passwords without losing any", async () => {
    const { id, username } = await createAccount();
    await Promise.all(Array.from({ length: 4 }, () => authenticate({ username, password: "wrong-password", clientAddress: null, now: t0 })));
    const state = await db().loginThrottle.findUniqueOrThrow({ where: { key: `name:${username}` }, select: { failedLoginCount: true } });
    expect(state.failedLoginCount).toBe(4);
    expect(id).toBeTruthy();
  });

  it("answers an unknown user exactly like a wrong password, and audits the attempt", async () => {
    const username = `nobody-${randomBytes(4).toString("hex")}`;
    expect(await authenticate({ username, password: "whatever-password", clientAddress: "10.9.9.9" })).toEqual({ ok: false, reason: "INVALID_CREDENTIALS" });
    const entry = await db().auditEntry.findFirst({ where: { actorName: username }, select: { action: true, details: true } });
    expect(entry).toEqual({ action: "auth.login_failed", details: { reason: "unknown_user" } });
  });

  it("refuses a 10,000-character username or empty fields as invalid input, storing only a shortened name in the audit", async () => {
    const usersBefore = await db().user.count();
    const huge = "x".repeat(10_000);
    expect(await authenticate({ username: huge, password: "p", clientAddress: null })).toEqual({ ok: false, reason: "INVALID_INPUT" });
    expect(await authenticate({ username: "", password: "", clientAddress: null })).toEqual({ ok: false, reason: "INVALID_INPUT" });
    expect(await authenticate({ username: undefined, password: undefined, clientAddress: null })).toEqual({ ok: false, reason: "INVALID_INPUT" });
    const entry = await db().auditEntry.findFirst({ where: { actorName: "x".repeat(64) }, select: { details: true } });
    expect(entry?.details).toEqual({ reason: "invalid_input" });
    expect(await db().user.count()).toBe(usersBefore);
  });

  it("locks an unknown name exactly like a real one, so the lockout tells nothing (S8)", async () => {
    const { username: real } = await createAccount();
    const unknown = `nobody-${randomBytes(4).toString("hex")}`;
    const answers = async (username: string) => {
      const out = [];
      for (let i = 0; i < 6; i++) out.push(await authenticate({ username, password: "wrong-password", clientAddress: null, now: later(i) }));
      return out.map((o) => (o.ok ? "ok" : o.reason));
    };
    const forUnknown = await answers(unknown);
    expect(forUnknown).toEqual(await answers(real));
    expect(forUnknown).toEqual(["INVALID_CREDENTIALS", "INVALID_CREDENTIALS", "INVALID_CREDENTIALS", "INVALID_CREDENTIALS", "LOCKED", "LOCKED"]);
    const lockedUnknown = await db().auditEntry.findFirst({ where: { actorName: unknown, action: "auth.locked" }, select: { details: true } });
    expect(lockedUnknown?.details).toMatchObject({ scope: "name", maxFailures: 5 });
  });

  it("blocks an address that tries too many names, whatever the name, until the window passes (per-address throttling)", async () => {
    const address = `10.77.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;
    const { username } = await createAccount();
    const limit = getConfig().addressMaxFailures;
    for (let i = 0; i < limit; i++) {
      const outcome = await authenticate({ username: `guess-${i}-${randomBytes(2).toString("hex")}`, password: "x-password", clientAddress: address, now: later(i / limit) });
      expect(outcome).toEqual({ ok: false, reason: i < limit - 1 ? "INVALID_CREDENTIALS" : "LOCKED" });
    }
    // Even a real account with the right password is refused from that address, and allowed from another.
    expect(await authenticate({ username, password: PASSWORD, clientAddress: address, now: later(5) })).toEqual({ ok: false, reason: "LOCKED" });
    expect(await authenticate({ username, password: PASSWORD, clientAddress: "10.78.0.1", now: later(5) })).toMatchObject({ ok: true });
    expect(await authenticate({ username, password: PASSWORD, clientAddress: address, now: later(20) })).toMatchObject({ ok: true });
    const entry = await db().auditEntry.findFirst({ where: { clientAddress: address, action: "auth.locked" }, select: { details: true } });
    expect(entry?.details).toMatchObject({ scope: "address", maxFailures: limit });
  });

  it("refuses a NUL byte or a lone surrogate in the name as invalid input, never a database error (S3)", async () => {
    const { username } = await createAccount();
    for (const bad of [`${username}\u0000x`, `${username}\ud800`]) {
      expect(await authenticate({ username: bad, password: PASSWORD, clientAddress: null })).toEqual({ ok: false, reason: "INVALID_INPUT" });
      expect(await authenticate({ username, password: `${PASSWORD}\u0000`, clientAddress: null })).toEqual({ ok: false, reason: "INVALID_INPUT" });
    }
    const logged = await db().auditEntry.findFirst({
      where: { actorName: { startsWith: username }, details: { equals: { reason: "invalid_input" } } },
      select: { actorName: true },
    });
    expect(logged?.actorName).not.toContain("\u0000");
  });

  it("tells a disabled account so only when the password is right", async () => {
    const { username } = await createAccount({ disabled: true });
    expect(await authenticate({ username, password: "wrong-password", clientAddress: null })).toEqual({ ok: false, reason: "INVALID_CREDENTIALS" });
    expect(await authenticate({ username, password: PASSWORD, clientAddress: null })).toEqual({ ok: false, reason: "DISABLED" });
  });
});
