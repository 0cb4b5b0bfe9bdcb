// The metadata the 发布人 sets at publication (issue 13): 发文日期, 文件编号, and the 索引号 either
// allocated by the platform for the 发文日期's year (from a starting serial the organ's 管理员 may
// set) or entered as another platform allocated it. Each bad input is refused at its field, with
// nothing changed, and audited.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { chinaDateOf } from "@/lib/domain/publication-metadata";
import type { Role } from "@/lib/domain/roles";
import { createOrgan } from "@/lib/organs/save-organ";
import { setIndexSerialStart } from "@/lib/organs/set-index-serial-start";
import { publishReport, type PublishMetadataInput } from "@/lib/publish/publish-report";
import { readPublishedSnapshot } from "@/lib/publish/snapshot";
import { toReportJson } from "@/lib/report-files/report-json";
import { createReport } from "@/lib/reports/create-report";
import { decideStage } from "@/lib/reports/decide-stage";
import { importReport } from "@/lib/reports/import-report";
import { submitReport } from "@/lib/reports/submit-report";
import { createUser } from "@/lib/users/create-user";
import { validDraft } from "../unit/report-fixtures";
import { platformAdmin, refusal, tag } from "./fixtures";

const clientAddress = null;
const DAY_MS = 86_400_000;

