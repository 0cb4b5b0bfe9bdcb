// Review notifications by email, received by a real SMTP server on loopback.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import type { Role } from "@/lib/domain/roles";
import { db } from "@/lib/db/client";
import { notifyReview } from "@/lib/reports/notify-review";
import { createOrgan } from "@/lib/organs/save-organ";
import { toReportJson } from "@/lib/report-files/report-json";
import { createReport } from "@/lib/reports/create-report";
import { decideStage } from "@/lib/reports/decide-stage";
import { importReport } from "@/lib/reports/import-report";
import { submitReport } from "@/lib/reports/submit-report";
import { createUser } from "@/lib/users/create-user";
import { validDraft } from "../unit/report-fixtures";
import { platformAdmin, tag } from "./fixtures";

type Mail = { to: string[]; body: string };

describe("email notifications", () => {
  const received: Mail[] = [];
  let server: SMTPServer;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onData(stream, session, callback) {
        let body = "";
        stream.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
        stream.on("end", () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), body });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    process.env.SMTP_HOST = "127.0.0.1";
    process.env.SMTP_PORT = String((server.server.address() as AddressInfo).port);
    process.env.SMTP_FROM = "年报工作台 <no-reply@example.test>";
  });
  afterAll(async () => {
    delete process.env.SMTP_HOST;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await db().$disconnect();
  });

  const waitForMail = async (count: number) => {
    for (let i = 0; i < 100 && received.length < count; i++) await new Promise((r) => setTimeout(r, 50));
    return received;
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
    expect((await waitForMail(1))[0]).toMatchObject({ to: ["first@example.test"] });
    expect(received[0]!.body).toContain("Subject: =?UTF-8?"); // encoded Chinese subject

    await decideStage({ actor: first, reportId, roundId: round.id, stageIndex: 0, verdict: "approve", comment: "", warningReasons: {}, scanReasons: {}, clientAddress: null });
    expect((await waitForMail(2))[1]).toMatchObject({ to: ["second@example.test"] });

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
    expect((await waitForMail(3))[2]).toMatchObject({ to: ["author@example.test"] });
  });

  it("sends nothing when SMTP is not configured", async () => {
    const host = process.env.SMTP_HOST;
    delete process.env.SMTP_HOST;
    try {
      expect(await notifyReview({ kind: "returned", reportId: "00000000-0000-4000-8000-000000000000" })).toBe(0);
    } finally {
      process.env.SMTP_HOST = host;
    }
  });
});
