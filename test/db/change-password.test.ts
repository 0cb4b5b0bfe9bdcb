// Confirming one's current password is guarded like signing in (S6).
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { authenticate } from "@/lib/auth/authenticate";
import { hashPassword } from "@/lib/auth/password-hash";
import { db } from "@/lib/db/client";
import { changeOwnPassword } from "@/lib/users/change-own-password";
import { refusal } from "./fixtures";

const PASSWORD = "correct-horse-battery";

describe("changing one's own password", () => {
  afterAll(async () => db().$disconnect());

  it("counts wrong current passwords toward the lockout, audits each, and then refuses even the right one", async () => {
    const username = `pw-${randomBytes(4).toString("hex")}`;
    const { id: userId } = await db().user.create({ data: { username, displayName: "改密", passwordHash: await hashPassword(PASSWORD) } });
    const attempt = (currentPassword: string) =>
      changeOwnPassword({ userId, sessionId: "00000000-0000-4000-8000-000000000001", currentPassword, newPassword: "a-new-good-password", clientAddress: "10.5.5.5" });

    const codes = [];
    for (let i = 0; i < 5; i++) codes.push((await refusal(attempt(`guess-${i}`))).code);
    expect(codes).toEqual(["INVALID_INPUT", "INVALID_INPUT", "INVALID_INPUT", "INVALID_INPUT", "LOCKED"]);
    expect((await refusal(attempt(PASSWORD))).userMessage).toContain("锁定");
    // The same counter guards the sign-in.
    expect(await authenticate({ username, password: PASSWORD, clientAddress: null })).toEqual({ ok: false, reason: "LOCKED" });

    const actions = await db().auditEntry.findMany({ where: { targetId: userId }, orderBy: { id: "asc" }, select: { action: true, details: true } });
    expect(actions.filter((a) => a.action === "auth.password_change_failed").map((a) => (a.details as { reason: string }).reason)).toEqual([
      ...Array<string>(5).fill("wrong_password"),
      "locked",
    ]);
    expect(actions.some((a) => a.action === "auth.locked")).toBe(true);
    expect(await db().auditEntry.count({ where: { targetId: userId, action: "auth.password_changed" } })).toBe(0);
  });
});
