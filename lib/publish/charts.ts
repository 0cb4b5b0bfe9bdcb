// Server-rendered SVG charts for the public page, each with a data table as its
// text alternative (the SVG itself is hidden from screen readers).
import { parseCount } from "@/lib/report-format/cells";
import { TABLE3_RESULT_ROWS } from "@/lib/report-format/format";
import { esc } from "./html";

const OUTCOMES: Array<{ label: string; rows: string[] }> = [
  { label: "予以公开", rows: ["disclosed"] },
  { label: "部分公开", rows: ["partlyDisclosed"] },
  { label: "不予公开", rows: TABLE3_RESULT_ROWS.filter((r) => r.startsWith("withheld")) },
  { label: "无法提供", rows: TABLE3_RESULT_ROWS.filter((r) => r.startsWith("unavailable")) },
  { label: "不予处理", rows: TABLE3_RESULT_ROWS.filter((r) => r.startsWith("unprocessed")) },
  { label: "其他处理", rows: TABLE3_RESULT_ROWS.filter((r) => r.startsWith("otherHandling")) },
];

/** 本年度办理结果: a horizontal bar per outcome, from table 3's 总计 column. */
export function outcomesChart(cells: Record<string, string>): string {
  const data = OUTCOMES.map((o) => ({
    label: o.label,
    value: o.rows.reduce((sum, row) => {
      const parsed = parseCount(cells[`${row}.total`]);
      return sum + (parsed.ok ? parsed.value : 0);
    }, 0),
  }));
  const max = Math.max(1, ...data.map((d) => d.value));
  const barHeight = 28;
  const width = 560;
  const labelWidth = 90;
  const chartWidth = width - labelWidth - 60;
  const bars = data
    .map((d, i) => {
      const y = 10 + i * (barHeight + 10);
      const w = Math.round((d.value / max) * chartWidth);
      return `<text x="${labelWidth - 8}" y="${y + 19}" text-anchor="end">${esc(d.label)}</text><rect x="${labelWidth}" y="${y}" width="${Math.max(w, 1)}" height="${barHeight}" fill="#9b1c1c"></rect><text x="${labelWidth + w + 6}" y="${y + 19}">${d.value}</text>`;
    })
    .join("");
  const height = 20 + data.length * (barHeight + 10);
  return `<figure class="chart"><figcaption>本年度政府信息公开申请办理结果（件）</figcaption>
<svg viewBox="0 0 ${width} ${height}" width="100%" role="presentation" aria-hidden="true" focusable="false" font-size="14">${bars}</svg>
<table class="chart-data"><caption>本年度办理结果（图表数据）</caption><thead><tr><th scope="col">办理结果</th><th scope="col">件数</th></tr></thead>
<tbody>${data.map((d) => `<tr><th scope="row">${esc(d.label)}</th><td>${d.value}</td></tr>`).join("")}</tbody></table></figure>`;
}

export type TrendPoint = { year: number; applications: number | null; issued: number | null };

/** The figures of one report for the trend: applications received, and 规章 + 规范性文件 issued. */
export function trendPoint(year: number, sections: { requests: { kind: string; cells?: Record<string, string> }; proactive: { kind: string; cells?: Record<string, string> } }): TrendPoint {
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
  const applications = count(requests, ["natural", "commercial", "research", "social", "legal", "other"].map((c) => `newRequests.${c}`));
  return { year, applications, issued: count(sections.proactive.cells, ["regulations.made", "normativeDocuments.made"]) };
}

/** 历年情况: paired bars per year, with a data table as the text alternative. */
export function trendChart(points: TrendPoint[]): string {
  if (points.length < 2) return "";
  const sorted = [...points].sort((a, b) => a.year - b.year);
  const max = Math.max(1, ...sorted.flatMap((p) => [p.applications ?? 0, p.issued ?? 0]));
  const groupWidth = 70;
  const height = 200;
  const width = 40 + sorted.length * groupWidth;
  const bar = (x: number, value: number | null, fill: string) => {
    const h = Math.round(((value ?? 0) / max) * (height - 50));
    return `<rect x="${x}" y="${height - 30 - h}" width="22" height="${Math.max(h, 1)}" fill="${fill}"></rect><text x="${x + 11}" y="${height - 34 - h}" text-anchor="middle">${value ?? "—"}</text>`;
  };
  const groups = sorted
    .map((p, i) => {
      const x = 30 + i * groupWidth;
      return `${bar(x, p.applications, "#9b1c1c")}${bar(x + 24, p.issued, "#0b4f9c")}<text x="${x + 23}" y="${height - 12}" text-anchor="middle">${p.year}</text>`;
    })
    .join("");
  return `<figure class="chart"><figcaption>历年情况：收到政府信息公开申请（红）与制发规章、行政规范性文件（蓝）件数</figcaption>
<svg viewBox="0 0 ${width} ${height}" width="100%" role="presentation" aria-hidden="true" focusable="false" font-size="13">${groups}</svg>
<table class="chart-data"><caption>历年情况（图表数据）</caption><thead><tr><th scope="col">年度</th><th scope="col">收到申请（件）</th><th scope="col">制发规章和行政规范性文件（件）</th></tr></thead>
<tbody>${sorted.map((p) => `<tr><th scope="row">${p.year}</th><td>${p.applications ?? "—"}</td><td>${p.issued ?? "—"}</td></tr>`).join("")}</tbody></table></figure>`;
}
