import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import type { Role } from "@/lib/domain/roles";
import { db } from "@/lib/db/client";
import { createOrgan } from "@/lib/organs/save-organ";
import type { TableContent } from "@/lib/report-format/content";
import { toReportJson } from "@/lib/report-files/report-json";
import { assignSection } from "@/lib/reports/assign-section";
import { createReport } from "@/lib/reports/create-report";
import { importReport } from "@/lib/reports/import-report";
import { loadSections } from "@/lib/reports/load-sections";
import { markSectionOpen } from "@/lib/reports/mark-section-open";
import { getReportSections } from "@/lib/reports/queries";
import { saveSection } from "@/lib/reports/save-section";
import { createUser } from "@/lib/users/create-user";
import { validDraft } from "../unit/report-fixtures";
import { platformAdmin, refusal, tag } from "./fixtures";

const clientAddress = "127.0.0.1";

async function person(organId: string, role: Role, name: string): Promise<Actor> {
  const user = await createUser({
    actor: platformAdmin,
    organId,
    username: `p-${tag()}`,
    displayName: name,
    password: "a-good-password",
    roles: [role],
    clientAddress,
  });
  return { id: user.id, displayName: name, isPlatformAdmin: false, memberships: [{ organId, role }] };
}

describe("drafting use cases", () => {
  let town: { id: string; code: string };
  let otherTown: string;
  let author: Actor, secondAuthor: Actor, reviewer: Actor, outsider: Actor;

  beforeAll(async () => {
    const code = `D${tag()}`;
    town = {
      id: (
        await createOrgan({
          actor: platformAdmin,
          input: { name: `草稿镇${tag()}`, shortName: "草稿", kind: "TOWNSHIP", code, parentId: null, deadlineMonth: 1, deadlineDay: 31 },
          clientAddress,
        })
      ).id,
      code,
    };
    otherTown = (
      await createOrgan({
        actor: platformAdmin,
        input: { name: `邻镇${tag()}`, shortName: "邻镇", kind: "TOWNSHIP", code: `E${tag()}`, parentId: null, deadlineMonth: 1, deadlineDay: 31 },
        clientAddress,
      })
    ).id;
    author = await person(town.id, "AUTHOR", "撰稿甲");
    secondAuthor = await person(town.id, "AUTHOR", "撰稿乙");
    reviewer = await person(town.id, "FIRST_REVIEWER", "初审");
    outsider = await person(otherTown, "AUTHOR", "邻镇撰稿");
  });
  afterAll(async () => db().$disconnect());

  it("creates one report per organ and year, titled by the format, only for the organ's own 撰稿人 or 管理员", async () => {
    const { id } = await createReport({ actor: author, organId: town.id, year: 2022, clientAddress });
    const report = await db().report.findUniqueOrThrow({ where: { id }, select: { title: true, organ: { select: { name: true } } } });
    expect(report.title).toBe(`${report.organ.name}2022年度政府信息公开工作年度报告`);
    // The six sections and the (empty) 引言.
    expect(await db().section.count({ where: { reportId: id } })).toBe(7);
    expect((await refusal(createReport({ actor: author, organId: town.id, year: 2022, clientAddress }))).fieldErrors).toEqual({ year: "2022 年度的报告已经存在。" });
    expect((await refusal(createReport({ actor: outsider, organId: town.id, year: 2021, clientAddress }))).code).toBe("NOT_FOUND");
    expect((await refusal(createReport({ actor: reviewer, organId: town.id, year: 2021, clientAddress }))).code).toBe("NOT_FOUND");
  });

  it("saves on the stated version, refuses a stale one with the other person's text, and never writes both", async () => {
    const { id: reportId } = await createReport({ actor: author, organId: town.id, year: 2023, clientAddress });
    const first = await saveSection({ actor: author, reportId, key: "problems", baseVersion: 1, content: { kind: "narrative", text: "甲的文字" }, clientAddress });
    expect(first).toMatchObject({ ok: true, version: 2 });
    const stale = await saveSection({ actor: secondAuthor, reportId, key: "problems", baseVersion: 1, content: { kind: "narrative", text: "乙的文字" }, clientAddress });
    expect(stale).toMatchObject({ ok: false, current: { version: 2, content: { kind: "narrative", text: "甲的文字" }, editorName: "撰稿甲" } });

    // Two saves racing on the same version: exactly one wins.
    const race = await Promise.all(
      ["丙", "丁"].map((who) => saveSection({ actor: author, reportId, key: "problems", baseVersion: 2, content: { kind: "narrative", text: who }, clientAddress })),
    );
    expect(race.filter((r) => r.ok)).toHaveLength(1);
    const revisions = await db().sectionRevision.findMany({
      where: { section: { reportId, key: "problems" } },
      orderBy: { version: "asc" },
      select: { version: true, kind: true, authorName: true },
    });
    expect(revisions.map((r) => [r.version, r.kind, r.authorName])).toEqual([
      [1, "create", "撰稿甲"],
      [2, "save", "撰稿甲"],
      [3, "save", "撰稿甲"],
    ]);
    const audit = await db().auditEntry.findMany({ where: { targetId: reportId, action: "section.saved" }, select: { contentHash: true } });
    expect(audit).toHaveLength(2);
    expect(audit.every((a) => /^[0-9a-f]{64}$/.test(a.contentHash ?? ""))).toBe(true);
  });

  it("refuses invalid content and people without the 撰稿人 role, changing nothing", async () => {
    const { id: reportId } = await createReport({ actor: author, organId: town.id, year: 2024, clientAddress });
    const invalid = await refusal(saveSection({ actor: author, reportId, key: "other", baseVersion: 1, content: { kind: "narrative", text: "<b>粗体</b>" }, clientAddress }));
    expect(invalid.fieldErrors).toEqual({ text: "不接受 HTML 标签，请输入纯文本。" });
    const wrongShape = await refusal(saveSection({ actor: author, reportId, key: "requests", baseVersion: 1, content: { kind: "narrative", text: "x" }, clientAddress }));
    expect(wrongShape.code).toBe("INVALID_INPUT");
    expect((await refusal(saveSection({ actor: reviewer, reportId, key: "other", baseVersion: 1, content: { kind: "narrative", text: "x" }, clientAddress }))).code).toBe(
      "FORBIDDEN",
    );
    expect((await refusal(saveSection({ actor: outsider, reportId, key: "other", baseVersion: 1, content: { kind: "narrative", text: "x" }, clientAddress }))).code).toBe(
      "NOT_FOUND",
    );
    expect((await refusal(saveSection({ actor: author, reportId: "not-an-id", key: "other", baseVersion: 1, content: {}, clientAddress }))).code).toBe("NOT_FOUND");
    expect(await db().section.findUniqueOrThrow({ where: { reportId_key: { reportId, key: "other" } }, select: { version: true } })).toEqual({ version: 1 });
  });

  it("assigns a section only to the organ's own 撰稿人", async () => {
    const { id: reportId } = await createReport({ actor: author, organId: town.id, year: 2020, clientAddress });
    await assignSection({ actor: author, reportId, key: "overview", assigneeId: secondAuthor.id, clientAddress });
    expect((await db().section.findUniqueOrThrow({ where: { reportId_key: { reportId, key: "overview" } } })).assigneeId).toBe(secondAuthor.id);
    expect((await refusal(assignSection({ actor: author, reportId, key: "overview", assigneeId: reviewer.id, clientAddress }))).code).toBe("INVALID_INPUT");
    expect((await refusal(assignSection({ actor: author, reportId, key: "overview", assigneeId: outsider.id, clientAddress }))).code).toBe("INVALID_INPUT");
  });

  it("imports a report file as new revisions, and refuses another year or inconsistent totals without changing anything", async () => {
    const { id: reportId } = await createReport({ actor: author, organId: town.id, year: 2019, clientAddress });
    const organ = { name: "草稿镇", code: town.code, kind: "TOWNSHIP" as const };
    const file = toReportJson({ organ, year: 2019, title: "t", sections: validDraft() });

    expect((await refusal(importReport({ actor: author, reportId, raw: { ...file, year: 2018 }, clientAddress }))).userMessage).toContain("2018 年度");
    const broken = structuredClone(file);
    (broken.sections[2] as { cells: Record<string, string> }).cells["disclosed.total"] = "9";
    expect((await refusal(importReport({ actor: author, reportId, raw: broken, clientAddress }))).userMessage).toContain("总计为 9");
    // The import reads sections with the editor's own schema: HTML is refused there too.
    const withHtml = structuredClone(file);
    (withHtml.sections[4] as { text: string }).text = "存在问题：<b>公开不及时</b><script>alert(1)</script>";
    const htmlRefusal = await refusal(importReport({ actor: author, reportId, raw: withHtml, clientAddress }));
    expect(htmlRefusal.code).toBe("INVALID_INPUT");
    expect(htmlRefusal.userMessage).toContain("不接受 HTML 标签");
    const htmlInNote = structuredClone(file);
    (htmlInNote.sections[1] as { note: string }).note = '<img src=x onerror="alert(1)">';
    expect((await refusal(importReport({ actor: author, reportId, raw: htmlInNote, clientAddress }))).userMessage).toContain("不接受 HTML 标签");
    expect(await db().sectionRevision.count({ where: { section: { reportId }, kind: "import" } })).toBe(0);
    expect(JSON.stringify(await loadSections(reportId))).not.toContain("<");

    await importReport({ actor: author, reportId, raw: file, clientAddress });
    const sections = await loadSections(reportId);
    expect(sections.problems).toEqual(validDraft().problems);
    expect((sections.requests as TableContent).cells["newRequests.natural"]).toBe("5");
    expect((sections.requests as TableContent).cells["newRequests.total"]).toBeUndefined(); // totals are computed, not stored
    // A file without a 引言 over a draft without one records nothing for it.
    expect(await db().sectionRevision.count({ where: { section: { reportId }, kind: "import" } })).toBe(6);
    expect((await refusal(importReport({ actor: reviewer, reportId, raw: file, clientAddress }))).code).toBe("NOT_FOUND");

    // A nianbao.report/2 file with a 引言 writes it as a revision of its own part.
    const intro = { kind: "narrative" as const, text: "根据《条例》规定，编制本报告。现将有关情况报告如下：" };
    await importReport({ actor: author, reportId, raw: toReportJson({ organ, year: 2019, title: "t", sections: { ...validDraft(), intro } }), clientAddress });
    expect((await loadSections(reportId)).intro).toEqual(intro);
    expect(await db().sectionRevision.count({ where: { section: { reportId, key: "intro" }, kind: "import" } })).toBe(1);
  });

  it("tells a second editor who has the section open and since when, until the first closes it", async () => {
    const { id: reportId } = await createReport({ actor: author, organId: town.id, year: 2018, clientAddress });
    expect(await markSectionOpen({ actor: author, reportId, key: "overview", clientAddress })).toEqual({ openBy: null });
    const seen = await markSectionOpen({ actor: secondAuthor, reportId, key: "overview", clientAddress });
    expect(seen.openBy?.name).toBe("撰稿甲");
    expect(seen.openBy?.since).toBeInstanceOf(Date);
    expect((await getReportSections(reportId)).find((s) => s.key === "overview")?.openBy?.name).toBe("撰稿甲");
    await markSectionOpen({ actor: author, reportId, key: "overview", closing: true, clientAddress });
    expect(await markSectionOpen({ actor: secondAuthor, reportId, key: "overview", clientAddress })).toEqual({ openBy: null });
    // Someone who may read the draft but not write it has no presence: told nothing, claims nothing, refused nothing.
    expect(await markSectionOpen({ actor: reviewer, reportId, key: "overview", clientAddress })).toEqual({ openBy: null });
    expect((await getReportSections(reportId)).find((s) => s.key === "overview")?.openBy?.name).toBe(secondAuthor.displayName);
    expect(await db().auditEntry.count({ where: { action: "request.refused", actorId: reviewer.id, details: { path: ["attempt"], equals: "section.presence" } } })).toBe(0);
  });
});
