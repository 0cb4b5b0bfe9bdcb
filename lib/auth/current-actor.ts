import "server-only";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import { auditRefusal } from "@/lib/audit/refusals";
import { AppError } from "@/lib/errors";
import { idField } from "@/lib/validation/fields";
import { findOrganScope } from "./organ-scope";
import { getAuthOptions } from "./auth-options";
import { clientAddressFrom } from "./client-address";
import { loadActor, type SessionActor } from "./load-actor";
import { can, type Action, type OrganScope } from "./permissions";

const readCurrentActor = cache(async (countsAsActivity: boolean): Promise<SessionActor | null> => {
  const session = (await getServerSession(getAuthOptions())) as { uid?: string; sid?: string } | null;
  if (!session?.uid || !session.sid) return null;
  return loadActor({ userId: session.uid, sessionId: session.sid, countsAsActivity });
});

/** The person behind this request's live session, read once per request (the layout, the page and its panels all ask). */
export const getCurrentActor = () => readCurrentActor(true);

/** The same, for a request that is not the person's activity (an open editor's presence ping): it does not keep the session alive. */
export const getCurrentActorQuietly = () => readCurrentActor(false);

/** The signed-in person; sends everyone else to the login page, and anyone with a reset password to change it first. */
export async function requireActor(options: { allowPendingPasswordChange?: boolean } = {}): Promise<SessionActor> {
  const actor = await getCurrentActor();
  if (!actor) redirect("/login");
  if (actor.mustChangePassword && !options.allowPendingPasswordChange) redirect("/account/password");
  return actor;
}

/**
 * For pages: the actor and the organ, when the actor may do `action` there.
 * Another organ's page is "not found", so a direct request learns nothing.
 */
export async function requireOrganPermission(action: Action, organId: string): Promise<{ actor: SessionActor; scope: OrganScope }> {
  const actor = await requireActor();
  const scope = idField.safeParse(organId).success ? await findOrganScope(organId) : null;
  if (!scope || !can(actor, action, scope)) {
    // Opening another organ's page by address is an attempt like any other: kept in the log.
    const refusal = new AppError("NOT_FOUND", "机关不存在，或您无权查看此页面。");
    await auditRefusal(`page.${action}`, { actor, clientAddress: await currentClientAddress(), organId: organId.slice(0, 64) }, refusal);
    notFound();
  }
  return { actor, scope };
}

export async function currentClientAddress() {
  return clientAddressFrom(await headers());
}
