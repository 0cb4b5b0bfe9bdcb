// Summary figures for a list of durations in milliseconds.
export function summarise(durations: number[]) {
  const sorted = [...durations].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  const fmt = (n: number) => `${n.toFixed(2)} ms`;
  return { count: sorted.length, p50: fmt(at(0.5)), p95: fmt(at(0.95)), p99: fmt(at(0.99)), max: fmt(sorted.at(-1) ?? NaN) };
}
