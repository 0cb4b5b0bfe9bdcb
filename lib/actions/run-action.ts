import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { auditRefusalOnce } from "@/lib/audit/refusals";
import { currentClientAddress, getCurrentActorQuietly } from "@/lib/auth/current-actor";
import { AppError, userFacingFailure } from "@/lib/errors";
import { fieldErrorsOf, idField } from "@/lib/validation/fields";
import type { FormState } from "./form-state";

/** Parses form data with a schema, or throws an AppError with Chinese messages per field. */
export function parseForm<S extends z.ZodType>(schema: S, formData: FormData): z.output<S> {
  return parseInput(schema, Object.fromEntries(formData), "请检查标出的字段。");
}

/** Parses an action's input with its schema; refused with the messages per field (and the first as the message, unless one is given). */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, message?: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new AppError("INVALID_INPUT", message ?? result.error.issues[0]!.message, fieldErrorsOf(result.error));
  return result.data;
}

/**
 * Runs a server action's body and maps the outcome to a FormState. Only messages
 * written for users reach them; anything unexpected is logged and reported generically.
 */
export async function runAction(body: () => Promise<Omit<FormState, "fieldErrors"> | string>): Promise<FormState> {
  try {
    const result = await body();
    return typeof result === "string" ? { ok: true, message: result, fieldErrors: {} } : { ...result, fieldErrors: {} };
  } catch (error) {
    unstable_rethrow(error); // redirect() and notFound() are not failures
    await auditStrayRefusal("action", error);
    const failure = userFacingFailure(error, "action");
    return { ok: false, message: failure.message, fieldErrors: failure.fieldErrors };
  }
}

/** An id from the browser (bound argument or hidden field); a malformed one is simply "not found". */
export function parseId(value: unknown): string {
  const result = idField.safeParse(value);
  if (!result.success) throw new AppError("NOT_FOUND", "要操作的对象不存在。");
  return result.data;
}

/**
 * A permission refusal raised in an action's or route's own frame, before any use case ran (a
 * tampered id, a password that must be changed first): kept in the log like the use cases' own.
 * Typing mistakes caught by a form's schema are not attempts and are not logged.
 */
export async function auditStrayRefusal(attempt: "action" | "route", error: unknown) {
  if (!(error instanceof AppError) || (error.code !== "FORBIDDEN" && error.code !== "NOT_FOUND")) return;
  const actor = await getCurrentActorQuietly().catch(() => null);
  await auditRefusalOnce(attempt, { actor, clientAddress: await currentClientAddress() }, error).catch((failure: unknown) =>
    console.error("[audit] refusal not recorded:", failure),
  );
}
