import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import type { Role } from "@/lib/domain/roles";
import { db } from "@/lib/db/client";
import { createOrgan } from "@/lib/organs/save-organ";
import { toReportJson } from "@/lib/report-files/report-json";
import { createReport } from "@/lib/reports/create-report";
import { handOverStage } from "@/lib/reports/hand-over-stage";
import { findInbox } from "@/lib/reports/inbox";
import { decideStage, type Decision } from "@/lib/reports/decide-stage";
import { importReport } from "@/lib/reports/import-report";
import { saveSection } from "@/lib/reports/save-section";
import { submitReport } from "@/lib/reports/submit-report";
import { withdrawSubmission } from "@/lib/reports/withdraw-submission";
import { createUser } from "@/lib/users/create-user";
import { validDraft } from "../unit/report-fixtures";
import { platformAdmin, refusal, tag } from "./fixtures";

const clientAddress = "127.0.0.1";

describe("the review pipeline on the server", () => {
  let organ: { id: string; code: string; name: string };
  const people: Record<string, Actor> = {};
  let year = 2040;

  async function person(name: string, roles: Role[]): Promise<Actor> {
    const user = await createUser({ actor: platformAdmin, organId: organ.id, username: `r-${tag()}`, displayName: name, password: "a-good-password", roles, clientAddress });
    return { id: user.id, displayName: name, isPlatformAdmin: false, memberships: roles.map((role) => ({ organId: organ.id, role })) };
  }

  /** A report with a complete, consistent text, submitted by the author. */
  async function submitted() {
    const { id: reportId } = await createReport({ actor: people.author!, organId: organ.id, year: (year += 2), clientAddress });
    await importReport({
      actor: people.author!,
      reportId,
      clientAddress,
      raw: toReportJson({ organ: { name: organ.name, code: organ.code, kind: "TOWNSHIP" }, year, title: "t", sections: validDraft() }),
    });
    const round = await submitReport({ actor: people.author!, reportId, clientAddress });
    return { reportId, roundId: round.id };
  }

  const decide = (d: Partial<Decision> & Pick<Decision, "actor" | "reportId" | "roundId" | "stageIndex">) =>
    decideStage({ verdict: "approve", comment: "", warningReasons: {}, scanReasons: {}, clientAddress, ...d });

  beforeAll(async () => {
    const code = `R${tag()}`;
    const name = `审核镇${tag()}`;
    organ = {
      id: (
        await createOrgan({ actor: platformAdmin, input: { name, shortName: "审核", kind: "TOWNSHIP", code, parentId: null, deadlineMonth: 1, deadlineDay: 31 }, clientAddress })
      ).id,
      code,
      name,
    };
    people.author = await person("撰稿", ["AUTHOR"]);
    people.first = await person("初审", ["FIRST_REVIEWER"]);
    people.second = await person("复审", ["SECOND_REVIEWER"]);
    people.final = await person("终审", ["FINAL_REVIEWER"]);
    people.firstAndSecond = await person("初审兼复审", ["FIRST_REVIEWER", "SECOND_REVIEWER"]);
    people.authorReviewer = await person("撰稿兼终审", ["AUTHOR", "FINAL_REVIEWER"]);
    people.otherFirst = await person("另一位初审", ["FIRST_REVIEWER"]);
  });
  afterAll(async () => db().$disconnect());

  it("takes a report through three stages by three people, with a tracked correction, to 待发布", async () => {
    const { reportId, roundId } = await submitted();
    await decide({ actor: people.first!, reportId, roundId, stageIndex: 0 });
    const corrected = await saveSection({
      actor: people.second!,
      reportId,
      key: "other",
      baseVersion: 2,
      content: { kind: "narrative", text: "本年度，本机关未收取政府信息公开信息处理费。（复审校对）" },
      clientAddress,
    });
    expect(corrected.ok).toBe(true);
    await decide({ actor: people.second!, reportId, roundId, stageIndex: 1 });
    const last = await decide({ actor: people.final!, reportId, roundId, stageIndex: 2, comment: "同意发布" });
    expect(last.status).toBe("APPROVED");
    expect((await db().report.findUniqueOrThrow({ where: { id: reportId } })).status).toBe("APPROVED");
    const actions = await db().reviewAction.findMany({
      where: { roundId },
      orderBy: { createdAt: "asc" },
      select: { kind: true, actorName: true, stageIndex: true, contentHash: true },
    });
    expect(actions.map((a) => [a.kind, a.actorName, a.stageIndex])).toEqual([
      ["submit", "撰稿", 0],
      ["approve", "初审", 0],
      ["correct", "复审", 1],
      ["approve", "复审", 1],
      ["approve", "终审", 2],
    ]);
    expect(actions[3]!.contentHash).toBe(actions[4]!.contentHash);
    expect(actions[1]!.contentHash).not.toBe(actions[3]!.contentHash); // the correction is a new text, approved by its corrector
    const revision = await db().sectionRevision.findFirst({ where: { section: { reportId, key: "other" } }, orderBy: { version: "desc" } });
    expect([revision?.kind, revision?.authorName]).toEqual(["correction", "复审"]);
    // Frozen once approved.
    expect((await refusal(saveSection({ actor: people.final!, reportId, key: "other", baseVersion: 3, content: { kind: "narrative", text: "x" }, clientAddress }))).code).toBe(
      "CONFLICT",
    );
  });

  it("refuses every rule broken by a direct call, changes nothing, and audits the attempt", async () => {
    const { reportId, roundId } = await submitted();
    // The author cannot edit while in review.
    expect(
      (await refusal(saveSection({ actor: people.author!, reportId, key: "other", baseVersion: 2, content: { kind: "narrative", text: "改" }, clientAddress }))).userMessage,
    ).toContain("冻结");
    // Wrong role for the stage; the author of the text; a forged stage; a forged round.
    expect((await refusal(decide({ actor: people.second!, reportId, roundId, stageIndex: 0 }))).userMessage).toContain("没有本机关当前审核环节的角色");
    expect((await refusal(decide({ actor: people.authorReviewer!, reportId, roundId, stageIndex: 0 }))).userMessage).toContain("没有本机关当前审核环节的角色");
    expect((await refusal(decide({ actor: people.first!, reportId, roundId, stageIndex: 1 }))).userMessage).toContain("刷新");
    expect((await refusal(decide({ actor: people.first!, reportId, roundId: "00000000-0000-4000-8000-000000000000", stageIndex: 0 }))).userMessage).toContain("刷新");
    // A return needs a reason.
    expect((await refusal(decide({ actor: people.first!, reportId, roundId, stageIndex: 0, verdict: "return", comment: " " }))).userMessage).toContain("必须填写理由");
    // One person, two stages.
    await decide({ actor: people.firstAndSecond!, reportId, roundId, stageIndex: 0 });
    expect((await refusal(decide({ actor: people.firstAndSecond!, reportId, roundId, stageIndex: 1 }))).userMessage).toContain("同一人不能在两个环节");
    // Someone else decided first: the page is out of date.
    expect((await refusal(decide({ actor: people.first!, reportId, roundId, stageIndex: 0 }))).userMessage).toContain("刷新");

    // A forged report id.
    const forged = "00000000-0000-4000-8000-00000000abcd";
    expect((await refusal(decide({ actor: people.first!, reportId: forged, roundId, stageIndex: 0 }))).code).toBe("NOT_FOUND");
    expect(await db().auditEntry.count({ where: { targetId: forged, action: "request.refused" } })).toBe(1);

    expect((await db().reviewRound.findUniqueOrThrow({ where: { id: roundId } })).stageIndex).toBe(1);
    // Seven refused decisions and the author's refused save, each kept with what was attempted and why.
    const refusals = await db().auditEntry.findMany({ where: { targetId: reportId, action: "request.refused" }, orderBy: { id: "asc" }, select: { details: true, organId: true } });
    expect(refusals.map((r) => (r.details as { attempt: string }).attempt)).toEqual(["section.save", ...Array<string>(7).fill("review.decide")]);
    expect(refusals.every((r) => r.organId === organ.id)).toBe(true);
    expect((refusals[1]!.details as { reason: string }).reason).toContain("没有本机关当前审核环节的角色");
  });

  it("refuses an author who also reviews, at the stage they hold the role for", async () => {
    const { id: reportId } = await createReport({ actor: people.authorReviewer!, organId: organ.id, year: (year += 2), clientAddress });
    await importReport({
      actor: people.authorReviewer!,
      reportId,
      clientAddress,
      raw: toReportJson({ organ: { name: organ.name, code: organ.code, kind: "TOWNSHIP" }, year, title: "t", sections: validDraft() }),
    });
    const { id: roundId } = await submitReport({ actor: people.authorReviewer!, reportId, clientAddress });
    await decide({ actor: people.first!, reportId, roundId, stageIndex: 0 });
    await decide({ actor: people.second!, reportId, roundId, stageIndex: 1 });
    expect((await refusal(decide({ actor: people.authorReviewer!, reportId, roundId, stageIndex: 2 }))).userMessage).toContain("参与撰写");
  });

  it("returns with a reason to a draft the author can edit, and a resubmission starts at the first stage", async () => {
    const { reportId, roundId } = await submitted();
    await decide({ actor: people.first!, reportId, roundId, stageIndex: 0, verdict: "return", comment: "第五部分过于简略" });
    expect((await db().report.findUniqueOrThrow({ where: { id: reportId } })).status).toBe("DRAFT");
    const saved = await saveSection({
      actor: people.author!,
      reportId,
      key: "other",
      baseVersion: 2,
      content: { kind: "narrative", text: "本年度，本机关未收取政府信息公开信息处理费。已补充。" },
      clientAddress,
    });
    expect(saved.ok).toBe(true);
    const again = await submitReport({ actor: people.author!, reportId, clientAddress });
    expect(again.number).toBe(2);
    expect((await db().reviewRound.findUniqueOrThrow({ where: { id: again.id } })).stageIndex).toBe(0);
  });

  it("refuses to submit a report with check errors", async () => {
    const { id: reportId } = await createReport({ actor: people.author!, organId: organ.id, year: (year += 2), clientAddress });
    expect((await refusal(submitReport({ actor: people.author!, reportId, clientAddress }))).userMessage).toContain("检查错误");
    expect((await db().report.findUniqueOrThrow({ where: { id: reportId } })).status).toBe("DRAFT");
  });

  it("lets the author withdraw before the first stage acts, and not after", async () => {
    const first = await submitted();
    await withdrawSubmission({ actor: people.author!, reportId: first.reportId, clientAddress });
    expect((await db().report.findUniqueOrThrow({ where: { id: first.reportId } })).status).toBe("DRAFT");
    const second = await submitted();
    await decide({ actor: people.first!, reportId: second.reportId, roundId: second.roundId, stageIndex: 0 });
    expect((await refusal(withdrawSubmission({ actor: people.author!, reportId: second.reportId, clientAddress }))).userMessage).toContain("不能再撤回");
  });

  it("voids the round when the text changed behind the pipeline's back", async () => {
    const { reportId, roundId } = await submitted();
    // Behind the app's back: as the tables' owner.
    const sql = new pg.Client({ connectionString: process.env.MIGRATION_DATABASE_URL });
    await sql.connect();
    await sql.query(`UPDATE "Section" SET content = jsonb_set(content, '{text}', '"被篡改"') WHERE "reportId" = $1 AND key = 'other'`, [reportId]);
    await sql.end();
    expect((await refusal(decide({ actor: people.first!, reportId, roundId, stageIndex: 0 }))).userMessage).toContain("作废");
    expect((await db().reviewRound.findUniqueOrThrow({ where: { id: roundId } })).status).toBe("VOIDED");
    expect((await db().report.findUniqueOrThrow({ where: { id: reportId } })).status).toBe("DRAFT");
  });

  it("still voids the round when a hand-over came between the change behind its back and the decision", async () => {
    const { reportId, roundId } = await submitted();
    const sql = new pg.Client({ connectionString: process.env.MIGRATION_DATABASE_URL });
    await sql.connect();
    await sql.query(`UPDATE "Section" SET content = jsonb_set(content, '{text}', '"被篡改"') WHERE "reportId" = $1 AND key = 'other'`, [reportId]);
    await sql.end();
    await handOverStage({ actor: people.first!, reportId, roundId, toUserId: people.otherFirst!.id, note: "", clientAddress });
    expect((await refusal(decide({ actor: people.otherFirst!, reportId, roundId, stageIndex: 0 }))).userMessage).toContain("作废");
    expect((await db().reviewRound.findUniqueOrThrow({ where: { id: roundId } })).status).toBe("VOIDED");
  });

  it("requires a reason for each open warning, and at the confidentiality stage for each scan finding", async () => {
    const { id: reportId } = await createReport({ actor: people.author!, organId: organ.id, year: (year += 2), clientAddress });
    const sections = validDraft();
    sections.other = { kind: "narrative", text: "本年度，本机关未收取政府信息公开信息处理费。咨询电话13812345678。" };
    (sections.proactive as { cells: Record<string, string> }).cells["regulations.made"] = "1"; // a REGULATION warning
    await importReport({
      actor: people.author!,
      reportId,
      clientAddress,
      raw: toReportJson({ organ: { name: organ.name, code: organ.code, kind: "TOWNSHIP" }, year, title: "t", sections }),
    });
    const { id: roundId } = await submitReport({ actor: people.author!, reportId, clientAddress });

    expect((await refusal(decide({ actor: people.first!, reportId, roundId, stageIndex: 0 }))).userMessage).toContain("未说明理由的提醒");
    const warningKey = (await import("@/lib/review/review-findings")).warningKey;
    const { checkDraft } = await import("@/lib/report-format/checks");
    const { loadSections } = await import("@/lib/reports/load-sections");
    const warning = checkDraft({ year, organKind: "TOWNSHIP", sections: await loadSections(reportId) }).find((f) => f.id === "REGULATION")!;
    const warningReasons = { [warningKey(warning)]: "本镇转发的市政府规章，经核实应计入" };
    await decide({ actor: people.first!, reportId, roundId, stageIndex: 0, warningReasons });

    expect((await refusal(decide({ actor: people.second!, reportId, roundId, stageIndex: 1, warningReasons }))).userMessage).toContain("保密审查");
    await decide({ actor: people.second!, reportId, roundId, stageIndex: 1, warningReasons, scanReasons: { "other|mobile|13812345678": "本机关公开的办公咨询电话" } });
    const approve = await db().reviewAction.findFirst({ where: { roundId, kind: "approve", stageIndex: 1 }, select: { details: true } });
    expect(approve?.details).toMatchObject({ scan: [{ key: "other|mobile|13812345678", reason: "本机关公开的办公咨询电话" }] });
  });

  it("hands a waiting stage to a colleague with the same role; the inbox follows; the giver can no longer act", async () => {
    const { reportId, roundId } = await submitted();
    const inInbox = async (who: string) => (await findInbox(people[who]!)).some((i) => i.reportId === reportId);
    expect([await inInbox("first"), await inInbox("otherFirst"), await inInbox("second")]).toEqual([true, true, false]);
    expect((await refusal(handOverStage({ actor: people.first!, reportId, roundId, toUserId: people.second!.id, note: "", clientAddress }))).userMessage).toContain("同一审核角色");
    expect((await refusal(handOverStage({ actor: people.first!, reportId, roundId, toUserId: people.author!.id, note: "", clientAddress }))).userMessage).toContain("同一审核角色");
    await handOverStage({ actor: people.first!, reportId, roundId, toUserId: people.otherFirst!.id, note: "我出差，请代为初审", clientAddress });
    expect([await inInbox("first"), await inInbox("otherFirst")]).toEqual([false, true]);
    expect((await refusal(decide({ actor: people.first!, reportId, roundId, stageIndex: 0 }))).userMessage).toContain("另一位审核人");
    await decide({ actor: people.otherFirst!, reportId, roundId, stageIndex: 0 });
    expect(await db().auditEntry.count({ where: { targetId: reportId, action: "review.handedOver" } })).toBe(1);
  });
});
