// Review notifications by email: each event queues its messages in its own transaction, and
// the outbox's sender delivers them to a real SMTP server on loopback.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import type { Role } from "@/lib/domain/roles";
import { db } from "@/lib/db/client";
import { sendDueMail } from "@/lib/notify/outbox";
import { queueReviewNotice } from "@/lib/reports/notify-review";
import { createOrgan } from "@/lib/organs/save-organ";
import { toReportJson } from "@/lib/report-files/report-json";
import { createReport } from "@/lib/reports/create-report";
import { decideStage } from "@/lib/reports/decide-stage";
import { importReport } from "@/lib/reports/import-report";
import { submitReport } from "@/lib/reports/submit-report";
import { createUser } from "@/lib/users/create-user";
import { validDraft } from "../unit/report-fixtures";
import { platformAdmin, tag } from "./fixtures";
import { startSmtpSink } from "./smtp-sink";

describe("email notifications", () => {
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;

  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await sink.stop();
    await db().$disconnect();
  });

  /** What the sender delivers of what is queued now. */
  const sent = async () => {
    await sendDueMail(db());
    return sink.received;
  };

  it("tells the next stage's eligible reviewers when a report lands, and the author when it comes back", async () => {
    const code = `N${tag()}`;
    const name = `通知镇${tag()}`;
    const { id: organId } = await createOrgan({
      actor: platformAdmin,
      clientAddress: null,
      input: { name, shortName: "通知", kind: "TOWNSHIP", code, parentId: null, deadlineMonth: 1, deadlineDay: 31 },
    });
    const person = async (who: string, role: Role, email: string | null): Promise<Actor> => {
      const user = await createUser({
        actor: platformAdmin,
        organId,
        username: `n-${tag()}`,
        displayName: who,
        email,
        password: "a-good-password",
        roles: [role],
        clientAddress: null,
      });
      return { id: user.id, displayName: who, isPlatformAdmin: false, memberships: [{ organId, role }] };
    };
    const author = await person("撰稿", "AUTHOR", "author@example.test");
    const first = await person("初审", "FIRST_REVIEWER", "first@example.test");
    await person("无邮箱初审", "FIRST_REVIEWER", null);
    const second = await person("复审", "SECOND_REVIEWER", "second@example.test");

    const { id: reportId } = await createReport({ actor: author, organId, year: 2030, clientAddress: null });
    await importReport({
      actor: author,
      reportId,
      clientAddress: null,
      raw: toReportJson({ organ: { name, code, kind: "TOWNSHIP" }, year: 2030, title: "", sections: validDraft() }),
    });
    const round = await submitReport({ actor: author, reportId, clientAddress: null });
    expect(await sent()).toHaveLength(1);
    expect(sink.received[0]).toMatchObject({ to: ["first@example.test"] });
    expect(sink.received[0]!.body).toContain("Subject: =?UTF-8?"); // encoded Chinese subject

    await decideStage({ actor: first, reportId, roundId: round.id, stageIndex: 0, verdict: "approve", comment: "", warningReasons: {}, scanReasons: {}, clientAddress: null });
    expect(await sent()).toHaveLength(2);
    expect(sink.received[1]).toMatchObject({ to: ["second@example.test"] });

    await decideStage({
      actor: second,
      reportId,
      roundId: round.id,
      stageIndex: 1,
      verdict: "return",
      comment: "数字需核对",
      warningReasons: {},
      scanReasons: {},
      clientAddress: null,
    });
    expect(await sent()).toHaveLength(3);
    expect(sink.received[2]).toMatchObject({ to: ["author@example.test"] });
  });

  it("queues nothing when SMTP is not configured", async () => {
    const host = process.env.SMTP_HOST;
    delete process.env.SMTP_HOST;
    try {
      expect(await db().$transaction((tx) => queueReviewNotice(tx, { kind: "returned", reportId: "00000000-0000-4000-8000-000000000000" }))).toBe(0);
    } finally {
      process.env.SMTP_HOST = host;
    }
  });
});
