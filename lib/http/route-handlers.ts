import "server-only";
import { NextResponse } from "next/server";
import type { z } from "zod";
import { auditingRefusals } from "@/lib/audit/refusals";
import { clientAddressFrom } from "@/lib/auth/client-address";
import { getCurrentActor, getCurrentActorQuietly } from "@/lib/auth/current-actor";
import type { SessionActor } from "@/lib/auth/load-actor";
import { auditStrayRefusal } from "@/lib/actions/run-action";
import { AppError, userFacingFailure } from "@/lib/errors";
import { readTextBody } from "./read-body";
import { fieldErrorsOf } from "@/lib/validation/fields";

// The frames of the route handlers: who is asking, the parsed input, and the mapping of
// outcomes to responses (lib/errors.ts). Only messages meant for users leave them.

/** The signed-in person a route acts for; refused like a page would refuse them. */
async function requireRouteActor(options: { countsAsActivity: boolean } = { countsAsActivity: true }): Promise<SessionActor> {
  const actor = options.countsAsActivity ? await getCurrentActor() : await getCurrentActorQuietly();
  if (!actor) throw new AppError("UNAUTHENTICATED", "登录已过期或尚未登录，请重新登录。");
  if (actor.mustChangePassword) throw new AppError("FORBIDDEN", "请先修改密码。");
  return actor;
}

/** The body as JSON, at most MAX_JSON_BODY_BYTES; bytes that are not UTF-8 are refused, not silently replaced with U+FFFD. */
async function readJsonBody(request: Request): Promise<unknown> {
  const body = await readTextBody(request);
  try {
    return JSON.parse(body);
  } catch {
    throw new AppError("INVALID_INPUT", "请求内容不是有效的 JSON。");
  }
}

/**
 * A JSON route: the body parsed with its schema; failures answer `{ message, fieldErrors }` with
 * their status. `countsAsActivity: false` for requests the browser sends by itself (presence pings),
 * which must not keep an idle session alive.
 */
export async function jsonRoute<S extends z.ZodType>(
  request: Request,
  schema: S,
  handle: (actor: SessionActor, body: z.output<S>) => Promise<Response>,
  options: { countsAsActivity: boolean } = { countsAsActivity: true },
): Promise<Response> {
  try {
    const actor = await requireRouteActor(options);
    const parsed = schema.safeParse(await readJsonBody(request));
    if (!parsed.success) throw new AppError("INVALID_INPUT", "请求内容不符合要求。", fieldErrorsOf(parsed.error));
    return await handle(actor, parsed.data);
  } catch (error) {
    await auditStrayRefusal("route", error);
    const failure = userFacingFailure(error, "route");
    return NextResponse.json({ message: failure.message, fieldErrors: failure.fieldErrors }, { status: failure.status });
  }
}

/**
 * A download (a file, opened by following a link), read under the permission table: a refusal
 * is audited like a use case's; failures answer as plain text a browser can show.
 */
export async function downloadRoute(
  request: Request,
  attempt: string,
  target: { reportId?: string; organId?: string },
  handle: (actor: SessionActor) => Promise<Response>,
): Promise<Response> {
  try {
    const actor = await requireRouteActor();
    return await auditingRefusals(attempt, { actor, clientAddress: clientAddressFrom(request.headers), ...target }, () => handle(actor));
  } catch (error) {
    await auditStrayRefusal("route", error);
    const failure = userFacingFailure(error, "download");
    return new Response(failure.message, { status: failure.status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
  }
}

/** A download's Content-Disposition, its Chinese file name encoded as RFC 6266 asks. */
export const attachment = (name: string) => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;
