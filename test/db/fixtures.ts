// What the database tests share: a platform administrator to set things up with,
// unique names, and a check that a call was refused with an AppError.
import { randomBytes } from "node:crypto";
import { expect } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";

export const platformAdmin: Actor = { id: "platform", displayName: "平台", isPlatformAdmin: true, memberships: [] };

/** A short random suffix, so that every test's organs and people are its own. */
export const tag = () => randomBytes(4).toString("hex");

/** The AppError a call was refused with (the test fails when it was not refused). */
export async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}
