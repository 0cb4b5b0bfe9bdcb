// Field schemas shared by forms in the browser and actions on the server.
import { z } from "zod";
import { ORGAN_KINDS } from "@/lib/domain/organ-kinds";
import { DOCUMENT_NUMBER_MAX_LENGTH, INDEX_NUMBER_MAX_LENGTH, isCalendarDate, MAX_SERIAL } from "@/lib/domain/publication-metadata";
import { ROLES } from "@/lib/domain/roles";

/**
 * Characters no text in the system may hold: NUL and the other control characters (tab, line
 * feed and carriage return aside), unpaired surrogates and the non-characters. PostgreSQL cannot
 * store NUL at all; the rest are never typed, and come only from broken or forged requests.
 */
const UNSAFE_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const UNSAFE_TEXT_MESSAGE = "含有无法保存的字符（如空字符或不完整的字符），请删除后重试。";
export const isSafeText = (value: string) => !UNSAFE_CHARACTER.test(value);

/** The one text schema every boundary builds on: a string without unsafe characters. */
export const text = (typeMessage = "请输入文字。") => z.string({ error: typeMessage }).refine(isSafeText, UNSAFE_TEXT_MESSAGE);

export const USERNAME_MAX_LENGTH = 64;
/** argon2 hashes anything, but a cap keeps a huge form field from costing CPU. */
export const PASSWORD_MAX_LENGTH = 128;

export const usernameField = text("请输入用户名。")
  .trim()
  .min(1, "请输入用户名。")
  .max(USERNAME_MAX_LENGTH, `用户名不能超过 ${USERNAME_MAX_LENGTH} 个字符。`)
  .regex(/^[a-zA-Z0-9._-]+$/, "用户名只能包含字母、数字、点、下划线和连字符。")
  .transform((v) => v.toLowerCase());

export const passwordField = text("请输入密码。").min(1, "请输入密码。").max(PASSWORD_MAX_LENGTH, `密码不能超过 ${PASSWORD_MAX_LENGTH} 个字符。`);

export const displayNameField = text("请输入姓名。").trim().min(1, "请输入姓名。").max(50, "姓名不能超过 50 个字符。");

export const idField = z.string().uuid("无效的编号。");

export const roleField = z.enum(ROLES, { error: "请选择有效的角色。" });

export const organKindField = z.enum(ORGAN_KINDS, { error: "请选择机关类型。" });

export const organNameField = text("请输入机关名称。").trim().min(2, "请输入机关名称。").max(60, "机关名称不能超过 60 个字符。");
export const organShortNameField = text("请输入简称。").trim().min(1, "请输入简称。").max(20, "简称不能超过 20 个字符。");
export const organCodeField = text("请输入机关代码。")
  .trim()
  .min(1, "请输入机关代码。")
  .max(40, "机关代码不能超过 40 个字符。")
  .regex(/^[0-9A-Za-z]+$/, "机关代码只能包含数字和字母（统一社会信用代码或平台代码）。");

export const deadlineMonthField = z.coerce.number({ error: "请输入月份。" }).int().min(1, "月份应为 1–12。").max(12, "月份应为 1–12。");
export const deadlineDayField = z.coerce.number({ error: "请输入日期。" }).int().min(1, "日期应为 1–31。").max(31, "日期应为 1–31。");

/** A calendar day as a date field sends it (YYYY-MM-DD); whether it is allowed is the use case's to say. */
export const calendarDateField = text("请填写日期。").trim().min(1, "请填写日期。").refine(isCalendarDate, "请填写有效的日期（年-月-日）。");

/** 文件编号: optional, e.g. 洲政办〔2025〕3号. */
export const documentNumberField = text("请输入文件编号。")
  .trim()
  .max(DOCUMENT_NUMBER_MAX_LENGTH, `文件编号不能超过 ${DOCUMENT_NUMBER_MAX_LENGTH} 个字符。`)
  .refine((v) => !/[<>]/.test(v), "文件编号不能包含“<”“>”。");

/** A 索引号 as typed: its shape is checked against the 发文日期 by externalIndexNumberProblem. */
export const indexNumberField = text("请输入索引号。").trim().max(INDEX_NUMBER_MAX_LENGTH, `索引号不能超过 ${INDEX_NUMBER_MAX_LENGTH} 个字符。`);

export const reportYearField = z.coerce.number({ error: "请输入年份。" }).int("年份应为整数。").min(2008, "年份应在 2008–2100 之间。").max(2100, "年份应在 2008–2100 之间。");
export const serialField = z.coerce
  .number({ error: "请输入流水号。" })
  .int("流水号应为整数。")
  .min(1, "流水号应为正整数。")
  .max(MAX_SERIAL, `流水号不能大于 ${MAX_SERIAL.toLocaleString("zh-CN")}。`);

/** Turns zod issues into one Chinese message per field (the first for each). */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "_form");
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}

/** Optional: an empty field means no email. */
export const optionalEmailField = text("请输入有效的邮箱地址。")
  .trim()
  .max(100, "邮箱不能超过 100 个字符。")
  .refine((v) => v === "" || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), "请输入有效的邮箱地址。")
  .transform((v) => (v === "" ? null : v.toLowerCase()));
