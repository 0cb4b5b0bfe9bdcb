// An organ's review settings: its stages and its word lists for the scan. The
// schemas are shared by the settings form and the server. Browser-safe.
import { z } from "zod";
import { isSafeText, text, UNSAFE_TEXT_MESSAGE } from "@/lib/validation/fields";
import type { OrganWordLists } from "./confidentiality-scan";

export const STAGE_ROLES = ["FIRST_REVIEWER", "SECOND_REVIEWER", "FINAL_REVIEWER", "PUBLISHER", "ORGAN_ADMIN"] as const;
/** The roles a review stage can call for. */
export type StageRole = (typeof STAGE_ROLES)[number];
export const MIN_STAGES = 3;
export const MAX_STAGES = 8;

export const stagesSchema = z
  .array(
    z.object({
      name: text("请填写每个环节的名称。").trim().min(1, "请填写每个环节的名称。").max(30, "环节名称不能超过 30 个字符。"),
      role: z.enum(STAGE_ROLES, { error: "请为每个环节选择审核角色。" }),
      isConfidentialityReview: z.boolean(),
    }),
  )
  .min(MIN_STAGES, `审核环节不能少于 ${MIN_STAGES} 个（三审三校）。`)
  .max(MAX_STAGES, `审核环节不能多于 ${MAX_STAGES} 个。`)
  .refine((stages) => stages.filter((s) => s.isConfidentialityReview).length === 1, "须指定一个（且只能一个）环节负责保密审查。");

export type StageSetting = z.output<typeof stagesSchema>[number];

/** Stages as stored (ReviewStage rows, a round's copy in ReviewRound.stages): validated when saved, read back by shape. */
export const storedStagesSchema = z.array(z.object({ name: z.string(), role: z.enum(STAGE_ROLES), isConfidentialityReview: z.boolean() }));

/** Organ.wrongTerms as stored. */
export const storedWrongTermsSchema = z.array(z.object({ wrong: z.string(), right: z.string() }));

/** Reads the word-list fields: one sensitive word per line; one "错误=正确" per line. */
export function parseWordLists(sensitiveText: string, wrongTermsText: string): { lists: OrganWordLists } | { error: string } {
  const lines = (text: string) =>
    text
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean);
  const sensitiveWords = [...new Set(lines(sensitiveText))];
  const wrongTerms: OrganWordLists["wrongTerms"] = [];
  for (const line of lines(wrongTermsText)) {
    const [wrong, right, ...rest] = line.split(/[=＝]/).map((p) => p.trim());
    if (!wrong || !right || rest.length) return { error: `“${line}”格式不对，应为“错误表述=正确表述”。` };
    wrongTerms.push({ wrong, right });
  }
  if (sensitiveWords.length > 500 || wrongTerms.length > 500) return { error: "每个词表最多 500 条。" };
  if ([...sensitiveWords, ...wrongTerms.map((t) => t.wrong)].some((w) => w.length > 50)) return { error: "每个词不能超过 50 个字符。" };
  if (![...sensitiveWords, ...wrongTerms.flatMap((t) => [t.wrong, t.right])].every(isSafeText)) return { error: UNSAFE_TEXT_MESSAGE };
  return { lists: { sensitiveWords, wrongTerms } };
}

export const formatWrongTerms = (terms: OrganWordLists["wrongTerms"]) => terms.map((t) => `${t.wrong}=${t.right}`).join("\n");
