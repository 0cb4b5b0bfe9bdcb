// Server-rendered SVG charts for the public page, each with a data table as its
// text alternative (the SVG itself is hidden from screen readers).
import { parseCount } from "@/lib/report/cells";
import { TABLE3_RESULT_ROWS } from "@/lib/report/format";
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
