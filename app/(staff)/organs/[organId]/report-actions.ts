"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { FormState } from "@/lib/actions/form-state";
import { parseForm, parseId, runAction } from "@/lib/actions/run-action";
import { currentClientAddress, requireActor } from "@/lib/auth/current-actor";
import { createReport } from "@/lib/reports/create-report";

const schema = z.object({
  year: z.coerce.number({ error: "请选择年度。" }).int("请选择年度。").min(2008, "年度不能早于 2008 年。").max(new Date().getFullYear(), "不能为尚未结束的年度创建报告。"),
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
