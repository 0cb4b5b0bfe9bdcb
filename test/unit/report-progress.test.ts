import { describe, expect, it } from "vitest";
import {
  currentReportYear,
  daysLeft,
  deadlineOf,
  deadlineText,
  isOverdue,
  progressLabel,
  progressOf,
  reportYearProblem,
  yearInChina,
  type Progress,
} from "@/lib/domain/report-progress";
import { dashboardView, readDashboardQuery } from "@/lib/supervision/dashboard-view";

const china = (iso: string) => new Date(`${iso}+08:00`);

describe("where a report stands", () => {
  it("reads the stored state as people do", () => {
    expect(progressOf(null)).toBe("NOT_CREATED");
    expect(progressOf({ status: "DRAFT", isCorrection: false, lastRoundStatus: null })).toBe("DRAFT");
    expect(progressOf({ status: "DRAFT", isCorrection: false, lastRoundStatus: "RETURNED" })).toBe("RETURNED");
    expect(progressOf({ status: "DRAFT", isCorrection: false, lastRoundStatus: "WITHDRAWN" })).toBe("DRAFT");
    expect(progressOf({ status: "IN_REVIEW", isCorrection: false, lastRoundStatus: "OPEN" })).toBe("IN_REVIEW");
    expect(progressOf({ status: "APPROVED", isCorrection: true, lastRoundStatus: "APPROVED" })).toBe("APPROVED");
    expect(progressOf({ status: "DRAFT", isCorrection: true, lastRoundStatus: "APPROVED" })).toBe("CORRECTING");
    expect(progressOf({ status: "PUBLISHED", isCorrection: false, lastRoundStatus: "APPROVED" })).toBe("PUBLISHED");
    expect(progressOf({ status: "WITHDRAWN", isCorrection: false, lastRoundStatus: null })).toBe("WITHDRAWN");
    expect(progressLabel("IN_REVIEW", "一校·初审")).toBe("审核中·一校·初审");
    expect(progressLabel("CORRECTING", "三校·终审（签发）")).toBe("更正中·审核中·三校·终审（签发）");
    expect(progressLabel("RETURNED")).toBe("已退回");
  });

  it("counts the deadline in China's calendar: 31 January of the next year, through the end of that day", () => {
    const deadline = deadlineOf(2024, 1, 31);
    expect(deadline.toISOString()).toBe("2025-01-31T16:00:00.000Z");
    expect(daysLeft(deadline, china("2025-01-28T09:00:00"))).toBe(3);
    expect(daysLeft(deadline, china("2025-01-31T23:59:00"))).toBe(0);
    expect(daysLeft(deadline, china("2025-02-01T00:01:00"))).toBe(-1);
    const text = (now: string, firstPublishedAt: Date | null = null) =>
      deadlineText({ progress: firstPublishedAt ? "PUBLISHED" : "DRAFT", deadline, now: china(now), firstPublishedAt });
    expect(text("2025-01-28T09:00:00")).toBe("剩 3 天");
    expect(text("2025-01-31T20:00:00")).toBe("今天截止");
    expect(text("2025-02-12T08:00:00")).toBe("逾期 12 天");
    expect(text("2025-03-01T08:00:00", china("2025-01-20T10:00:00"))).toBe("按期发布");
    expect(text("2025-03-01T08:00:00", china("2025-02-03T10:00:00"))).toBe("逾期发布（晚 3 天）");
  });

  it("calls unfinished work past its deadline overdue, and finished work never", () => {
    const deadline = deadlineOf(2024, 1, 31);
    const after = china("2025-02-02T09:00:00");
    const overdue = (progress: Progress, now: Date, firstPublishedAt: Date | null = null) => isOverdue({ progress, deadline, now, firstPublishedAt });
    for (const p of ["NOT_CREATED", "DRAFT", "RETURNED", "IN_REVIEW", "APPROVED"] as const) expect(overdue(p, after)).toBe(true);
    for (const p of ["PUBLISHED", "WITHDRAWN", "CORRECTING"] as const) expect(overdue(p, after)).toBe(false);
    expect(overdue("DRAFT", china("2025-01-31T12:00:00"))).toBe(false);
    // A correction of a report published on time, approved and waiting for the 发布人 in August, is not late.
    expect(overdue("APPROVED", china("2025-08-01T09:00:00"), china("2025-01-20T10:00:00"))).toBe(false);
  });
});

