import { afterAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { createOrgan } from "@/lib/organs/save-organ";
import { getReviewSettings, saveReviewSettings } from "@/lib/organs/save-review-settings";
import { DEFAULT_STAGES } from "@/lib/review/workflow";
import { parseWordLists, stagesSchema } from "@/lib/review/review-settings";
import { platformAdmin, tag } from "./fixtures";

describe("review settings", () => {
  afterAll(async () => db().$disconnect());

  it("gives a new organ the default 三审三校 stages, and lets only its 管理员 change them", async () => {
    const { id: organId } = await createOrgan({
      actor: platformAdmin,
      clientAddress: null,
      input: { name: `设置镇${tag()}`, shortName: "设置", kind: "TOWNSHIP", code: `S${tag()}`, parentId: null, deadlineMonth: 1, deadlineDay: 31 },
    });
    expect((await getReviewSettings(organId)).stages).toEqual(DEFAULT_STAGES);

    const stages = [...DEFAULT_STAGES.slice(0, 2), { name: "法制审核", role: "PUBLISHER" as const, isConfidentialityReview: false }, DEFAULT_STAGES[2]!];
    const lists = { sensitiveWords: ["某内部代号"], wrongTerms: [{ wrong: "镇长书记", right: "镇党委书记" }] };
    const admin: Actor = { id: "a", displayName: "管理员", isPlatformAdmin: false, memberships: [{ organId, role: "ORGAN_ADMIN" }] };
    const author: Actor = { id: "b", displayName: "撰稿", isPlatformAdmin: false, memberships: [{ organId, role: "AUTHOR" }] };
    const { version: basedOn } = await getReviewSettings(organId);
    const refused = await saveReviewSettings({ actor: author, organId, stages, lists, basedOn, clientAddress: null }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(AppError);
    await saveReviewSettings({ actor: admin, organId, stages, lists, basedOn, clientAddress: null });
    expect(await getReviewSettings(organId)).toMatchObject({ stages, lists });
  });

  it("refuses a save based on settings someone else has changed since, saying what they are now, and writes nothing", async () => {
    const { id: organId } = await createOrgan({
      actor: platformAdmin,
      clientAddress: null,
      input: { name: `并发镇${tag()}`, shortName: "并发", kind: "TOWNSHIP", code: `S${tag()}`, parentId: null, deadlineMonth: 1, deadlineDay: 31 },
    });
    const admin: Actor = { id: "a", displayName: "管理员", isPlatformAdmin: false, memberships: [{ organId, role: "ORGAN_ADMIN" }] };
    const opened = await getReviewSettings(organId); // both 管理员 open the page
    const first = { stages: [...DEFAULT_STAGES], lists: { sensitiveWords: ["甲", "乙"], wrongTerms: [] } };
    const second = { stages: [...DEFAULT_STAGES, { name: "法制审核", role: "PUBLISHER" as const, isConfidentialityReview: false }], lists: { sensitiveWords: [], wrongTerms: [] } };
    await saveReviewSettings({ actor: admin, organId, ...first, basedOn: opened.version, clientAddress: null });
    const conflict = await saveReviewSettings({ actor: admin, organId, ...second, basedOn: opened.version, clientAddress: null }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(conflict).toBeInstanceOf(AppError);
    expect((conflict as AppError).code).toBe("CONFLICT");
    expect((conflict as AppError).userMessage).toBe(
      "审核设置已被他人修改，本次未保存。现在的设置是：审核环节：一校·初审、二校·复审（含保密审查）、三校·终审（签发）；敏感词 2 个；常见错误表述 0 条。请刷新页面，核对后再保存。",
    );
    const now = await getReviewSettings(organId);
    expect(now).toMatchObject(first);
    // Based on what is there now, the same save goes through.
    await saveReviewSettings({ actor: admin, organId, ...second, basedOn: now.version, clientAddress: null });
    expect(await getReviewSettings(organId)).toMatchObject(second);
  });

  it("two saves at once from the same page: one is kept, the other refused (never both, never a mix)", async () => {
    const { id: organId } = await createOrgan({
      actor: platformAdmin,
      clientAddress: null,
      input: { name: `同时镇${tag()}`, shortName: "同时", kind: "TOWNSHIP", code: `S${tag()}`, parentId: null, deadlineMonth: 1, deadlineDay: 31 },
    });
    const admin: Actor = { id: "a", displayName: "管理员", isPlatformAdmin: false, memberships: [{ organId, role: "ORGAN_ADMIN" }] };
    const { version } = await getReviewSettings(organId);
    const saves = ["丙", "丁"].map((word) => ({ stages: [...DEFAULT_STAGES], lists: { sensitiveWords: [word], wrongTerms: [] } }));
    const results = await Promise.allSettled(saves.map((s) => saveReviewSettings({ actor: admin, organId, ...s, basedOn: version, clientAddress: null })));
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const kept = saves[results.findIndex((r) => r.status === "fulfilled")]!;
    expect(await getReviewSettings(organId)).toMatchObject(kept);
  });

  it("keeps at least three stages and exactly one confidentiality review", () => {
    const messages = (value: unknown) => (stagesSchema.safeParse(value).error?.issues ?? []).map((i) => i.message);
    expect(messages(DEFAULT_STAGES.slice(0, 2))).toContain("审核环节不能少于 3 个（三审三校）。");
    expect(messages(DEFAULT_STAGES.map((s) => ({ ...s, isConfidentialityReview: false })))).toContain("须指定一个（且只能一个）环节负责保密审查。");
    expect(messages(DEFAULT_STAGES.map((s) => ({ ...s, role: "AUTHOR" })))[0]).toBe("请为每个环节选择审核角色。");
    expect(stagesSchema.safeParse(DEFAULT_STAGES).success).toBe(true);
  });

  it("reads the word lists, refusing a malformed wrong-term line", () => {
    expect(parseWordLists("甲\n\n 乙 \n甲", "镇长书记=镇党委书记\n 区长 ＝ 区人民政府区长 ")).toEqual({
      lists: {
        sensitiveWords: ["甲", "乙"],
        wrongTerms: [
          { wrong: "镇长书记", right: "镇党委书记" },
          { wrong: "区长", right: "区人民政府区长" },
        ],
      },
    });
    expect(parseWordLists("", "只有一边")).toEqual({ error: "“只有一边”格式不对，应为“错误表述=正确表述”。" });
  });
});
