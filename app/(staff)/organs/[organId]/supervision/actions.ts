"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { FormState } from "@/lib/actions/form-state";
import { parseForm, parseId, runAction } from "@/lib/actions/run-action";
import { currentClientAddress, requireActor } from "@/lib/auth/current-actor";
import { reportYearProblem } from "@/lib/domain/report-progress";
import { AppError } from "@/lib/errors";
import { sendReminders } from "@/lib/supervision/send-reminders";
import { text } from "@/lib/validation/fields";

const reminderSchema = z.object({ message: text("请填写留言。").max(500, "留言不能超过 500 个字符。").default(""), target: z.string().default("") });

/**
 * 催办 one organ (the form's `target`: its id) or every overdue one (`target` "overdue"). The
 * target is a plain form field rather than a bound argument, so that the dashboard's hundred rows
 * share one action reference (each bound one was encrypted into the page); sendReminders refuses,
 * and audits, any organ outside the supervisor's scope.
 */
export async function remindAction(organId: string, year: number, _state: FormState, formData: FormData): Promise<FormState> {
  return runAction(async () => {
    const actor = await requireActor();
    const yearProblem = reportYearProblem(year);
    if (yearProblem) throw new AppError("INVALID_INPUT", yearProblem);
    const { message, target } = parseForm(reminderSchema, formData);
    const { count } = await sendReminders({
      actor,
      organId: parseId(organId),
      year,
      targets: target === "overdue" ? "overdue" : { organIds: [parseId(target)] },
      message,
      clientAddress: await currentClientAddress(),
    });
    revalidatePath(`/organs/${organId}/supervision`);
    return `已向 ${count} 个机关催办。`;
  });
}