describe("the supervision dashboard's view", () => {
  const now = china("2025-03-01T09:00:00");
  let listed = 0;
  /** An organ's row; the organs' order is the order they are written in here. */
  const row = (organId: string, parentId: string | null, progress: "DRAFT" | "PUBLISHED" | "IN_REVIEW", overdue: boolean, kind = "TOWNSHIP", errors: number | null = 0) => ({
    organId,
    parentId,
    organName: organId,
    organKind: kind,
    path: [],
    order: listed++,
    progress,
    overdue,
    deadline: deadlineOf(2024, 1, 31),
    checkErrors: errors,
  });
  const rows = [
    row("县A", "市", "PUBLISHED", false, "COUNTY"),
    row("镇A1", "县A", "DRAFT", true, "TOWNSHIP", 12),
    row("镇A2", "县A", "IN_REVIEW", true),
    row("县B", "市", "DRAFT", true, "COUNTY", 3),
    row("镇B1", "县B", "PUBLISHED", false),
  ];

  it("reads the year with a Chinese message for one out of range, and ignores malformed filters", () => {
    expect(readDashboardQuery({}, now)).toMatchObject({ year: 2024, yearError: null, sort: "organ", page: 1 });
    expect(readDashboardQuery({ year: "1999" }, now).yearError).toContain("2008");
    expect(readDashboardQuery({ year: "2026" }, now).yearError).toBeNull();
    expect(readDashboardQuery({ year: "2027" }, now).yearError).toContain("2026");
    expect(readDashboardQuery({ status: "EVIL", kind: "<b>", under: "x", page: "-3", sort: "drop" }, now)).toMatchObject({
      status: undefined,
      kind: undefined,
      under: undefined,
      page: 1,
      sort: "organ",
    });
  });

  it("counts every status and the overdue over all organs, then filters, sorts and pages", () => {
    const query = readDashboardQuery({ overdue: "1", sort: "errors" }, now);
    const view = dashboardView(rows, query);
    expect(view.counts).toMatchObject({ PUBLISHED: 2, DRAFT: 2, IN_REVIEW: 1, NOT_CREATED: 0 });
    expect(view.overdue).toBe(3);
    expect(view.filtered.map((r) => r.organId)).toEqual(["镇A1", "县B", "镇A2"]);
    expect(dashboardView(rows, readDashboardQuery({ kind: "COUNTY" }, now)).filtered.map((r) => r.organId)).toEqual(["县A", "县B"]);
  });

  it("sorts by the organs' order, which also settles ties of the other sorts", () => {
    const shuffled = [rows[3]!, rows[1]!, rows[4]!, rows[0]!, rows[2]!];
    expect(dashboardView(shuffled, readDashboardQuery({}, now)).filtered.map((r) => r.organId)).toEqual(["县A", "镇A1", "镇A2", "县B", "镇B1"]);
    expect(dashboardView(shuffled, readDashboardQuery({ sort: "status" }, now)).filtered.map((r) => r.organId)).toEqual(["镇A1", "县B", "镇A2", "县A", "镇B1"]);
  });

  it("narrows to one organ and everything below it, at any depth", () => {
    const uuid = "7f1e3a52-2c0b-4f37-9f6e-0a1b2c3d4e5f";
    const deep = [...rows, row(uuid, "市", "DRAFT", false), row("村1", uuid, "DRAFT", false), row("组1", "村1", "DRAFT", false)];
    expect(
      dashboardView(deep, readDashboardQuery({ under: uuid }, now))
        .filtered.map((r) => r.organId)
        .sort(),
    ).toEqual([uuid, "村1", "组1"].sort());
  });

  it("pages by a hundred", () => {
    const many = Array.from({ length: 250 }, (_, i) => row(`机关${String(i).padStart(3, "0")}`, null, "DRAFT", false));
    const third = dashboardView(many, readDashboardQuery({ page: "3" }, now));
    expect([third.page, third.pages, third.pageRows.length]).toEqual([3, 3, 50]);
    expect(dashboardView(many, readDashboardQuery({ page: "9" }, now)).page).toBe(3);
  });
});

describe("the year in China", () => {
  it("turns at midnight in Beijing, whatever the server's own zone", () => {
    expect(yearInChina(new Date("2025-12-31T15:59:59Z"))).toBe(2025);
    expect(yearInChina(new Date("2025-12-31T16:00:00Z"))).toBe(2026); // 1 January 00:00 in Beijing
    expect(currentReportYear(new Date("2025-12-31T17:00:00Z"))).toBe(2025);
  });

  it("accepts report years from 2008 to next year, counted at the moment asked", () => {
    const now = new Date("2026-12-31T16:30:00Z"); // 2027-01-01 in Beijing
    expect(reportYearProblem(2028, now)).toBeNull();
    expect(reportYearProblem(2029, now)).toBe("年度应为 2008 至 2028 年之间的年份。");
    expect(reportYearProblem(2007, now)).not.toBeNull();
    expect(reportYearProblem(2024.5, now)).not.toBeNull();
  });
});
