// One error class for failures a user may be told about. Anything else is an
// internal error and reaches the user only as a generic message.
export type AppErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "INVALID_INPUT"
  | "CONFLICT"
  | "LOCKED";

const HTTP_STATUS: Record<AppErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID_INPUT: 400,
  CONFLICT: 409,
  LOCKED: 423,
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
