// The supervising office's view of the organs below it, 催办, and the 待办 / 工作台 they feed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import type { OrganKind } from "@/lib/domain/organ-kinds";
import type { Role } from "@/lib/domain/roles";
import { createOrgan, updateOrgan } from "@/lib/organs/save-organ";
import { toReportJson } from "@/lib/report-files/report-json";
import { createReport } from "@/lib/reports/create-report";
import { decideStage } from "@/lib/reports/decide-stage";
import { importReport } from "@/lib/reports/import-report";
import { findPublishable, findReminders } from "@/lib/reports/inbox";
import { saveSection } from "@/lib/reports/save-section";
import { submitReport } from "@/lib/reports/submit-report";
import { findWorkItems } from "@/lib/reports/work-items";
import ExcelJS from "exceljs";
import { dashboardCsv, dashboardXlsx } from "@/lib/supervision/dashboard-files";
import { findOrganProgress, summariseOrganProgress } from "@/lib/supervision/organ-progress";
import { sendReminders } from "@/lib/supervision/send-reminders";
import { createUser } from "@/lib/users/create-user";
import { validDraft } from "../unit/report-fixtures";
import { platformAdmin, refusal, tag } from "./fixtures";

const clientAddress = "127.0.0.1";
const YEAR = 2024;
const china = (iso: string) => new Date(`${iso}+08:00`);

