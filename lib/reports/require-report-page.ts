import "server-only";
import { notFound } from "next/navigation";
import { auditRefusal } from "@/lib/audit/refusals";
import { currentClientAddress, requireActor } from "@/lib/auth/current-actor";
import type { Action } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { findReportOrThrow } from "./find-report";

/** For pages: the report when the signed-in person may do `action` to it; otherwise a 404, kept in the log like any refused attempt. */
export async function requireReportPage(reportId: string, action: Action) {
  const actor = await requireActor();
  try {
    return { actor, report: await findReportOrThrow(actor, reportId, action) };
  } catch (error) {
    if (error instanceof AppError) {
      await auditRefusal(`page.${action}`, { actor, clientAddress: await currentClientAddress(), reportId: reportId.slice(0, 64) }, error);
      notFound();
    }
    throw error;
  }
}
