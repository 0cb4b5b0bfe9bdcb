"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { FormState } from "@/lib/actions/form-state";
import { parseForm, parseId, runAction } from "@/lib/actions/run-action";
import { currentClientAddress, requireActor } from "@/lib/auth/current-actor";
import { FIRST_REPORT_YEAR, yearInChina } from "@/lib/domain/report-progress";
import { createReport } from "@/lib/reports/create-report";

// The latest year is counted at each request (a server started in one year keeps running into the next).
const schema = z.object({
  year: z.coerce
    .number({ error: "请选择年度。" })
    .int("请选择年度。")
    .min(FIRST_REPORT_YEAR, `年度不能早于 ${FIRST_REPORT_YEAR} 年。`)
    .refine((year) => year <= yearInChina(new Date()), "不能为尚未开始的年度创建报告。"),
});

export async function createReportAction(organId: string, _state: FormState, formData: FormData): Promise<FormState> {
  let reportId: string | null = null;
  const state = await runAction(async () => {
    const actor = await requireActor();
    const { year } = parseForm(schema, formData);
    reportId = (await createReport({ actor, organId: parseId(organId), year, clientAddress: await currentClientAddress() })).id;
    return "已创建。";
  });
  if (reportId) redirect(`/reports/${reportId}`);
  return state;
}
