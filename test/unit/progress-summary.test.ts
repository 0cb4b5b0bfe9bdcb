// The 工作台's summary from groups of organs (lib/supervision/progress-summary.ts).
import { describe, expect, it } from "vitest";
import { summariseProgress, type ProgressGroup } from "@/lib/supervision/progress-summary";

const group = (over: Partial<ProgressGroup>): ProgressGroup => ({
  deadlineMonth: 1,
  deadlineDay: 31,
  status: null,
  isCorrection: null,
  roundStatus: null,
  stageName: null,
  published: false,
  organs: 1,
  names: ["某机关"],
  ...over,
});

describe("the 工作台's summary", () => {
  const now = new Date("2025-03-01T01:00:00Z"); // past 31 January 2025, before 31 March

  it("counts each group's organs under its reading, and lists the first overdue organs by name", () => {
    const summary = summariseProgress(
      [
        group({ organs: 3, names: ["丙镇", "甲镇"] }),
        group({ status: "IN_REVIEW", roundStatus: "OPEN", stageName: "一校·初审", organs: 2, names: ["乙局", "丁局"] }),
        group({ status: "PUBLISHED", organs: 4, names: ["戊"] }),
        group({ deadlineMonth: 3, organs: 5, names: ["己"] }), // not yet due
        group({ status: "DRAFT", isCorrection: true, published: true, organs: 2, names: ["庚"] }), // a correction: never overdue
      ],
      2024,
      now,
      3,
    );
    expect(summary.total).toBe(16);
    expect(summary.counts).toMatchObject({ NOT_CREATED: 8, IN_REVIEW: 2, PUBLISHED: 4, CORRECTING: 2, DRAFT: 0 });
    expect(summary.overdueCount).toBe(5);
    expect(summary.overdue).toEqual([
      { organName: "丁局", statusText: "审核中·一校·初审", deadlineText: "逾期 29 天" },
      { organName: "丙镇", statusText: "未创建", deadlineText: "逾期 29 天" },
      { organName: "乙局", statusText: "审核中·一校·初审", deadlineText: "逾期 29 天" },
    ]);
  });
});
