// A reviewer's 通过 or 退回 as it arrives, from the review page's form or the JSON route:
// one schema for both, so both refuse the same input with the same words. Browser-safe.
import { z } from "zod";
import { idField, text } from "@/lib/validation/fields";

export const DECISION_COMMENT_LIMIT = 2_000;
export const DECISION_REASON_LIMIT = 500;

/** Reasons by the key of the warning or scan finding they answer. */
const reasons = z
  .record(
    text("提醒或保密审查发现的编号无效。").max(DECISION_REASON_LIMIT, "提醒或保密审查发现的编号无效。"),
    text("理由应为文字。").max(DECISION_REASON_LIMIT, `每条理由不能超过 ${DECISION_REASON_LIMIT} 个字符。`),
  )
  .default({});

export const decisionSchema = z
  .object({
    roundId: idField,
    stageIndex: z.number({ error: "审核环节无效。" }).int("审核环节无效。").min(0, "审核环节无效。"),
    verdict: z.enum(["approve", "return"], { error: "请选择通过或退回。" }),
    comment: text("意见应为文字。")
      .max(DECISION_COMMENT_LIMIT, `意见不能超过 ${DECISION_COMMENT_LIMIT.toLocaleString("zh-CN")} 个字符。`)
      .default(""),
    warningReasons: reasons,
    scanReasons: reasons,
  })
  .superRefine((decision, ctx) => {
    if (decision.verdict === "return" && !decision.comment.trim()) ctx.addIssue({ code: "custom", path: ["comment"], message: "退回时必须填写理由。" });
  });

export type DecisionInput = z.output<typeof decisionSchema>;
