"use server";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { FormState } from "@/lib/actions/form-state";
import { parseId, parseInput, runAction } from "@/lib/actions/run-action";
import { currentClientAddress, requireActor } from "@/lib/auth/current-actor";
import { AppError, userFacingFailure } from "@/lib/errors";
import type { ImportPreview } from "@/lib/report-files/import/import-plan";
import { MAX_IMPORT_FILE_BYTES, MAX_PASTED_CHARS } from "@/lib/report-files/import/read-report-file";
import { SECTION_KEYS, SECTION_TABLE, TYPED_CELLS } from "@/lib/report-format/format";
import { addExternalReport, previewExternalReport } from "@/lib/reports/add-external-report";
import { correctExternalReport } from "@/lib/reports/correct-external-report";
import type { ReportInput } from "@/lib/reports/read-report-input";

export type ExternalPreviewState = { ok: true; preview: ImportPreview; token: string; year: number; source: string } | { ok: false; message: string };

const TOO_LARGE = `文件超过 ${MAX_IMPORT_FILE_BYTES / 1024 / 1024} MB，无法导入。`;
/** The original address: an http(s) address only (it becomes a link on the public page). */
const sourceUrlField = z
  .string()
  .trim()
  .max(500, "原发布地址过长。")
  .refine((value) => value === "" || /^https?:\/\/[^\s<>"]+$/i.test(value), "原发布地址应以 http:// 或 https:// 开头。")
  .transform((value) => value || null);
const formSchema = z.object({
  year: z
    .string()
    .trim()
    .regex(/^(\d{4})?$/, "请选择报告年度。")
    .transform((value) => (value ? Number(value) : null)),
  sourceUrl: sourceUrlField,
  text: z.string().max(MAX_PASTED_CHARS, `粘贴的文字超过 ${MAX_PASTED_CHARS.toLocaleString("zh-CN")} 个字符，无法导入。`),
  token: z.string().regex(/^([0-9a-f]{64})?$/, "预览已失效，请重新预览。"),
});

async function parseExternalForm(formData: FormData) {
  const fields = parseInput(formSchema, {
    year: formData.get("year") ?? "",
    sourceUrl: formData.get("sourceUrl") ?? "",
    text: formData.get("text") ?? "",
    token: formData.get("token") ?? "",
  });
  const file = formData.get("file");
  let input: ReportInput;
  if (file instanceof File && file.size > 0) {
    if (file.size > MAX_IMPORT_FILE_BYTES) throw new AppError("INVALID_INPUT", TOO_LARGE, { file: TOO_LARGE });
    input = { kind: "file", name: file.name.slice(0, 200) || "文件", bytes: new Uint8Array(await file.arrayBuffer()) };
  } else if (fields.text.trim()) input = { kind: "text", text: fields.text };
  else throw new AppError("INVALID_INPUT", "请选择 Word 文件或网页文件，或粘贴报告的文字。", { file: "请选择文件。" });
  return { ...fields, input };
}

export async function previewExternalAction(organId: string, formData: FormData): Promise<ExternalPreviewState> {
  try {
    const actor = await requireActor();
    const { input, year, sourceUrl } = await parseExternalForm(formData);
    const result = await previewExternalReport({ actor, organId: parseId(organId), input, year, sourceUrl, clientAddress: await currentClientAddress() });
    return { ok: true, ...result };
  } catch (error) {
    return { ok: false, message: userFacingFailure(error, "external preview").message };
  }
}

export async function addExternalAction(organId: string, formData: FormData): Promise<FormState> {
  let added: { year: number } | null = null;
  const state = await runAction(async () => {
    const actor = await requireActor();
    const { input, year, sourceUrl, token } = await parseExternalForm(formData);
    if (!token) throw new AppError("INVALID_INPUT", "预览已失效，请重新预览。");
    added = await addExternalReport({ actor, organId: parseId(organId), input, year, sourceUrl, token, clientAddress: await currentClientAddress() });
    return "已添加。";
  });
  if (!state.ok || !added) return state;
  revalidatePath(`/organs/${organId}/history`);
  redirect(`/organs/${organId}/history/${(added as { year: number }).year}?added=1`);
}

/** The correction form: each narrative as text, each table's note and cells. */
export async function correctExternalAction(organId: string, year: number, _state: FormState, formData: FormData): Promise<FormState> {
  return runAction(async () => {
    const actor = await requireActor();
    const { expectedVersion, sourceUrl } = parseInput(
      z.object({ expectedVersion: z.coerce.number().int().min(1, "版本无效，请刷新页面。"), sourceUrl: sourceUrlField }),
      { expectedVersion: formData.get("expectedVersion"), sourceUrl: formData.get("sourceUrl") ?? "" },
      "请检查标出的字段。",
    );
    const value = (name: string) => {
      const v = formData.get(name);
      return typeof v === "string" ? v : "";
    };
    const sections = Object.fromEntries(
      SECTION_KEYS.map((key) => {
        const table = SECTION_TABLE[key];
        if (!table) return [key, { kind: "narrative", text: value(`text.${key}`) }];
        return [key, { kind: "table", note: value(`note.${key}`), cells: Object.fromEntries(TYPED_CELLS[table].map((c) => [c, value(`cell.${key}.${c}`).trim()])) }];
      }),
    );
    const { changes } = await correctExternalReport({
      actor,
      organId: parseId(organId),
      year,
      expectedVersion,
      sections,
      sourceUrl,
      clientAddress: await currentClientAddress(),
    });
    revalidatePath(`/organs/${organId}/history/${year}`);
    return changes.length ? `已更正 ${changes.length} 处，已记入操作日志。` : "没有改动。";
  });
}
