import { readFile } from "node:fs/promises";
import path from "node:path";
import { gunzipSync, brotliDecompressSync } from "node:zlib";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkpointLine } from "@/lib/audit/checkpoint";
import type { Actor } from "@/lib/auth/permissions";
import type { Role } from "@/lib/domain/roles";
import { db } from "@/lib/db/client";
import { createOrgan, updateOrgan } from "@/lib/organs/save-organ";
import { startCorrection, withdrawPublished } from "@/lib/publish/correct-or-withdraw";
import { publishReport } from "@/lib/publish/publish-report";
import { toReportJson } from "@/lib/report-files/report-json";
import { createReport } from "@/lib/reports/create-report";
import { saveSection } from "@/lib/reports/save-section";
import { decideStage } from "@/lib/reports/decide-stage";
import { importReport } from "@/lib/reports/import-report";
import { findInbox } from "@/lib/reports/inbox";
import { submitReport } from "@/lib/reports/submit-report";
import { createUser } from "@/lib/users/create-user";
import { setCell, validDraft } from "../unit/report-fixtures";
import { platformAdmin, refusal, tag } from "./fixtures";

const clientAddress = null;

describe("publishing", () => {
  let organ: { id: string; code: string; name: string };
  const people: Record<string, Actor> = {};
  let year = 2060;

  async function approved() {
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
    return { reportId, year: reportYear };
  }

  beforeAll(async () => {
    const code = `P${tag()}`;
    const name = `发布镇${tag()}`;
    organ = {
      id: (
        await createOrgan({ actor: platformAdmin, clientAddress, input: { name, shortName: "发布", kind: "TOWNSHIP", code, parentId: null, deadlineMonth: 1, deadlineDay: 31 } })
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
    ];
    for (const [who, role] of roles) {
      const user = await createUser({
        actor: platformAdmin,
        organId: organ.id,
        username: `p-${tag()}`,
        displayName: who,
        password: "a-good-password",
        roles: [role],
        clientAddress,
      });
      people[who] = { id: user.id, displayName: who, isPlatformAdmin: false, memberships: [{ organId: organ.id, role }] };
    }
  });
  afterAll(async () => db().$disconnect());

  it("publishes the approved text with a fresh 索引号 per organ and year, and stores every page form", async () => {
    const first = await approved();
    const second = await approved();
    const a = await publishReport({ actor: people.publisher!, reportId: first.reportId, correctionNote: "", clientAddress });
    const b = await publishReport({ actor: people.publisher!, reportId: second.reportId, correctionNote: "", clientAddress });
    const [serialA, serialB] = [a.indexNumber, b.indexNumber].map((n) => Number(n.split("-").at(-1)));
    expect(a.indexNumber).toMatch(new RegExp(`^${organ.code}/\\d{4}-\\d{5}$`));
    expect(serialB).toBe(serialA! + 1);

    const pages = await db().publishedPage.findMany({ where: { publication: { reportId: first.reportId } } });
    expect(pages.map((p) => `${p.script}/${p.variant}`).sort()).toEqual(["hans/latest", "hans/version", "hant/latest", "hant/version"]);
    for (const page of pages) {
      expect(gunzipSync(page.gzip).toString("utf8")).toBe(page.html);
      expect(brotliDecompressSync(page.brotli).toString("utf8")).toBe(page.html);
      expect(page.html).not.toMatch(/<script/i);
    }
    expect(pages.find((p) => p.script === "hant")!.html).toContain('lang="zh-Hant"');
    // The second report's page shows both years in 历年情况 (the first had only itself).
    const secondPage = await db().publishedPage.findFirstOrThrow({ where: { publication: { reportId: second.reportId }, script: "hans", variant: "latest" } });
    expect(secondPage.html).toContain("历年情况（图表数据）");
    expect(secondPage.html).toContain(`<th scope="row">${first.year}</th><td>5</td><td>0</td>`);
    expect(pages.find((p) => p.script === "hans" && p.variant === "latest")!.html).not.toContain("历年情况（图表数据）");
  });

  it("refuses anyone but the 发布人, and a report that is not approved", async () => {
    const { reportId } = await approved();
    expect((await refusal(publishReport({ actor: people.final!, reportId, correctionNote: "", clientAddress }))).code).toBe("NOT_FOUND");
    await publishReport({ actor: people.publisher!, reportId, correctionNote: "", clientAddress });
    expect((await refusal(publishReport({ actor: people.publisher!, reportId, correctionNote: "", clientAddress }))).userMessage).toContain("只有审核通过");
  });

  it("refuses to publish text that differs from what the final stage approved", async () => {
    const { reportId } = await approved();
    // Behind the app's back: as the tables' owner.
    const sql = new pg.Client({ connectionString: process.env.MIGRATION_DATABASE_URL });
    await sql.connect();
    await sql.query(`UPDATE "Section" SET content = jsonb_set(content, '{text}', '"终审后被改动"') WHERE "reportId" = $1 AND key = 'other'`, [reportId]);
    await sql.end();
    expect((await refusal(publishReport({ actor: people.publisher!, reportId, correctionNote: "", clientAddress }))).userMessage).toContain("不一致");
    expect(await db().publication.count({ where: { reportId } })).toBe(0);
  });

  it("publishes a correction as version 2 with the same 索引号 and a required note; versions are immutable", async () => {
    const { reportId } = await approved();
    const v1 = await publishReport({ actor: people.publisher!, reportId, correctionNote: "", metadata: { documentNumber: "发布镇〔2026〕1号" }, clientAddress });
    await startCorrection({ actor: people.publisher!, reportId, clientAddress });
    const requests = await db().section.findFirstOrThrow({ where: { reportId, key: "requests" }, select: { version: true } });
    const corrected = setCell(validDraft(), "requests", "disclosed.natural", "2");
    setCell(corrected, "requests", "partlyDisclosed.natural", "2");
    const saved = await saveSection({ actor: people.author!, reportId, key: "requests", baseVersion: requests.version, content: corrected.requests, clientAddress });
    expect(saved.ok).toBe(true);
    const round = await submitReport({ actor: people.author!, reportId, clientAddress });
    for (const [stageIndex, who] of ["first", "second", "final"].entries()) {
      await decideStage({ actor: people[who]!, reportId, roundId: round.id, stageIndex, verdict: "approve", comment: "", warningReasons: {}, scanReasons: {}, clientAddress });
    }
    expect((await refusal(publishReport({ actor: people.publisher!, reportId, correctionNote: " ", clientAddress }))).fieldErrors).toEqual({
      correctionNote: "发布更正时必须填写更正说明。",
    });
    // A correction is the same document: what it is sent as metadata is not taken.
    const v2 = await publishReport({
      actor: people.publisher!,
      reportId,
      correctionNote: "更正了表格说明",
      metadata: { documentNumber: "另一个编号", indexMode: "external", indexNumber: `${organ.code}/2026-99999` },
      clientAddress,
    });
    expect([v2.version, v2.indexNumber]).toEqual([2, v1.indexNumber]);
    const metadata = await db().publication.findMany({ where: { reportId }, orderBy: { version: "asc" }, select: { issuedOn: true, documentNumber: true } });
    expect(metadata[1]).toEqual(metadata[0]);
    expect(metadata[0]!.documentNumber).toBe("发布镇〔2026〕1号");
    // The corrected version says exactly what changed, beside the publisher's note.
    const published = await db().publication.findFirstOrThrow({
      where: { reportId, version: 2 },
      select: { snapshot: true, pages: { where: { script: "hans", variant: "version" }, select: { html: true } } },
    });
    const changes = (published.snapshot as { changes: { sinceVersion: number; items: Array<{ label: string; before: string; after: string }> } }).changes;
    expect(changes.sinceVersion).toBe(1);
    expect(changes.items.map((c) => [c.label, c.before, c.after])).toEqual(
      expect.arrayContaining([
        ["表三 （一）予以公开 / 自然人", "3", "2"],
        ["表三 （一）予以公开 / 总计", "3", "2"],
        ["表三 （二）部分公开（区分处理的，只计这一情形，不计其他情形） / 自然人", "1", "2"],
      ]),
    );
    expect(published.pages[0]!.html).toContain("本次更正的内容（与第 1 版相比）");
    expect(published.pages[0]!.html).toMatch(/表三 （一）予以公开 \/ 自然人：由 <strong>3<\/strong> 改为 <strong>2<\/strong>/);

    // The trigger holds even for the owner (the app role has no UPDATE or DELETE right at all: db-roles.test.ts).
    const sql = new pg.Client({ connectionString: process.env.MIGRATION_DATABASE_URL });
    await sql.connect();
    await expect(sql.query(`UPDATE "Publication" SET "correctionNote" = 'x' WHERE "reportId" = $1`, [reportId])).rejects.toThrow(/immutable/);
    await expect(sql.query(`DELETE FROM "PublishedPage" WHERE "publicationId" IN (SELECT id FROM "Publication" WHERE "reportId" = $1)`, [reportId])).rejects.toThrow(/immutable/);
    await sql.end();
  });

  it("anchors the audit log after each publication: a signed checkpoint of the head, its publication entry included, in the table and the data folder's file", async () => {
    const { reportId } = await approved();
    await publishReport({ actor: people.publisher!, reportId, correctionNote: "", clientAddress });
    const entry = await db().auditEntry.findFirstOrThrow({ where: { targetId: reportId, action: "report.published" }, select: { id: true, hash: true } });
    const checkpoint = await db().auditCheckpoint.findFirstOrThrow({ where: { reason: "publication" }, orderBy: { createdAt: "desc" } });
    expect([checkpoint.lastEntryId, checkpoint.lastHash]).toEqual([entry.id, entry.hash]);
    const file = await readFile(path.join(process.env.NIANBAO_DATA_DIR!, "audit-checkpoints.jsonl"), "utf8");
    expect(file.trim().split("\n").at(-1)).toBe(checkpointLine(checkpoint));
  });

  it("withdraws only with a reason", async () => {
    const { reportId } = await approved();
    await publishReport({ actor: people.publisher!, reportId, correctionNote: "", clientAddress });
    expect((await refusal(withdrawPublished({ actor: people.publisher!, reportId, reason: "", clientAddress }))).fieldErrors).toEqual({ reason: "撤回已发布的报告必须填写理由。" });
    await withdrawPublished({ actor: people.publisher!, reportId, reason: "数据有误", clientAddress });
    expect(await db().report.findUniqueOrThrow({ where: { id: reportId }, select: { status: true, withdrawReason: true } })).toEqual({
      status: "WITHDRAWN",
      withdrawReason: "数据有误",
    });
  });

  it("withdrawing while a correction is in review closes its round: nothing waits in a reviewer's 待办", async () => {
    const { reportId } = await approved();
    await publishReport({ actor: people.publisher!, reportId, correctionNote: "", clientAddress });
    await startCorrection({ actor: people.publisher!, reportId, clientAddress });
    const round = await submitReport({ actor: people.author!, reportId, clientAddress });
    expect((await findInbox(people.first!)).map((r) => r.reportId)).toContain(reportId);
    await withdrawPublished({ actor: people.publisher!, reportId, reason: "涉及个人信息", clientAddress });
    expect(await db().reviewRound.findUniqueOrThrow({ where: { id: round.id }, select: { status: true } })).toEqual({ status: "WITHDRAWN" });
    expect((await findInbox(people.first!)).map((r) => r.reportId)).not.toContain(reportId);
  });

  it("keeps an organ's code once it has published (its pages, addresses and 索引号 carry it); the name may change", async () => {
    const { reportId } = await approved();
    await publishReport({ actor: people.publisher!, reportId, correctionNote: "", clientAddress });
    const input = { name: organ.name, shortName: "发布", kind: "TOWNSHIP" as const, code: organ.code, parentId: null, deadlineMonth: 1, deadlineDay: 31 };
    const refused = await refusal(updateOrgan({ actor: platformAdmin, organId: organ.id, clientAddress, input: { ...input, code: `${organ.code}X` } }));
    expect(refused.fieldErrors).toEqual({ code: "本机关已有发布的报告，机关代码不能再修改。" });
    expect((await db().organ.findUniqueOrThrow({ where: { id: organ.id } })).code).toBe(organ.code);
    await updateOrgan({ actor: platformAdmin, organId: organ.id, clientAddress, input: { ...input, shortName: "发布镇" } });
    expect((await db().organ.findUniqueOrThrow({ where: { id: organ.id } })).shortName).toBe("发布镇");
  });
});
