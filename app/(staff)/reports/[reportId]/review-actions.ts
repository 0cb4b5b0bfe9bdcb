"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { FormState } from "@/lib/actions/form-state";
import { parseId, runAction } from "@/lib/actions/run-action";
import { currentClientAddress, requireActor } from "@/lib/auth/current-actor";
import { AppError } from "@/lib/errors";
import { isSectionKey } from "@/lib/report-format/content";
import { addReviewComment } from "@/lib/reports/add-review-comment";
import { decideStage } from "@/lib/reports/decide-stage";
import { handOverStage } from "@/lib/reports/hand-over-stage";
import { submitReport } from "@/lib/reports/submit-report";
import { withdrawSubmission } from "@/lib/reports/withdraw-submission";

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

const PREFIX_WARNING = "warning:";
const PREFIX_SCAN = "scan:";
const textField = z.string().max(2_000, "不能超过 2,000 个字符。");

export async function decideAction(reportId: string, roundId: string, stageIndex: number, _state: FormState, formData: FormData): Promise<FormState> {
  let done: string | null = null;
  const state = await runAction(async () => {
    const actor = await requireActor();
    const verdict = formData.get("verdict");
    if (verdict !== "approve" && verdict !== "return") throw new AppError("INVALID_INPUT", "请选择通过或退回。");
    const comment = textField.safeParse(formData.get("comment") ?? "");
    if (!comment.success) throw new AppError("INVALID_INPUT", "意见不能超过 2,000 个字符。", { comment: "意见不能超过 2,000 个字符。" });
    if (verdict === "return" && !comment.data.trim()) throw new AppError("INVALID_INPUT", "退回时必须填写理由。", { comment: "退回时必须填写理由。" });
    const reasons = (prefix: string) =>
      Object.fromEntries(
        [...formData.entries()]
          .filter(([name, value]) => name.startsWith(prefix) && typeof value === "string")
          .map(([name, value]) => [name.slice(prefix.length), String(value).slice(0, 500)]),
      );
    if (!Number.isInteger(stageIndex)) throw new AppError("NOT_FOUND", "该审核环节不存在。");
    const outcome = await decideStage({
      actor, reportId: parseId(reportId), roundId: parseId(roundId), stageIndex, verdict, comment: comment.data,
      warningReasons: reasons(PREFIX_WARNING), scanReasons: reasons(PREFIX_SCAN), clientAddress: await currentClientAddress(),
    });
    done = verdict === "return" ? "已退回撰稿人。" : outcome.status === "APPROVED" ? "审核全部通过，报告待发布。" : `已通过“${outcome.stage.name}”。`;
    return done;
  });
  if (state.ok) redirect(`/reports/${reportId}?done=${encodeURIComponent(done ?? "")}`);
  return state;
}

export async function commentAction(reportId: string, _state: FormState, formData: FormData): Promise<FormState> {
  return runAction(async () => {
    const actor = await requireActor();
    const key = formData.get("sectionKey");
    if (!isSectionKey(key)) throw new AppError("INVALID_INPUT", "请选择部分。", { sectionKey: "请选择部分。" });
    const text = textField.safeParse(formData.get("text") ?? "");
    if (!text.success || !text.data.trim()) throw new AppError("INVALID_INPUT", "请填写意见（不超过 2,000 字）。", { text: "请填写意见（不超过 2,000 字）。" });
    await addReviewComment({ actor, reportId: parseId(reportId), sectionKey: key, text: text.data.trim(), clientAddress: await currentClientAddress() });
    revalidatePath(`/reports/${reportId}/review`);
    return "意见已添加。";
  });
}

export async function handOverAction(reportId: string, roundId: string, _state: FormState, formData: FormData): Promise<FormState> {
  let done = false;
  const state = await runAction(async () => {
    const actor = await requireActor();
    const toUserId = String(formData.get("toUserId") ?? "");
    if (!toUserId) throw new AppError("INVALID_INPUT", "请选择转交给谁。", { toUserId: "请选择转交给谁。" });
    const note = textField.safeParse(formData.get("note") ?? "");
    if (!note.success) throw new AppError("INVALID_INPUT", "说明不能超过 2,000 个字符。", { note: "说明不能超过 2,000 个字符。" });
    await handOverStage({ actor, reportId: parseId(reportId), roundId: parseId(roundId), toUserId: parseId(toUserId), note: note.data, clientAddress: await currentClientAddress() });
    done = true;
    return "已转交。";
  });
  if (done) redirect(`/reports/${reportId}?done=${encodeURIComponent("已转交。")}`);
  return state;
}
