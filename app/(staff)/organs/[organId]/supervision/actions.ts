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

const reminderSchema = z.object({ message: text("请填写留言。").max(500, "留言不能超过 500 个字符。").default("") });

/** 催办 one organ (`target` its id) or every overdue one (`target` "overdue"). */
export async function remindAction(organId: string, year: number, target: string, _state: FormState, formData: FormData): Promise<FormState> {
  return runAction(async () => {
    const actor = await requireActor();
    const yearProblem = reportYearProblem(year);
    if (yearProblem) throw new AppError("INVALID_INPUT", yearProblem);
    const { message } = parseForm(reminderSchema, formData);
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
