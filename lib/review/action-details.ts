// The kinds of review action, their Chinese names, and what each records in
// ReviewAction.details: written by the use cases, read back through these schemas. Pure.
import { z } from "zod";

export const REVIEW_ACTION_KINDS = ["submit", "correct", "approve", "return", "withdraw", "handover"] as const;
export type ReviewActionKind = (typeof REVIEW_ACTION_KINDS)[number];
export const reviewActionKindSchema = z.enum(REVIEW_ACTION_KINDS);

export const REVIEW_ACTION_LABELS: Record<ReviewActionKind, string> = {
  submit: "提交审核",
  correct: "校对修改",
  approve: "通过",
  return: "退回",
  withdraw: "撤回",
  handover: "转交",
};

/** 转交: to whom (id, and name as it was then). */
export const handoverDetailsSchema = z.object({ to: z.string(), toName: z.string() });
export type HandoverDetails = z.output<typeof handoverDetailsSchema>;

/** 通过: the reasons given for each open warning and each accepted scan finding. */
export const approvalDetailsSchema = z.object({
  warnings: z.array(z.object({ key: z.string(), message: z.string(), reason: z.string() })),
  scan: z.array(z.object({ key: z.string(), match: z.string(), reason: z.string() })),
});
export type ApprovalDetails = z.output<typeof approvalDetailsSchema>;

/** 校对修改: which section, and the version the correction made. */
export const correctionDetailsSchema = z.object({ section: z.string(), version: z.number().int() });
export type CorrectionDetails = z.output<typeof correctionDetailsSchema>;
