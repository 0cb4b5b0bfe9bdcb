// The 工作台's summary from the dashboard's rows (lib/supervision/progress-summary.ts).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PROGRESS } from "@/lib/domain/report-progress";
import { summariseProgress, type SummarisedRow } from "@/lib/supervision/progress-summary";

const row = (organName: string, over: Partial<SummarisedRow> = {}): SummarisedRow => ({
  organName,
  progress: "NOT_CREATED",
  overdue: false,
  statusText: "未创建",
  deadlineText: "剩 3 天",
  ...over,
});

describe("the 工作台's summary", () => {
  it("counts the organs under each status, and lists the first overdue organs by name", () => {
    const late = { overdue: true, deadlineText: "逾期 29 天" };
    const summary = summariseProgress(
      [
        row("丙镇", late),
        row("乙局", { ...late, progress: "IN_REVIEW", statusText: "审核中·一校·初审" }),
        row("戊", { progress: "PUBLISHED", statusText: "已发布", deadlineText: "按期发布" }),
        row("甲镇", late),
        row("己"),
        row("丁局", { ...late, progress: "IN_REVIEW", statusText: "审核中·一校·初审" }),
        row("庚", { progress: "CORRECTING", statusText: "更正中" }),
      ],
      3,
    );
    expect(summary.total).toBe(7);
    expect(summary.counts).toMatchObject({ NOT_CREATED: 3, IN_REVIEW: 2, PUBLISHED: 1, CORRECTING: 1, DRAFT: 0 });
    expect(summary.overdueCount).toBe(4);
    expect(summary.overdue).toEqual([
      { organName: "丁局", statusText: "审核中·一校·初审", deadlineText: "逾期 29 天" },
      { organName: "丙镇", statusText: "未创建", deadlineText: "逾期 29 天" },
      { organName: "乙局", statusText: "审核中·一校·初审", deadlineText: "逾期 29 天" },
    ]);
  });

  it("lists the same organs as sorting every overdue one by name would, in any order of the rows", () => {
    const rows = fc.uniqueArray(
      fc.record({
        organName: fc.string({ minLength: 1, maxLength: 4 }),
        progress: fc.constantFrom(...PROGRESS),
        overdue: fc.boolean(),
        statusText: fc.constant("s"),
        deadlineText: fc.constant("d"),
      }),
      { selector: (r) => r.organName, maxLength: 60 },
    );
    fc.assert(
      fc.property(rows, fc.integer({ min: 0, max: 12 }), (list, listed) => {
        const summary = summariseProgress(list, listed);
        const overdue = list.filter((r) => r.overdue).sort((a, b) => (a.organName < b.organName ? -1 : 1));
        expect(summary.overdue.map((r) => r.organName)).toEqual(overdue.slice(0, listed).map((r) => r.organName));
        expect(summary.overdueCount).toBe(overdue.length);
        expect(Object.values(summary.counts).reduce((a, b) => a + b, 0)).toBe(list.length);
      }),
    );
  });
});
