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
    const refused = await saveReviewSettings({ actor: author, organId, stages, lists, clientAddress: null }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(AppError);
    await saveReviewSettings({ actor: admin, organId, stages, lists, clientAddress: null });
    expect(await getReviewSettings(organId)).toEqual({ stages, lists });
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