describe("supervision", () => {
  const organs: Record<string, { id: string; code: string; name: string }> = {};
  const people: Record<string, Actor> = {};

  const organ = async (key: string, name: string, kind: OrganKind, parent: string | null) => {
    const code = `V${tag()}`;
    const fullName = `${name}${tag()}`;
    const id = (
      await createOrgan({
        actor: platformAdmin,
        input: { name: fullName, shortName: name, kind, code, parentId: parent ? organs[parent]!.id : null, deadlineMonth: 1, deadlineDay: 31 },
        clientAddress,
      })
    ).id;
    organs[key] = { id, code, name: fullName };
  };
  const person = async (key: string, organKey: string, roles: Role[]) => {
    const organId = organs[organKey]!.id;
    const user = await createUser({ actor: platformAdmin, organId, username: `v-${tag()}`, displayName: key, password: "a-good-password", roles, clientAddress });
    people[key] = { id: user.id, displayName: key, isPlatformAdmin: false, memberships: roles.map((role) => ({ organId, role })) };
  };
  const draft = async (organKey: string, author: string) => {
    const { id } = await createReport({ actor: people[author]!, organId: organs[organKey]!.id, year: YEAR, clientAddress });
    const o = organs[organKey]!;
    await importReport({
      actor: people[author]!,
      reportId: id,
      clientAddress,
      raw: toReportJson({ organ: { name: o.name, code: o.code, kind: "TOWNSHIP" }, year: YEAR, title: "t", sections: validDraft() }),
    });
    return id;
  };

  beforeAll(async () => {
    await organ("city", "市", "CITY", null);
    await organ("county", "县", "COUNTY", "city");
    await organ("townA", "甲镇", "TOWNSHIP", "county");
    await organ("townB", "乙镇", "TOWNSHIP", "county");
    await organ("street", "丙街道", "STREET", "city");
    await organ("elsewhere", "外市", "CITY", null);
    await person("supervisor", "city", ["SUPERVISOR"]);
    await person("authorA", "townA", ["AUTHOR"]);
    await person("authorB", "townB", ["AUTHOR"]);
    await person("first", "townB", ["FIRST_REVIEWER"]);
    await person("second", "townB", ["SECOND_REVIEWER"]);
    await person("final", "townB", ["FINAL_REVIEWER"]);
    await person("authorS", "street", ["AUTHOR"]);
    await person("firstS", "street", ["FIRST_REVIEWER"]);
    await person("secondS", "street", ["SECOND_REVIEWER"]);
    await person("finalS", "street", ["FINAL_REVIEWER"]);
    await person("publisherS", "street", ["PUBLISHER"]);
    await person("outsider", "elsewhere", ["SUPERVISOR"]);

    // 甲镇: a new draft (errors: nothing filled). 乙镇: in review, its first stage corrected by “first”.
    await createReport({ actor: people.authorA!, organId: organs.townA!.id, year: YEAR, clientAddress });
    const townB = await draft("townB", "authorB");
    await submitReport({ actor: people.authorB!, reportId: townB, clientAddress });
    const { version } = await db().section.findUniqueOrThrow({ where: { reportId_key: { reportId: townB, key: "other" } }, select: { version: true } });
    await saveSection({
      actor: people.first!,
      reportId: townB,
      key: "other",
      baseVersion: version,
      content: { kind: "narrative", text: "本机关未收取政府信息公开信息处理费。（初审校对）" },
      clientAddress,
    });
    // 丙街道: approved through all three stages, waiting for its 发布人.
    const street = await draft("street", "authorS");
    const round = await submitReport({ actor: people.authorS!, reportId: street, clientAddress });
    for (const [stageIndex, who] of ["firstS", "secondS", "finalS"].entries()) {
      await decideStage({
        actor: people[who]!,
        reportId: street,
        roundId: round.id,
        stageIndex,
        verdict: "approve",
        comment: "",
        warningReasons: {},
        scanReasons: {},
        clientAddress,
      }).catch(async (e: unknown) => {
        // Warnings need reasons: give one for each open warning.
        const { checkDraft } = await import("@/lib/report-format/checks");
        const { loadSections } = await import("@/lib/reports/load-sections");
        const { warningKey } = await import("@/lib/review/review-findings");
        const warnings = checkDraft({ year: YEAR, organKind: "STREET", sections: await loadSections(street) }).filter((f) => f.severity === "warning");
        if (!warnings.length) throw e;
        await decideStage({
          actor: people[who]!,
          reportId: street,
          roundId: round.id,
          stageIndex,
          verdict: "approve",
          comment: "",
          warningReasons: Object.fromEntries(warnings.map((w) => [warningKey(w), "已核实"])),
          scanReasons: {},
          clientAddress,
        });
      });
    }
  }, 120_000);
  afterAll(async () => db().$disconnect());

  // As the dashboard reads them (it shows the check counts).
  const progress = () => findOrganProgress({ rootId: organs.city!.id, year: YEAR, now: china("2025-03-01T09:00:00"), countChecks: true });

  it("lists every organ below, at any depth, with its status, holder, deadline and check counts", async () => {
    const rows = await progress();
    const byName = new Map(rows.map((r) => [r.organName, r]));
    expect(rows.map((r) => r.organName).sort()).toEqual([organs.county!.name, organs.townA!.name, organs.townB!.name, organs.street!.name].sort());
    expect(byName.get(organs.county!.name)).toMatchObject({ progress: "NOT_CREATED", statusText: "未创建", overdue: true, deadlineText: "逾期 29 天", reportId: null });
    const townA = byName.get(organs.townA!.name)!;
    expect(townA).toMatchObject({ progress: "DRAFT", path: [organs.county!.name], holder: "撰稿人", overdue: true });
    expect(townA.checkErrors).toBeGreaterThan(100); // nothing filled in yet
    expect(byName.get(organs.townB!.name)).toMatchObject({ progress: "IN_REVIEW", statusText: "审核中·一校·初审", holder: "first", checkErrors: 0 });
    expect(byName.get(organs.street!.name)).toMatchObject({ progress: "APPROVED", statusText: "待发布", holder: "发布人", path: [] });
    // In Chinese order by place: 丙 (bǐng) before 县 (xiàn), then below 县 甲 (jiǎ) before 乙 (yǐ), which code points would reverse.
    expect([...rows].sort((a, b) => a.order - b.order).map((r) => r.organName)).toEqual([organs.street!.name, organs.county!.name, organs.townA!.name, organs.townB!.name]);
    // Another tree is not there, and the root only when asked.
    expect((await findOrganProgress({ rootId: organs.county!.id, year: YEAR })).map((r) => r.organName).sort()).toEqual([organs.townA!.name, organs.townB!.name].sort());
    expect((await findOrganProgress({ rootId: organs.county!.id, year: YEAR, onlyRoot: true })).map((r) => r.organName)).toEqual([organs.county!.name]);
  });

  it("forgets an organ's stored check counts when its name or kind changes (the checks depend on both), and counts them again", async () => {
    const townB = organs.townB!;
    const stored = () => db().report.findFirstOrThrow({ where: { organId: townB.id, year: YEAR }, select: { checkErrors: true } });
    expect((await stored()).checkErrors).toBe(0);
    const input = { name: townB.name, shortName: "乙镇", kind: "TOWNSHIP" as const, code: townB.code, parentId: organs.county!.id, deadlineMonth: 1, deadlineDay: 31 };
    await updateOrgan({ actor: platformAdmin, organId: townB.id, input: { ...input, shortName: "乙" }, clientAddress });
    expect((await stored()).checkErrors).toBe(0); // a short name is not checked
    await updateOrgan({ actor: platformAdmin, organId: townB.id, input: { ...input, kind: "STREET" }, clientAddress });
    expect((await stored()).checkErrors).toBeNull();
    expect((await progress()).find((r) => r.organId === townB.id)!.checkErrors).toBe(0);
    await updateOrgan({ actor: platformAdmin, organId: townB.id, input, clientAddress });
  });

  it("summarises the same organs for the 工作台 as the dashboard lists: counts per status, the overdue ones first by name", async () => {
    const now = china("2025-03-01T09:00:00");
    const rows = await progress();
    for (const listed of [1, 10]) {
      const summary = await summariseOrganProgress({ rootId: organs.city!.id, year: YEAR, listed, now });
      expect(summary.total).toBe(rows.length);
      for (const [p, n] of Object.entries(summary.counts)) expect(n).toBe(rows.filter((r) => r.progress === p).length);
      const overdue = rows.filter((r) => r.overdue);
      expect(summary.overdueCount).toBe(overdue.length);
      const byName = [...overdue].sort((a, b) => (a.organName < b.organName ? -1 : 1)).slice(0, listed);
      expect(summary.overdue).toEqual(byName.map((r) => ({ organName: r.organName, statusText: r.statusText, deadlineText: r.deadlineText })));
    }
  });

  it("催办 reaches the overdue organs' 待办, is audited, and is refused outside the office's tree", async () => {
    const { count } = await sendReminders({ actor: people.supervisor!, organId: organs.city!.id, year: YEAR, targets: "overdue", message: "请于本周内发布", clientAddress });
    expect(count).toBe(4);
    expect(await findReminders(people.authorA!)).toEqual([expect.objectContaining({ organName: organs.townA!.name, year: YEAR, from: "supervisor", message: "请于本周内发布" })]);
    expect((await progress()).every((r) => r.lastReminderAt !== null)).toBe(true);
    expect(await db().auditEntry.count({ where: { action: "organ.reminded", actorId: people.supervisor!.id } })).toBe(4);

    expect(
      (await refusal(sendReminders({ actor: people.supervisor!, organId: organs.city!.id, year: YEAR, targets: { organIds: [organs.elsewhere!.id] }, message: "", clientAddress })))
        .code,
    ).toBe("NOT_FOUND");
    expect((await refusal(sendReminders({ actor: people.outsider!, organId: organs.city!.id, year: YEAR, targets: "overdue", message: "", clientAddress }))).code).toBe(
      "NOT_FOUND",
    );
    expect((await refusal(sendReminders({ actor: people.authorA!, organId: organs.townA!.id, year: YEAR, targets: "overdue", message: "", clientAddress }))).code).toBe(
      "NOT_FOUND",
    );
    expect(
      await db().auditEntry.count({
        where: {
          action: "request.refused",
          actorId: { in: [people.supervisor!.id, people.outsider!.id, people.authorA!.id] },
          details: { path: ["attempt"], equals: "organ.remind" },
        },
      }),
    ).toBe(3);
  });

  it("gives the 发布人 an approved report in 待办, and each person the next step on the 工作台", async () => {
    expect((await findPublishable(people.publisherS!)).map((r) => r.title)).toEqual([expect.stringContaining("2024年度")]);
    expect(await findPublishable(people.authorS!)).toEqual([]);
    const now = china("2025-03-01T09:00:00");
    const step = async (who: string) => (await findWorkItems(people[who]!, now))[0]!.items.find((i) => i.year === YEAR)!.next;
    expect(await step("authorA")).toMatchObject({ kind: "link", label: "继续撰写" });
    expect(await step("publisherS")).toMatchObject({ kind: "link", label: "去发布" });
    expect(await step("first")).toMatchObject({ kind: "link", label: "进入审核" });
    expect(await step("second")).toMatchObject({ kind: "link", label: "查看" });
  });

  it("downloads an empty selection as CSV and Excel with the headers only", async () => {
    const none = (await progress()).filter((r) => r.organName === "没有这个机关");
    const headers = ["机关", "上级机关", "类型", "状态", "经办", "截止日期", "截止情况", "检查错误", "检查提醒", "首次发布", "版本", "撤回", "最近催办"];
    expect(dashboardCsv(none)).toBe(`\uFEFF${headers.map((h) => `"${h}"`).join(",")}\r\n`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await dashboardXlsx(none, "进度")).buffer);
    const sheet = workbook.getWorksheet("进度")!;
    expect(sheet.rowCount).toBe(1);
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(headers);
  });
});
