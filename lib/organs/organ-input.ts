// The organ form's schema, shared by the browser form and the server action.
import { z } from "zod";
import { deadlineDayField, deadlineMonthField, organCodeField, organKindField, organNameField, organShortNameField } from "@/lib/validation/fields";

/** Days per month in a common year: a deadline must exist every year. */
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const deadlineExists = (d: { deadlineMonth: number; deadlineDay: number }) => d.deadlineDay <= (DAYS_IN_MONTH[d.deadlineMonth - 1] ?? 0);
const NO_SUCH_DAY = { message: "该月份没有这一天。", path: ["deadlineDay"] };

export const deadlineSchema = z.object({ deadlineMonth: deadlineMonthField, deadlineDay: deadlineDayField }).refine(deadlineExists, NO_SUCH_DAY);

export const organInputSchema = z
  .object({
    name: organNameField,
    shortName: organShortNameField,
    kind: organKindField,
    code: organCodeField,
    parentId: z.union([z.literal("").transform(() => null), z.string().uuid("请选择上级机关。")]),
    deadlineMonth: deadlineMonthField,
    deadlineDay: deadlineDayField,
  })
  .refine(deadlineExists, NO_SUCH_DAY);

export type OrganInput = z.output<typeof organInputSchema>;
