"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { FormState } from "@/lib/actions/form-state";
import { parseForm, parseId, runAction } from "@/lib/actions/run-action";
import { currentClientAddress, requireActor } from "@/lib/auth/current-actor";
import { AppError } from "@/lib/errors";
import { isSectionKey } from "@/lib/report-format/content";
import { assignSection } from "@/lib/reports/assign-section";
import { importReport } from "@/lib/reports/import-report";
import { text } from "@/lib/validation/fields";

const MAX_IMPORT_BYTES = 1_000_000;

export async function assignSectionAction(reportId: string, key: string, _state: FormState, formData: FormData): Promise<FormState> {
  return runAction(async () => {
    const actor = await requireActor();
    if (!isSectionKey(key)) throw new AppError("NOT_FOUND", "该部分不存在。");
    const { assigneeId } = parseForm(z.object({ assigneeId: text() }), formData);
    await assignSection({
      actor,
      reportId: parseId(reportId),
      key,
      assigneeId: assigneeId ? parseId(assigneeId) : null,
      clientAddress: await currentClientAddress(),
    });
    revalidatePath(`/reports/${reportId}`);
    return "已指定。";
  });
}

export async function importReportAction(reportId: string, _state: FormState, formData: FormData): Promise<FormState> {
  return runAction(async () => {
    const actor = await requireActor();
    const file = formData.get("file");
    if (!(file instanceof File) || file.size === 0) throw new AppError("INVALID_INPUT", "请选择要导入的 JSON 文件。", { file: "请选择要导入的 JSON 文件。" });
    if (file.size > MAX_IMPORT_BYTES) throw new AppError("INVALID_INPUT", "文件过大（不能超过 1 MB）。", { file: "文件过大（不能超过 1 MB）。" });
    let content: string;
    try {
      content = new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer());
    } catch {
      throw new AppError("INVALID_INPUT", "文件不是 UTF-8 编码的文字。", { file: "文件不是 UTF-8 编码的文字。" });
    }
    let raw: unknown;
    try {
      raw = JSON.parse(content);
    } catch {
      throw new AppError("INVALID_INPUT", "文件不是有效的 JSON。", { file: "文件不是有效的 JSON。" });
    }
    const { notes } = await importReport({ actor, reportId: parseId(reportId), raw, clientAddress: await currentClientAddress() });
    revalidatePath(`/reports/${reportId}`);
    return `已导入。原内容保留在各部分的历史版本中。${notes.length ? `未导入：${notes.join("；")}` : ""}`;
  });
}
