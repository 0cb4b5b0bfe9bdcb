import "server-only";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/current-actor";
import type { Action } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { findReportOrThrow } from "./find-report";

/** For pages: the report when the signed-in person may do `action` to it; otherwise a 404. */
export async function requireReportPage(reportId: string, action: Action) {
  const actor = await requireActor();
  try {
    return { actor, report: await findReportOrThrow(actor, reportId, action) };
  } catch (error) {
    if (error instanceof AppError) notFound();
    throw error;
  }
}