describe("publication metadata", () => {
  let organ: { id: string; code: string; name: string };
  const people: Record<string, Actor> = {};
  let year = 2030;

  /** A report approved by three stages; `approvedOn` moves the approvals to that day (behind the app's back), as if approved then. */
  async function approved(approvedOn?: string) {
    // Two years apart: a report of the year after another would warn of text copied from it.
    const reportYear = (year += 2);
    const { id: reportId } = await createReport({ actor: people.author!, organId: organ.id, year: reportYear, clientAddress });
    await importReport({
      actor: people.author!,
      reportId,
      clientAddress,
      raw: toReportJson({ organ: { name: organ.name, code: organ.code, kind: "TOWNSHIP" }, year: reportYear, title: "", sections: validDraft() }),
    });
    const round = await submitReport({ actor: people.author!, reportId, clientAddress });
    for (const [stageIndex, who] of ["first", "second", "final"].entries()) {
      await decideStage({ actor: people[who]!, reportId, roundId: round.id, stageIndex, verdict: "approve", comment: "", warningReasons: {}, scanReasons: {}, clientAddress });
    }
    if (approvedOn) {
      const sql = new pg.Client({ connectionString: process.env.MIGRATION_DATABASE_URL });
      await sql.connect();
      await sql.query(`UPDATE "ReviewAction" SET "createdAt" = $2::date + time '10:00' - interval '8 hours' WHERE "roundId" = $1`, [round.id, approvedOn]);
      await sql.end();
    }
    return reportId;
  }

  const publish = (reportId: string, metadata: PublishMetadataInput) => publishReport({ actor: people.publisher!, reportId, correctionNote: "", metadata, clientAddress });

  /** A refusal leaves the report approved and unpublished, and is in the audit log. */
  async function refusedAt(reportId: string, metadata: PublishMetadataInput) {
    const error = await refusal(publish(reportId, metadata));
    expect(await db().report.findUniqueOrThrow({ where: { id: reportId }, select: { status: true, indexNumber: true } })).toEqual({ status: "APPROVED", indexNumber: null });
    expect(await db().publication.count({ where: { reportId } })).toBe(0);
    const audited = await db().auditEntry.findFirst({ where: { action: "request.refused", targetId: reportId }, orderBy: { id: "desc" }, select: { details: true } });
    expect(JSON.stringify(audited?.details)).toContain(error.userMessage);
    return error.fieldErrors;
  }

  beforeAll(async () => {
    const code = `M${tag()}`;
    const name = `元数据镇${tag()}`;
    organ = {
      id: (
        await createOrgan({ actor: platformAdmin, clientAddress, input: { name, shortName: "元数据", kind: "TOWNSHIP", code, parentId: null, deadlineMonth: 1, deadlineDay: 31 } })
      ).id,
      code,
      name,
    };
    const roles: Array<[string, Role]> = [
      ["author", "AUTHOR"],
      ["first", "FIRST_REVIEWER"],
      ["second", "SECOND_REVIEWER"],
      ["final", "FINAL_REVIEWER"],
      ["publisher", "PUBLISHER"],
      ["admin", "ORGAN_ADMIN"],
    ];
    for (const [who, role] of roles) {
      const user = await createUser({
        actor: platformAdmin,
        organId: organ.id,
        username: `m-${tag()}`,
        displayName: who,
        password: "a-good-password",
        roles: [role],
        clientAddress,
      });
      people[who] = { id: user.id, displayName: who, isPlatformAdmin: false, memberships: [{ organId: organ.id, role }] };
    }
  });
  afterAll(async () => db().$disconnect());

  it("publishes with a chosen 发文日期 and 文件编号; the platform's 索引号 takes the 发文日期's year", async () => {
    const reportId = await approved("2025-01-10");
    const published = await publish(reportId, { issuedOn: "2025-01-16", documentNumber: " 元数据镇〔2025〕2号 ", indexMode: "platform" });
    expect(published.indexNumber).toBe(`${organ.code}/2025-00001`);
    const row = await db().publication.findFirstOrThrow({
      where: { reportId },
      select: { issuedOn: true, documentNumber: true, snapshot: true, pages: { where: { script: "hans", variant: "latest" }, select: { html: true } } },
    });
    expect([row.issuedOn?.toISOString().slice(0, 10), row.documentNumber]).toEqual(["2025-01-16", "元数据镇〔2025〕2号"]);
    const snapshot = readPublishedSnapshot(row.snapshot);
    expect([snapshot.issuedOn, snapshot.documentNumber, snapshot.indexNumber]).toEqual(["2025-01-16", "元数据镇〔2025〕2号", published.indexNumber]);
    const page = row.pages[0]!.html;
    expect(page).toContain("<dt>发文日期</dt><dd>2025年1月16日</dd>");
    expect(page).toContain("<dt>文件编号</dt><dd>元数据镇〔2025〕2号</dd>");
    expect((await db().report.findUniqueOrThrow({ where: { id: reportId }, select: { indexNumber: true } })).indexNumber).toBe(published.indexNumber);
    const entry = await db().auditEntry.findFirstOrThrow({ where: { action: "report.published", targetId: reportId }, select: { details: true } });
    expect(entry.details).toMatchObject({ indexNumber: published.indexNumber, indexSource: "platform", issuedOn: "2025-01-16", documentNumber: "元数据镇〔2025〕2号" });
  });

  it("defaults the 发文日期 to today in China", async () => {
    const reportId = await approved();
    const published = await publish(reportId, {});
    const row = await db().publication.findFirstOrThrow({ where: { reportId }, select: { issuedOn: true, documentNumber: true } });
    expect([row.issuedOn?.toISOString().slice(0, 10), row.documentNumber]).toEqual([chinaDateOf(new Date()), null]);
    expect(published.indexNumber.startsWith(`${organ.code}/${chinaDateOf(new Date()).slice(0, 4)}-`)).toBe(true);
  });

  it("records a 索引号 another platform allocated, without using a serial of its own", async () => {
    const reportId = await approved("2025-01-10");
    const external = "001008004005097/2025-01220";
    const published = await publish(reportId, { issuedOn: "2025-01-16", indexMode: "external", indexNumber: ` ${external} ` });
    expect(published.indexNumber).toBe(external);
    const page = await db().publishedPage.findFirstOrThrow({ where: { publication: { reportId }, script: "hans", variant: "latest" }, select: { html: true } });
    expect(page.html).toContain(`<dt>索引号</dt><dd>${external}</dd>`);
    const entry = await db().auditEntry.findFirstOrThrow({ where: { action: "report.published", targetId: reportId }, select: { details: true } });
    expect(entry.details).toMatchObject({ indexSource: "external", indexNumber: external });
    // The platform's own count for 2025 did not move.
    expect((await db().indexSerial.findUniqueOrThrow({ where: { organId_year: { organId: organ.id, year: 2025 } } })).lastSerial).toBe(1);
  });

  it("refuses a 发文日期 in the future or before the final approval, and a 索引号 malformed, of another year or already used", async () => {
    const reportId = await approved("2025-01-10");
    const tomorrow = chinaDateOf(new Date(Date.now() + DAY_MS));
    expect(await refusedAt(reportId, { issuedOn: tomorrow })).toEqual({ issuedOn: expect.stringContaining("发文日期不能晚于今天") });
    expect(await refusedAt(reportId, { issuedOn: "2025-01-09" })).toEqual({ issuedOn: "发文日期不能早于终审通过的日期（2025年1月10日）。" });
    expect(await refusedAt(reportId, { issuedOn: "2025-02-30" })).toEqual({ issuedOn: "请填写有效的发文日期（年-月-日）。" });
    const external = (indexNumber: string) => refusedAt(reportId, { issuedOn: "2025-01-16", indexMode: "external", indexNumber });
    expect(await external("")).toEqual({ indexNumber: "请填写其他平台分配的索引号。" });
    expect(await external("００１/２０２５-１")).toEqual({ indexNumber: expect.stringContaining("全角") });
    expect(await external("001 2025 01220")).toEqual({ indexNumber: expect.stringContaining("只能包含字母、数字") });
    expect(await external("001008004005097/2024-01220")).toEqual({ indexNumber: expect.stringContaining("年份 2025") });
    // The number the previous test recorded, and one this platform allocated.
    expect(await external("001008004005097/2025-01220")).toEqual({ indexNumber: "该索引号已被使用，请核对后重新填写。" });
    expect(await external(`${organ.code}/2025-00001`)).toEqual({ indexNumber: "该索引号已被使用，请核对后重新填写。" });
    // A good one then goes through.
    expect((await publish(reportId, { issuedOn: "2025-01-10", indexMode: "external", indexNumber: "FJ00142-0200-2025-00009" })).indexNumber).toBe("FJ00142-0200-2025-00009");
  });

  it("starts the platform's serials where the organ's 管理员 says, never going back, and skips a number already recorded", async () => {
    expect((await refusal(setIndexSerialStart({ actor: people.publisher!, organId: organ.id, year: 2025, start: 1220, clientAddress }))).code).toBe("NOT_FOUND");
    expect(await setIndexSerialStart({ actor: people.admin!, organId: organ.id, year: 2025, start: 1220, clientAddress })).toEqual({ next: `${organ.code}/2025-01220` });
    const audited = await db().auditEntry.findFirstOrThrow({ where: { action: "organ.indexSerialSet", organId: organ.id }, select: { actorName: true, details: true } });
    expect(audited).toEqual({ actorName: "admin", details: { year: 2025, start: 1220, previousLastSerial: 1, next: `${organ.code}/2025-01220` } });

    // Another platform's number that happens to be the platform's next: the platform skips it.
    const external = await approved("2025-01-10");
    await publish(external, { issuedOn: "2025-01-20", indexMode: "external", indexNumber: `${organ.code}/2025-01220` });
    const next = await approved("2025-01-10");
    expect((await publish(next, { issuedOn: "2025-02-01" })).indexNumber).toBe(`${organ.code}/2025-01221`);

    const backwards = await refusal(setIndexSerialStart({ actor: people.admin!, organId: organ.id, year: 2025, start: 1000, clientAddress }));
    expect(backwards.fieldErrors).toEqual({ start: "2025 年已分配到第 1221 号，起始流水号至少应为 1222。" });
    // A year not yet used starts fresh at 1.
    expect(await setIndexSerialStart({ actor: people.admin!, organId: organ.id, year: 2024, start: 1, clientAddress })).toEqual({ next: `${organ.code}/2024-00001` });
  });

  it("gives concurrent publications of one organ and year different serials", async () => {
    const reports = [await approved("2025-01-10"), await approved("2025-01-10"), await approved("2025-01-10")];
    const published = await Promise.all(reports.map((reportId) => publish(reportId, { issuedOn: "2025-03-01" })));
    const serials = published.map((p) => Number(p.indexNumber.split("-").at(-1))).sort((a, b) => a - b);
    expect(serials).toEqual([1222, 1223, 1224]);
  });
});
