// One text schema at every boundary: NUL, other control characters, lone surrogates and
// non-characters are refused with a Chinese message at the field, wherever text comes in.
import { describe, expect, it } from "vitest";
import { auditFilterSchema } from "@/lib/audit/audit-filter";
import { organInputSchema } from "@/lib/organs/organ-input";
import { sectionContentSchema } from "@/lib/report-format/content";
import { parseReportJson, toReportJson } from "@/lib/report-files/report-json";
import { decisionSchema } from "@/lib/review/decision-input";
import { parseWordLists, stagesSchema } from "@/lib/review/review-settings";
import { displayNameField, fieldErrorsOf, isSafeText, optionalEmailField, passwordField, UNSAFE_TEXT_MESSAGE, usernameField } from "@/lib/validation/fields";
import type { z } from "zod";
import { validDraft } from "./report-fixtures";

const BAD = ["a\u0000b", "a\ud800b", "a\udc00b", "a\u0007b", "a\uffffb", "a\ufdd0b"];
const firstMessage = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  return result.success ? null : result.error.issues[0]!.message;
};

describe("unsafe text", () => {
  it("tells unsafe characters from ordinary text, emoji and line breaks", () => {
    for (const bad of BAD) expect(isSafeText(bad), JSON.stringify(bad)).toBe(false);
    for (const good of ["政府信息公开", "第一段\n第二段\r\n\t缩进", "😀 表情", "（一）主动公开"]) expect(isSafeText(good)).toBe(true);
  });

  it.each(BAD)("is refused by every input schema, with a Chinese message (%j)", (bad) => {
    const section = sectionContentSchema("problems");
    const table = sectionContentSchema("requests");
    const expectations: Array<[string, string | null]> = [
      ["username", firstMessage(usernameField, `x${bad}`)],
      ["password", firstMessage(passwordField, `good-password${bad}`)],
      ["display name", firstMessage(displayNameField, bad)],
      ["email", firstMessage(optionalEmailField, `a${bad}@b.cn`)],
      ["organ", firstMessage(organInputSchema, { name: `洲泉${bad}`, shortName: "洲泉", kind: "TOWNSHIP", code: "A1", parentId: "", deadlineMonth: "1", deadlineDay: "31" })],
      ["narrative", firstMessage(section, { kind: "narrative", text: bad })],
      ["table note", firstMessage(table, { kind: "table", note: bad, cells: {} })],
      ["cell", firstMessage(table, { kind: "table", note: "", cells: { "newRequests.natural": bad } })],
      ["decision comment", firstMessage(decisionSchema, { roundId: "1c4a6a55-7c39-4c57-9a38-1a2b3c4d5e6f", stageIndex: 0, verdict: "return", comment: bad })],
      ["decision reason", firstMessage(decisionSchema, { roundId: "1c4a6a55-7c39-4c57-9a38-1a2b3c4d5e6f", stageIndex: 0, verdict: "approve", warningReasons: { k: bad } })],
      [
        "stage name",
        firstMessage(stagesSchema, [
          { name: bad, role: "FIRST_REVIEWER", isConfidentialityReview: true },
          { name: "二", role: "SECOND_REVIEWER", isConfidentialityReview: false },
          { name: "三", role: "FINAL_REVIEWER", isConfidentialityReview: false },
        ]),
      ],
    ];
    for (const [what, message] of expectations) expect(message, what).toBe(UNSAFE_TEXT_MESSAGE);
    expect(parseWordLists(`词${bad}`, "")).toEqual({ error: UNSAFE_TEXT_MESSAGE });
    expect(parseWordLists("", `错${bad}=对`)).toEqual({ error: UNSAFE_TEXT_MESSAGE });
    // A filter is a convenience: unsafe text is dropped, not searched for.
    expect(auditFilterSchema.parse({ actor: bad }).actor).toBeUndefined();
  });

  it("is refused in an imported report file, naming where", () => {
    const file = toReportJson({ organ: { name: "洲泉镇", code: "A1", kind: "TOWNSHIP" }, year: 2024, title: "t", sections: validDraft() });
    (file.sections[5] as { text: string }).text = "处理费\u0000";
    const parsed = parseReportJson(file);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems).toEqual([`第 6 部分“六、其他需要报告的事项”的正文（text）：${UNSAFE_TEXT_MESSAGE}`]);
  });

  it("names the field in a form", () => {
    const result = organInputSchema.safeParse({ name: "洲泉镇", shortName: "洲\u0000泉", kind: "TOWNSHIP", code: "A1", parentId: "", deadlineMonth: "1", deadlineDay: "31" });
    expect(result.success).toBe(false);
    if (!result.success) expect(fieldErrorsOf(result.error)).toEqual({ shortName: UNSAFE_TEXT_MESSAGE });
  });
});
