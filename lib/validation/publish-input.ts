// The publish form's schema, shared by the browser form and the server action. The 发文日期's
// bounds (today, the final approval) and the 索引号's shape and uniqueness are the use case's.
import { z } from "zod";
import { calendarDateField, documentNumberField, indexNumberField, reportYearField, serialField, text } from "./fields";

export const INDEX_MODES = ["platform", "external"] as const;
export type IndexMode = (typeof INDEX_MODES)[number];
export const INDEX_MODE_LABELS: Record<IndexMode, string> = { platform: "由本平台分配", external: "填写其他平台分配的索引号" };

const correctionNoteField = text("请填写更正说明。").max(2_000, "更正说明不能超过 2,000 个字符。");

/**
 * The first publication sends the metadata; a correction sends only its note (it keeps the
 * metadata of the first version), so the metadata fields are optional here and required by the
 * use case when they are needed.
 */
export const publishSchema = z.object({
  correctionNote: correctionNoteField.default(""),
  issuedOn: calendarDateField.optional(),
  documentNumber: documentNumberField.default(""),
  indexMode: z.enum(INDEX_MODES, { error: "请选择索引号的来源。" }).default("platform"),
  indexNumber: indexNumberField.default(""),
});
export type PublishInput = z.output<typeof publishSchema>;

/** An organ's 管理员 sets where the platform's serials start for a year (a platform joining mid-year). */
export const indexSerialStartSchema = z.object({ year: reportYearField, start: serialField });
