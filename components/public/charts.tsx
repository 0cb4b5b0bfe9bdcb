// The public page's charts: server-rendered SVG, each with a data table as its text
// alternative (the SVG itself is hidden from screen readers). No hooks.
import { Fragment } from "react";
import { outcomes, type TrendPoint } from "@/lib/publish/charts";

/** 本年度办理结果: a horizontal bar per outcome, from table 3's 总计 column. */
export function OutcomesChart({ cells }: { cells: Record<string, string> }) {
  const data = outcomes(cells);
  const max = Math.max(1, ...data.map((d) => d.value));
  const barHeight = 28;
  const width = 560;
  const labelWidth = 90;
  const chartWidth = width - labelWidth - 60;
  const height = 20 + data.length * (barHeight + 10);
  return (
    <figure className="chart">
      <figcaption>本年度政府信息公开申请办理结果（件）</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="presentation" aria-hidden="true" focusable="false" fontSize="14">
        {data.map((d, i) => {
          const y = 10 + i * (barHeight + 10);
          const w = Math.round((d.value / max) * chartWidth);
          return (
            <Fragment key={d.label}>
              <text x={labelWidth - 8} y={y + 19} textAnchor="end">
                {d.label}
              </text>
              <rect x={labelWidth} y={y} width={Math.max(w, 1)} height={barHeight} fill="#9b1c1c" />
              <text x={labelWidth + w + 6} y={y + 19}>
                {d.value}
              </text>
            </Fragment>
          );
        })}
      </svg>
      <table className="chart-data">
        <caption>本年度办理结果（图表数据）</caption>
        <thead>
          <tr>
            <th scope="col">办理结果</th>
            <th scope="col">件数</th>
          </tr>
        </thead>
        <tbody>
          {data.map((d) => (
            <tr key={d.label}>
              <th scope="row">{d.label}</th>
              <td>{d.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

/** 历年情况: paired bars per year, with a data table as the text alternative; nothing before a second year. */
export function TrendChart({ points }: { points: TrendPoint[] }) {
  if (points.length < 2) return null;
  const sorted = [...points].sort((a, b) => a.year - b.year);
  const max = Math.max(1, ...sorted.flatMap((p) => [p.applications ?? 0, p.issued ?? 0]));
  const groupWidth = 70;
  const height = 200;
  const width = 40 + sorted.length * groupWidth;
  const bar = (x: number, value: number | null, fill: string) => {
    const h = Math.round(((value ?? 0) / max) * (height - 50));
    return (
      <>
        <rect x={x} y={height - 30 - h} width="22" height={Math.max(h, 1)} fill={fill} />
        <text x={x + 11} y={height - 34 - h} textAnchor="middle">
          {value ?? "—"}
        </text>
      </>
    );
  };
  return (
    <figure className="chart">
      <figcaption>历年情况：收到政府信息公开申请（红）与制发规章、行政规范性文件（蓝）件数</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="presentation" aria-hidden="true" focusable="false" fontSize="13">
        {sorted.map((p, i) => {
          const x = 30 + i * groupWidth;
          return (
            <Fragment key={p.year}>
              {bar(x, p.applications, "#9b1c1c")}
              {bar(x + 24, p.issued, "#0b4f9c")}
              <text x={x + 23} y={height - 12} textAnchor="middle">
                {p.year}
              </text>
            </Fragment>
          );
        })}
      </svg>
      <table className="chart-data">
        <caption>历年情况（图表数据）</caption>
        <thead>
          <tr>
            <th scope="col">年度</th>
            <th scope="col">收到申请（件）</th>
            <th scope="col">制发规章和行政规范性文件（件）</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((p) => (
            <tr key={p.year}>
              <th scope="row">{p.year}</th>
              <td>{p.applications ?? "—"}</td>
              <td>{p.issued ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
