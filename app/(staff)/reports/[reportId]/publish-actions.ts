"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { FormState } from "@/lib/actions/form-state";
import { parseId, runAction } from "@/lib/actions/run-action";
import { currentClientAddress, requireActor } from "@/lib/auth/current-actor";
import { AppError } from "@/lib/errors";
import { startCorrection, withdrawPublished } from "@/lib/publish/correct-or-withdraw";
import { publishReport } from "@/lib/publish/publish-report";
import { reportPath } from "@/lib/publish/public-paths";

/** The form that was used disappears once the report changes state: the outcome is shown at the top of the page. */
async function done(reportId: string, run: () => Promise<string>): Promise<FormState> {
  let message: string | null = null;
  const state = await runAction(async () => (message = await run()));
  if (state.ok && message) redirect(`/reports/${reportId}?done=${encodeURIComponent(message)}`);
  return state;
}

const text = z.string().max(2_000, "不能超过 2,000 个字符。");

export async function publishAction(reportId: string, _state: FormState, formData: FormData): Promise<FormState> {
  return done(reportId, async () => {
    const actor = await requireActor();
    const note = text.safeParse(formData.get("correctionNote") ?? "");
    if (!note.success) throw new AppError("INVALID_INPUT", "更正说明不能超过 2,000 个字符。", { correctionNote: "更正说明不能超过 2,000 个字符。" });
    const published = await publishReport({ actor, reportId: parseId(reportId), correctionNote: note.data, clientAddress: await currentClientAddress() });
    return `已发布第 ${published.version} 版，索引号 ${published.indexNumber}。公开地址：${reportPath(published.organCode, published.year)}`;
  });
}

export async function startCorrectionAction(reportId: string, _state: FormState, _formData: FormData): Promise<FormState> {
  return done(reportId, async () => {
    const actor = await requireActor();
    await startCorrection({ actor, reportId: parseId(reportId), clientAddress: await currentClientAddress() });
    return "已发起更正：报告回到草稿，修改后须重新经过审核再发布。当前公开版本保持不变。";
  });
}

export async function withdrawPublishedAction(reportId: string, _state: FormState, formData: FormData): Promise<FormState> {
  return done(reportId, async () => {
    const actor = await requireActor();
    const reason = text.safeParse(formData.get("reason") ?? "");
    if (!reason.success) throw new AppError("INVALID_INPUT", "理由不能超过 2,000 个字符。", { reason: "理由不能超过 2,000 个字符。" });
    await withdrawPublished({ actor, reportId: parseId(reportId), reason: reason.data, clientAddress: await currentClientAddress() });
    return "已撤回。公开页面将显示撤回时间和理由。";
  });
}
