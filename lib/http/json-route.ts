import "server-only";
import { NextResponse } from "next/server";
import type { z } from "zod";
import { getCurrentActor } from "@/lib/auth/current-actor";
import type { SessionActor } from "@/lib/auth/load-actor";
import { AppError, GENERIC_FAILURE_MESSAGE } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/validation/fields";

/**
 * The frame of a JSON route handler: who is asking, the parsed body, and the
 * mapping of outcomes to responses. Only messages meant for users leave it.
 */
export async function jsonRoute<S extends z.ZodType>(
  request: Request,
  schema: S,
  handle: (actor: SessionActor, body: z.output<S>) => Promise<Response>,
): Promise<Response> {
  try {
    const actor = await getCurrentActor();
    if (!actor) throw new AppError("UNAUTHENTICATED", "登录已过期，请重新登录。您的修改仍保存在本浏览器中。");
    if (actor.mustChangePassword) throw new AppError("FORBIDDEN", "请先修改密码。");
    const raw = await request.json().catch(() => undefined);
    const parsed = schema.safeParse(raw);
    if (!parsed.success) throw new AppError("INVALID_INPUT", "请求内容不符合要求。", fieldErrorsOf(parsed.error));
    return await handle(actor, parsed.data);
  } catch (error) {
    if (error instanceof AppError) {
      return NextResponse.json({ message: error.userMessage, fieldErrors: error.fieldErrors }, { status: error.httpStatus });
    }
    console.error("[route]", error);
    return NextResponse.json({ message: GENERIC_FAILURE_MESSAGE }, { status: 500 });
  }
}
