"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { FormState } from "@/lib/actions/form-state";
import { parseForm, parseId, runAction } from "@/lib/actions/run-action";
import { currentClientAddress, requireActor } from "@/lib/auth/current-actor";
import { startCorrection, withdrawPublished } from "@/lib/publish/correct-or-withdraw";
import { publishReport } from "@/lib/publish/publish-report";
import { text } from "@/lib/validation/fields";
import { publishSchema } from "@/lib/validation/publish-input";
import { doneAddress, type DoneNotice } from "./done-notices";

/** The form that was used disappears once the report changes state: the outcome is shown at the top of the page. */
async function done(reportId: string, notice: DoneNotice, run: () => Promise<void>): Promise<FormState> {
  const state = await runAction(async () => {
    await run();
    return "";
  });
  if (state.ok) redirect(doneAddress(reportId, notice));
  return state;
}

const longText = (what: string) => text(`请填写${what}。`).max(2_000, `${what}不能超过 2,000 个字符。`);
const withdrawSchema = z.object({ reason: longText("撤回理由").default("") });

export async function publishAction(reportId: string, _state: FormState, formData: FormData): Promise<FormState> {
  return done(reportId, "published", async () => {
    const actor = await requireActor();
    const { correctionNote, ...metadata } = parseForm(publishSchema, formData);
    await publishReport({ actor, reportId: parseId(reportId), correctionNote, metadata, clientAddress: await currentClientAddress() });
  });
}

export async function startCorrectionAction(reportId: string, _state: FormState, _formData: FormData): Promise<FormState> {
  return done(reportId, "correctionStarted", async () => {
    const actor = await requireActor();
    await startCorrection({ actor, reportId: parseId(reportId), clientAddress: await currentClientAddress() });
  });
}

export async function withdrawPublishedAction(reportId: string, _state: FormState, formData: FormData): Promise<FormState> {
  return done(reportId, "withdrawnFromPublic", async () => {
    const actor = await requireActor();
    const { reason } = parseForm(withdrawSchema, formData);
    await withdrawPublished({ actor, reportId: parseId(reportId), reason, clientAddress: await currentClientAddress() });
  });
}
