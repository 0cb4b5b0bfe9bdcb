// Counters anyone can make grow are pruned once they no longer matter.
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { pruneCounters } from "@/lib/db/housekeeping";

describe("pruneCounters", () => {
  afterAll(async () => db().$disconnect());

  it("drops day-old refusal tallies and quiet throttle rows, and keeps what still counts", async () => {
    const tag = randomBytes(4).toString("hex");
    const now = new Date();
    const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
    await db().refusalTally.createMany({
      data: [
        { key: `user:old-${tag}|x`, minute: hoursAgo(30), count: 3 },
        { key: `user:new-${tag}|x`, minute: hoursAgo(1), count: 1 },
      ],
    });
    await db().loginThrottle.createMany({
      data: [
        { key: `name:stale-${tag}`, failedLoginCount: 2, failedLoginWindowStart: hoursAgo(30) },
        { key: `name:counting-${tag}`, failedLoginCount: 2, failedLoginWindowStart: hoursAgo(2) },
        { key: `name:locked-${tag}`, failedLoginCount: 5, failedLoginWindowStart: hoursAgo(30), lockedUntil: new Date(now.getTime() + 600_000) },
      ],
    });
    await pruneCounters(now);
    expect((await db().refusalTally.findMany({ where: { key: { contains: tag } }, select: { key: true } })).map((r) => r.key)).toEqual([`user:new-${tag}|x`]);
    expect((await db().loginThrottle.findMany({ where: { key: { contains: tag } }, select: { key: true }, orderBy: { key: "asc" } })).map((r) => r.key)).toEqual([
      `name:counting-${tag}`,
      `name:locked-${tag}`,
    ]);
  });
});
