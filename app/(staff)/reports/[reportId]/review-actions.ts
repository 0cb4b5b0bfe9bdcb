"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { FormState } from "@/lib/actions/form-state";
import { parseForm, parseId, parseInput, runAction } from "@/lib/actions/run-action";
import { currentClientAddress, requireActor } from "@/lib/auth/current-actor";
import { SECTION_KEYS } from "@/lib/report-format/format";
import { addReviewComment } from "@/lib/reports/add-review-comment";
import { decideStage } from "@/lib/reports/decide-stage";
import { handOverStage } from "@/lib/reports/hand-over-stage";
import { submitReport } from "@/lib/reports/submit-report";
import { withdrawSubmission } from "@/lib/reports/withdraw-submission";
import { decisionSchema } from "@/lib/review/decision-input";
import { idField, text } from "@/lib/validation/fields";
import { doneAddress, type DoneNotice } from "./done-notices";

export async function submitReportAction(reportId: string, _state: FormState, _formData: FormData): Promise<FormState> {
  return runAction(async () => {
    const actor = await requireActor();
    await submitReport({ actor, reportId: parseId(reportId), clientAddress: await currentClientAddress() });
    revalidatePath(`/reports/${reportId}`);
    return "已提交审核。审核期间内容冻结，撰稿人不能修改。";
  });
}

export async function withdrawAction(reportId: string, _state: FormState, _formData: FormData): Promise<FormState> {
  return runAction(async () => {
    const actor = await requireActor();
    await withdrawSubmission({ actor, reportId: parseId(reportId), clientAddress: await currentClientAddress() });
    revalidatePath(`/reports/${reportId}`);
    return "已撤回，报告回到草稿状态。";
  });
}

/** The decision form's reasons: one field per open warning ("warning:KEY") and per scan finding ("scan:KEY"). */
function reasonsFrom(formData: FormData, prefix: "warning:" | "scan:") {
  return Object.fromEntries([...formData.entries()].filter(([name]) => name.startsWith(prefix)).map(([name, value]) => [name.slice(prefix.length), value]));
}

export async function decideAction(reportId: string, roundId: string, stageIndex: number, _state: FormState, formData: FormData): Promise<FormState> {
  let done: DoneNotice | null = null;
  const state = await runAction(async () => {
    const actor = await requireActor();
    // The same schema as POST /api/reports/:id/decision: the same input is refused the same way.
    const decision = parseInput(decisionSchema, {
      roundId,
      stageIndex,
      verdict: formData.get("verdict"),
      comment: formData.get("comment") ?? "",
      warningReasons: reasonsFrom(formData, "warning:"),
      scanReasons: reasonsFrom(formData, "scan:"),
    });
    const outcome = await decideStage({ actor, reportId: parseId(reportId), ...decision, clientAddress: await currentClientAddress() });
    done = decision.verdict === "return" ? "returned" : outcome.status === "APPROVED" ? "approvedAll" : "approved";
    return "";
  });
  if (state.ok && done) redirect(doneAddress(reportId, done));
  return state;
}

const textField = (what: string) => text(`请填写${what}。`).max(2_000, `${what}不能超过 2,000 个字符。`);

const commentSchema = z.object({
  sectionKey: z.enum(SECTION_KEYS, { error: "请选择部分。" }),
  text: textField("意见")
    .refine((text) => text.trim() !== "", "请填写意见。")
    .transform((text) => text.trim()),
});

export async function commentAction(reportId: string, _state: FormState, formData: FormData): Promise<FormState> {
  return runAction(async () => {
    const actor = await requireActor();
    const { sectionKey, text } = parseForm(commentSchema, formData);
    await addReviewComment({ actor, reportId: parseId(reportId), sectionKey, text, clientAddress: await currentClientAddress() });
    revalidatePath(`/reports/${reportId}/review`);
    return "意见已添加。";
  });
}

const handOverSchema = z.object({
  toUserId: text("请选择转交给谁。").min(1, "请选择转交给谁。").pipe(idField),
  note: textField("说明").default(""),
});

export async function handOverAction(reportId: string, roundId: string, _state: FormState, formData: FormData): Promise<FormState> {
  let done = false;
  const state = await runAction(async () => {
    const actor = await requireActor();
    const { toUserId, note } = parseForm(handOverSchema, formData);
    await handOverStage({ actor, reportId: parseId(reportId), roundId: parseId(roundId), toUserId, note, clientAddress: await currentClientAddress() });
    done = true;
    return "已转交。";
  });
  if (done) redirect(doneAddress(reportId, "handedOver"));
  return state;
}
