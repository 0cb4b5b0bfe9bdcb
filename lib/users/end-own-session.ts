import "server-only";
import { appendAuditEntry } from "@/lib/audit/append-audit-entry";
import { auditingRefusals } from "@/lib/audit/refusals";
import type { Actor } from "@/lib/auth/permissions";
import { endSessions } from "@/lib/auth/sessions";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

/** A person ends one of their own sessions (e.g. one left open on another computer); nobody else's. */
export async function endOwnSession(options: { actor: Actor; sessionId: string; clientAddress: string | null }) {
  return auditingRefusals("session.end", options, async () => {
    const { actor, sessionId, clientAddress } = options;
    await db().$transaction(async (tx) => {
      const ended = await endSessions(tx, { userId: actor.id, only: sessionId, reason: "ended_by_user" });
      if (ended === 0) throw new AppError("NOT_FOUND", "该登录已结束，或不是您的登录。");
      await appendAuditEntry(tx, { action: "auth.session_ended", actor, targetType: "user", targetId: actor.id, clientAddress, details: { sessionId } });
    });
  });
}
