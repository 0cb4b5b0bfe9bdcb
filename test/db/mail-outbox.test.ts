// The mail outbox's promises: a message exists exactly when its event committed, a restart
// loses none, two senders never send the same one, failures are retried with backoff and
// finally given up; a sender that dies mid-send leaves the message to another.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createPrismaClient } from "@/lib/db/create-client";
import { MAX_ATTEMPTS, queueMail, retryDelayMs, sendDueMail } from "@/lib/notify/outbox";
import { tag } from "./fixtures";
import { startSmtpSink } from "./smtp-sink";

/** Another instance's own connection pool, as a second process would have it. */
const otherInstance = (name: string) => {
  const url = new URL(process.env.DATABASE_URL!);
  url.searchParams.set("application_name", name);
  return createPrismaClient(url.toString(), 2);
};

const queue = (mails: Array<{ to: string; subject?: string }>) =>
  db().$transaction((tx) =>
    queueMail(
      tx,
      mails.map((m) => ({ to: m.to, subject: m.subject ?? "测试", text: "正文" })),
    ),
  );

const rowsFor = (recipients: string[]) => db().mailOutbox.findMany({ where: { recipient: { in: recipients } }, orderBy: { id: "asc" } });

describe("the mail outbox", () => {
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  const busy = new Map<string, number>(); // recipient → attempts still to refuse

  beforeAll(async () => {
    sink = await startSmtpSink({
      delayMs: 15,
      refuse: (to) => {
        const left = busy.get(to) ?? 0;
        if (left > 0) busy.set(to, left - 1);
        return left > 0;
      },
    });
  });
  afterAll(async () => {
    await sink.stop();
    await db().$disconnect();
  });

  it("keeps a message only when its event commits, and a restarted instance sends it", async () => {
    const kept = `kept-${tag()}@example.test`;
    const lost = `rolled-back-${tag()}@example.test`;
    await queue([{ to: kept }]);
    await expect(
      db().$transaction(async (tx) => {
        await queueMail(tx, [{ to: lost, subject: "x", text: "x" }]);
        throw new Error("the event failed");
      }),
    ).rejects.toThrow("the event failed");
    expect((await rowsFor([kept, lost])).map((r) => [r.recipient, r.sentAt])).toEqual([[kept, null]]);
    // Nothing in the queuing process is needed: a new process with its own pool sends it.
    const restarted = otherInstance("restarted");
    try {
      expect(await sendDueMail(restarted)).toEqual({ sent: 1, failed: 0 });
    } finally {
      await restarted.$disconnect();
    }
    expect(sink.received.filter((m) => m.to.includes(kept))).toHaveLength(1);
    expect((await rowsFor([kept]))[0]).toMatchObject({ attempts: 1, lastError: null, sentAt: expect.any(Date) });
  });

  it("never sends one message twice with two senders at work", async () => {
    const recipients = Array.from({ length: 40 }, (_, i) => `many-${i}-${tag()}@example.test`);
    await queue(recipients.map((to) => ({ to })));
    const [a, b] = [otherInstance("sender-a"), otherInstance("sender-b")];
    try {
      const [byA, byB] = await Promise.all([sendDueMail(a), sendDueMail(b)]);
      expect(byA.sent + byB.sent).toBe(40);
      // Both really worked at once (each message takes the SMTP server at least 15 ms).
      expect(byA.sent).toBeGreaterThan(0);
      expect(byB.sent).toBeGreaterThan(0);
    } finally {
      await Promise.all([a.$disconnect(), b.$disconnect()]);
    }
    for (const to of recipients)
      expect(
        sink.received.filter((m) => m.to.includes(to)),
        to,
      ).toHaveLength(1);
    expect((await rowsFor(recipients)).every((r) => r.sentAt && r.attempts === 1)).toBe(true);
  });

  it("retries a refused message after a growing delay, then sends it", async () => {
    const to = `busy-${tag()}@example.test`;
    busy.set(to, 2);
    await queue([{ to }]);
    const delays: number[] = [];
    const minutes = (failed: number) => {
      delays.push(failed);
      return 60_000 * failed;
    };
    // How long the row still waits by the database's clock, and the wait having passed (no sleeping: nothing here depends on speed).
    const waitSeconds = async () =>
      (await db().$queryRaw<Array<{ s: number }>>`SELECT extract(epoch FROM "nextAttemptAt" - now())::float8 AS s FROM "MailOutbox" WHERE recipient = ${to}`)[0]!.s;
    const waitPasses = () => db().$executeRaw`UPDATE "MailOutbox" SET "nextAttemptAt" = now() WHERE recipient = ${to}`;
    expect(await sendDueMail(db(), { retryDelayMs: minutes })).toEqual({ sent: 0, failed: 1 });
    const [afterOne] = await rowsFor([to]);
    expect(afterOne).toMatchObject({ attempts: 1, sentAt: null, failedAt: null, lastError: expect.stringContaining("busy") });
    expect(await waitSeconds()).toBeGreaterThan(30);
    expect(await waitSeconds()).toBeLessThanOrEqual(60);
    // Not due yet: nothing is tried.
    expect(await sendDueMail(db(), { retryDelayMs: minutes })).toEqual({ sent: 0, failed: 0 });
    await waitPasses();
    expect(await sendDueMail(db(), { retryDelayMs: minutes })).toEqual({ sent: 0, failed: 1 });
    expect(await waitSeconds()).toBeGreaterThan(90); // the second wait is twice the first
    expect(await waitSeconds()).toBeLessThanOrEqual(120);
    expect(await sendDueMail(db(), { retryDelayMs: minutes })).toEqual({ sent: 0, failed: 0 });
    await waitPasses();
    expect(await sendDueMail(db(), { retryDelayMs: minutes })).toEqual({ sent: 1, failed: 0 });
    expect(delays).toEqual([1, 2]);
    expect((await rowsFor([to]))[0]).toMatchObject({ attempts: 3, lastError: null, sentAt: expect.any(Date) });
    expect(sink.received.filter((m) => m.to.includes(to))).toHaveLength(1);
    // The real schedule: 30 s, 1 min, 2 min, …, never more than an hour.
    expect([1, 2, 3, 8, 20].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 3_600_000, 3_600_000]);
  });

  it("gives a message up after the last attempt and keeps why", async () => {
    const to = `never-${tag()}@example.test`;
    await queue([{ to }]);
    const failing = async () => {
      throw new Error("relay denied");
    };
    for (let i = 0; i < MAX_ATTEMPTS; i++) expect(await sendDueMail(db(), { retryDelayMs: () => 0, deliver: failing })).toEqual({ sent: 0, failed: 1 });
    expect(await sendDueMail(db(), { retryDelayMs: () => 0, deliver: failing })).toEqual({ sent: 0, failed: 0 });
    expect((await rowsFor([to]))[0]).toMatchObject({ attempts: MAX_ATTEMPTS, sentAt: null, failedAt: expect.any(Date), lastError: "relay denied" });
  });

  it("leaves a message whose sender died mid-send to another sender", async () => {
    const to = `orphan-${tag()}@example.test`;
    await queue([{ to }]);
    const dying = otherInstance(`dying-${tag()}`);
    let claimed!: () => void;
    const isClaimed = new Promise<void>((resolve) => (claimed = resolve));
    let finish!: () => void;
    const stuck = sendDueMail(dying, {
      deliver: () => {
        claimed();
        return new Promise<void>((resolve) => (finish = resolve));
      },
    });
    await isClaimed;
    // While it holds the row, another sender skips it rather than waiting or sending it too.
    expect(await sendDueMail(db())).toEqual({ sent: 0, failed: 0 });
    // The dying instance's connection goes away before it could mark the row sent.
    const admin = new pg.Client({ connectionString: process.env.NIANBAO_TEST_SUPERUSER_URL!.replace(/\/[^/]*$/, `/${new URL(process.env.DATABASE_URL!).pathname.slice(1)}`) });
    await admin.connect();
    await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name LIKE 'dying-%'");
    await admin.end();
    finish();
    await expect(stuck).rejects.toThrow();
    await dying.$disconnect().catch(() => undefined);
    expect(await sendDueMail(db())).toEqual({ sent: 1, failed: 0 });
    expect(sink.received.filter((m) => m.to.includes(to))).toHaveLength(1);
  });
});
