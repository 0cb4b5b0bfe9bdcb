// The figures behind the public page's charts (components/public/charts.tsx draws them). Pure.
import { parseCount } from "@/lib/report-format/cells";
import { TABLE3_RESULT_ROWS } from "@/lib/report-format/format";

const OUTCOMES: Array<{ label: string; rows: string[] }> = [
  { label: "予以公开", rows: ["disclosed"] },
  { label: "部分公开", rows: ["partlyDisclosed"] },
  { label: "不予公开", rows: TABLE3_RESULT_ROWS.filter((r) => r.startsWith("withheld")) },
  { label: "无法提供", rows: TABLE3_RESULT_ROWS.filter((r) => r.startsWith("unavailable")) },
  { label: "不予处理", rows: TABLE3_RESULT_ROWS.filter((r) => r.startsWith("unprocessed")) },
  { label: "其他处理", rows: TABLE3_RESULT_ROWS.filter((r) => r.startsWith("otherHandling")) },
];

/** 本年度办理结果: the applications of each outcome, from table 3's 总计 column (a cell that is not a count adds nothing). */
export function outcomes(cells: Record<string, string>): Array<{ label: string; value: number }> {
  return OUTCOMES.map((o) => ({
    label: o.label,
    value: o.rows.reduce((sum, row) => {
      const parsed = parseCount(cells[`${row}.total`]);
      return sum + (parsed.ok ? parsed.value : 0);
    }, 0),
  }));
}

export type TrendPoint = { year: number; applications: number | null; issued: number | null };

/** The figures of one report for the trend: applications received, and 规章 + 规范性文件 issued. */
export function trendPoint(
  year: number,
  sections: { requests: { kind: string; cells?: Record<string, string> }; proactive: { kind: string; cells?: Record<string, string> } },
): TrendPoint {
  const count = (cells: Record<string, string> | undefined, keys: string[]) => {
    let sum = 0;
    for (const key of keys) {
      const parsed = parseCount(cells?.[key]);
      if (!parsed.ok) return null;
      sum += parsed.value;
    }
    return sum;
  };
  const requests = sections.requests.cells;
  const applications = count(
    requests,
    ["natural", "commercial", "research", "social", "legal", "other"].map((c) => `newRequests.${c}`),
  );
  return { year, applications, issued: count(sections.proactive.cells, ["regulations.made", "normativeDocuments.made"]) };
}
