import { isUnstorableText } from "@/lib/db/errors";

// One error class for failures a user may be told about. Anything else is an
// internal error and reaches the user only as a generic message.
export type AppErrorCode = "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "INVALID_INPUT" | "CONFLICT" | "LOCKED" | "TOO_LARGE";

const HTTP_STATUS: Record<AppErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID_INPUT: 400,
  CONFLICT: 409,
  LOCKED: 423,
  TOO_LARGE: 413,
};

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    /** Chinese, meant for the user. */
    readonly userMessage: string,
    /** Per-field Chinese messages, for forms. */
    readonly fieldErrors: Record<string, string> = {},
  ) {
    super(`${code}: ${userMessage}`);
    this.name = "AppError";
  }

  get httpStatus() {
    return HTTP_STATUS[this.code];
  }
}

export const GENERIC_FAILURE_MESSAGE = "操作未能完成，请稍后重试。如果问题持续，请联系管理员。";

export type UserFacingFailure = { status: number; message: string; fieldErrors: Record<string, string> };

/**
 * The one mapping from a failure to what the person is told: an AppError's own words and
 * status; anything else is logged here (under `where`) and told only as a generic 500.
 * Route handlers (JSON and downloads) and server actions all answer through it.
 */
export function userFacingFailure(error: unknown, where: string): UserFacingFailure {
  if (error instanceof AppError) return { status: error.httpStatus, message: error.userMessage, fieldErrors: error.fieldErrors };
  if (isUnstorableText(error)) {
    console.error(`[${where}] text the database cannot store got past the input schemas:`, error);
    return { status: 400, message: "内容含有无法保存的字符（如空字符），请删除后重试。", fieldErrors: {} };
  }
  console.error(`[${where}]`, error);
  return { status: 500, message: GENERIC_FAILURE_MESSAGE, fieldErrors: {} };
}
