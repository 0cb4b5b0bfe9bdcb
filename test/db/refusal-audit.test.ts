// Every refusal is audited (who, what was attempted, on what, why), and a script cannot flood the log.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { startCorrection } from "@/lib/publish/correct-or-withdraw";
import { publishReport } from "@/lib/publish/publish-report";
import { createOrgan, setOrganDeadline } from "@/lib/organs/save-organ";
import { createReport } from "@/lib/reports/create-report";
import { createUser } from "@/lib/users/create-user";
import { resetAccountPassword } from "@/lib/users/manage-account";
import { platformAdmin, refusal, tag } from "./fixtures";

const clientAddress = "10.1.2.3";
type Details = { attempt: string; code: string; reason: string; note?: string };

describe("refusals in the audit log", () => {
  let townA: string, townB: string;
  let authorA: Actor, adminA: Actor, userB: string;

  beforeAll(async () => {
    const organ = async (name: string) =>
      (
        await createOrgan({
          actor: platformAdmin,
          input: { name: `${name}${tag()}`, shortName: name, kind: "TOWNSHIP", code: `R${tag()}`, parentId: null, deadlineMonth: 1, deadlineDay: 31 },
          clientAddress,
        })
      ).id;
    townA = await organ("甲镇");
    townB = await organ("乙镇");
    const person = async (organId: string, role: "AUTHOR" | "ORGAN_ADMIN"): Promise<Actor> => {
      const user = await createUser({ actor: platformAdmin, organId, username: `r-${tag()}`, displayName: role, password: "a-good-password", roles: [role], clientAddress });
      return { id: user.id, displayName: role, isPlatformAdmin: false, memberships: [{ organId, role }] };
    };
    authorA = await person(townA, "AUTHOR");
    adminA = await person(townA, "ORGAN_ADMIN");
    userB = (await person(townB, "AUTHOR")).id;
  });
  afterAll(async () => db().$disconnect());

  const refusalsBy = async (actor: Actor) =>
    (
      await db().auditEntry.findMany({
        where: { actorId: actor.id, action: "request.refused" },
        orderBy: { id: "asc" },
        select: { details: true, targetType: true, targetId: true, organId: true, clientAddress: true },
      })
    ).map((e) => ({ ...e, details: e.details as Details }));

  it("keeps each refused act: permission, the report's state, another organ's account", async () => {
    const { id: reportId } = await createReport({ actor: authorA, organId: townA, year: 2023, clientAddress });
    await refusal(publishReport({ actor: authorA, reportId, correctionNote: "", clientAddress }));
    await refusal(setOrganDeadline({ actor: authorA, organId: townB, deadlineMonth: 2, deadlineDay: 1, clientAddress }));
    await refusal(createUser({ actor: authorA, organId: townA, username: `x-${tag()}`, displayName: "x", password: "a-good-password", roles: ["AUTHOR"], clientAddress }));
    await refusal(resetAccountPassword({ actor: adminA, userId: userB, clientAddress }));
    await refusal(startCorrection({ actor: adminA, reportId, clientAddress }));

    expect(await refusalsBy(authorA)).toEqual([
      { details: expect.objectContaining({ attempt: "report.publish", code: "NOT_FOUND" }), targetType: "report", targetId: reportId, organId: townA, clientAddress },
      { details: expect.objectContaining({ attempt: "organ.setDeadline", code: "NOT_FOUND" }), targetType: "organ", targetId: townB, organId: townB, clientAddress },
      { details: expect.objectContaining({ attempt: "user.create", code: "NOT_FOUND" }), targetType: "organ", targetId: townA, organId: townA, clientAddress },
    ]);
    const byAdmin = await refusalsBy(adminA);
    expect(byAdmin.map((e) => [e.details.attempt, e.targetType, e.targetId])).toEqual([
      ["user.resetPassword", "user", userB],
      ["report.startCorrection", "report", reportId],
    ]);
    for (const entry of [...(await refusalsBy(authorA)), ...byAdmin]) expect(entry.details.reason).toMatch(/[\u4e00-\u9fff]/);
  });

  it("writes the first refusals of a minute in full, then only counts them", async () => {
    const prober = {
      ...authorA,
      id: (await createUser({ actor: platformAdmin, organId: townA, username: `p-${tag()}`, displayName: "试探", password: "a-good-password", roles: ["AUTHOR"], clientAddress }))
        .id,
    };
    const attempts = 25;
    for (let i = 0; i < attempts; i++) await refusal(setOrganDeadline({ actor: prober, organId: townB, deadlineMonth: 2, deadlineDay: 1, clientAddress }));
    const tallies = await db().refusalTally.findMany({ where: { key: `user:${prober.id}|organ.setDeadline` } });
    expect(tallies.reduce((sum, t) => sum + t.count, 0)).toBe(attempts);
    const entries = await refusalsBy(prober);
    // Ten in full and one saying the rest are counted, per minute (the loop may straddle two).
    expect(entries.length).toBe(tallies.reduce((sum, t) => sum + Math.min(t.count, 11), 0));
    expect(entries.length).toBeLessThan(attempts);
    expect(entries.filter((e) => e.details.note).length).toBe(tallies.filter((t) => t.count > 10).length);
    expect(entries.find((e) => e.details.note)?.details.note).toContain("只计数");
  });
});
