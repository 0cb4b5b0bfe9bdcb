"use server";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { parseId, parseInput, runAction } from "@/lib/actions/run-action";
import { currentClientAddress, requireActor } from "@/lib/auth/current-actor";
import { AppError, userFacingFailure } from "@/lib/errors";
import { MAX_IMPORT_FILE_BYTES, MAX_PASTED_CHARS } from "@/lib/report-files/import/read-report-file";
import type { ImportPreview } from "@/lib/report-files/import/import-plan";
import { importReportFile, previewReportFile } from "@/lib/reports/import-report-file";
import type { ReportInput } from "@/lib/reports/read-report-input";
import { doneAddress } from "../done-notices";

export type PreviewState = { ok: true; preview: ImportPreview; token: string; source: string } | { ok: false; message: string };

const TOO_LARGE = `文件超过 ${MAX_IMPORT_FILE_BYTES / 1024 / 1024} MB，无法导入。`;
const inputSchema = z.object({
  text: z
    .string()
    .max(MAX_PASTED_CHARS, `粘贴的文字超过 ${MAX_PASTED_CHARS.toLocaleString("zh-CN")} 个字符，无法导入。`)
    .optional(),
  token: z
    .string()
    .regex(/^[0-9a-f]{64}$/, "预览已失效，请重新预览。")
    .optional(),
});

/** The file or the pasted text of the form, checked for size before it is read. */
async function inputOf(formData: FormData): Promise<{ input: ReportInput; token?: string }> {
  const file = formData.get("file");
  const { text, token } = parseInput(inputSchema, { text: formData.get("text") ?? undefined, token: formData.get("token") ?? undefined });
  if (file instanceof File && file.size > 0) {
    if (file.size > MAX_IMPORT_FILE_BYTES) throw new AppError("INVALID_INPUT", TOO_LARGE, { file: TOO_LARGE });
    return { input: { kind: "file", name: file.name.slice(0, 200) || "文件", bytes: new Uint8Array(await file.arrayBuffer()) }, token };
  }
  if (text?.trim()) return { input: { kind: "text", text }, token };
  throw new AppError("INVALID_INPUT", "请选择 Word 文件或网页文件，或粘贴报告的文字。", { file: "请选择文件。" });
}

/** Reads the file and returns what importing it would do; nothing is written. */
export async function previewImportAction(reportId: string, formData: FormData): Promise<PreviewState> {
  try {
    const actor = await requireActor();
    const { input } = await inputOf(formData);
    const result = await previewReportFile({ actor, reportId: parseId(reportId), input, clientAddress: await currentClientAddress() });
    return { ok: true, ...result };
  } catch (error) {
    return { ok: false, message: userFacingFailure(error, "import preview").message };
  }
}

/** Writes what the preview showed (the same file, the same draft), then goes back to the report. */
export async function confirmImportAction(reportId: string, formData: FormData) {
  const state = await runAction(async () => {
    const actor = await requireActor();
    const { input, token } = await inputOf(formData);
    if (!token) throw new AppError("INVALID_INPUT", "预览已失效，请重新预览。");
    await importReportFile({ actor, reportId: parseId(reportId), input, token, clientAddress: await currentClientAddress() });
    return "已导入。";
  });
  if (!state.ok) return state;
  revalidatePath(`/reports/${reportId}`);
  redirect(doneAddress(reportId, "imported"));
}
