// The public page of a published report, rendered once at publish time into a
// complete HTML document without any script, in Simplified or Traditional Chinese.
import { withComputedTotals } from "@/lib/report-format/cells";
import { paragraphsOf, type ReportSections } from "@/lib/report-format/content";
import {
  SECTION_KEYS, SECTION_TITLES, TABLE2_BLOCKS, TABLE3_COLUMNS, TABLE3_HEADER_NOTE, TABLE3_RESULTS_HEADING, TABLE3_ROWS,
  TABLE3_SUBGROUPS, TABLE4_BLOCKS, TABLE4_COLUMNS,
} from "@/lib/report-format/format";
import { outcomesChart, trendChart } from "./charts";
import type { CorrectionChanges } from "./correction-changes";
import type { PublishedSnapshot } from "./snapshot";
import { esc } from "./html";
import { PAGE_STYLE } from "./page-style";
import { homePath, organPath, reportPath, type Script } from "./public-paths";

const date = (iso: string) => new Intl.DateTimeFormat("zh-CN", { year: "numeric", month: "long", day: "numeric", timeZone: "Asia/Shanghai" }).format(new Date(iso));

function cellText(value: string | undefined) {
  return esc(value?.trim() === "" || value === undefined ? "—" : value);
}

function table2(cells: Record<string, string>) {
  const blocks = TABLE2_BLOCKS.map((block) => {
    const span = block.columns.length === 1 ? 3 : 1;
    return `<tbody><tr><th colspan="4" scope="colgroup" class="caption-row">${esc(block.caption)}</th></tr>
<tr><th scope="col">信息内容</th>${block.columns.map((c) => `<th scope="col" colspan="${span}">${esc(c.label)}</th>`).join("")}</tr>
${block.rows.map((r) => `<tr><th scope="row">${esc(r.label)}</th>${block.columns.map((c) => `<td colspan="${span}">${cellText(cells[`${r.key}.${c.key}`])}</td>`).join("")}</tr>`).join("\n")}</tbody>`;
  }).join("\n");
  return `<table class="form"><caption>表二 主动公开政府信息情况</caption>${blocks}</table>`;
}

function table3(cells: Record<string, string>) {
  const results = TABLE3_ROWS.filter((r) => r.group === "results");
  const head = `<thead>
<tr><td rowspan="3" colspan="3" class="note">${esc(TABLE3_HEADER_NOTE)}</td><th colspan="7" scope="colgroup">申请人情况</th></tr>
<tr><th rowspan="2" scope="col">自然人</th><th colspan="5" scope="colgroup">法人或其他组织</th><th rowspan="2" scope="col">总计</th></tr>
<tr>${TABLE3_COLUMNS.slice(1, 6).map((c) => `<th scope="col">${esc(c.label)}</th>`).join("")}</tr></thead>`;
  const body = TABLE3_ROWS.map((row) => {
    const labels: string[] = [];
    if (!row.group) labels.push(`<th scope="row" colspan="3">${esc(row.label)}</th>`);
    else {
      if (row === results[0]) labels.push(`<th scope="rowgroup" rowspan="${results.length}">${esc(TABLE3_RESULTS_HEADING)}</th>`);
      if (!row.subgroup) labels.push(`<th scope="row" colspan="2">${esc(row.label)}</th>`);
      else {
        const members = TABLE3_ROWS.filter((r) => r.subgroup === row.subgroup);
        if (members[0] === row) labels.push(`<th scope="rowgroup" rowspan="${members.length}">${esc(TABLE3_SUBGROUPS[row.subgroup]!)}</th>`);
        labels.push(`<th scope="row">${esc(row.label)}</th>`);
      }
    }
    return `<tr>${labels.join("")}${TABLE3_COLUMNS.map((c) => `<td>${cellText(cells[`${row.key}.${c.key}`])}</td>`).join("")}</tr>`;
  }).join("\n");
  return `<table class="form t3"><caption>表三 收到和处理政府信息公开申请情况</caption>${head}<tbody>${body}</tbody></table>`;
}

function table4(cells: Record<string, string>) {
  return `<table class="form"><caption>表四 政府信息公开行政复议、行政诉讼情况</caption><thead>
<tr><th colspan="5" rowspan="2" scope="colgroup">行政复议</th><th colspan="10" scope="colgroup">行政诉讼</th></tr>
<tr><th colspan="5" scope="colgroup">未经复议直接起诉</th><th colspan="5" scope="colgroup">复议后起诉</th></tr>
<tr>${TABLE4_BLOCKS.map(() => TABLE4_COLUMNS.map((c) => `<th scope="col">${esc(c.label)}</th>`).join("")).join("")}</tr></thead>
<tbody><tr>${TABLE4_BLOCKS.map((b) => TABLE4_COLUMNS.map((c) => `<td>${cellText(cells[`${b.key}.${c.key}`])}</td>`).join("")).join("")}</tr></tbody></table>`;
}

function narrative(text: string) {
  return paragraphsOf(text).map((p) => (p.kind === "heading" ? `<h3>${esc(p.text)}</h3>` : `<p>${esc(p.text)}</p>`)).join("\n");
}

function sectionHtml(key: (typeof SECTION_KEYS)[number], sections: ReportSections) {
  const content = sections[key];
  const body =
    content.kind === "narrative"
      ? narrative(content.text)
      : `<div class="scroll" role="region" aria-label="${esc(SECTION_TITLES[key])}表格" tabindex="0">${key === "proactive" ? table2(content.cells) : key === "requests" ? table3(content.cells) : table4(content.cells)}</div>${content.note.trim() ? narrative(content.note) : ""}`;
  return `<section aria-labelledby="s-${key}"><h2 id="s-${key}">${esc(SECTION_TITLES[key])}</h2>\n${body}</section>`;
}

// A correction that rewrote everything lists its first changes and points to the earlier version for the rest.
const CHANGES_LISTED = 100;

function changesHtml(changes: CorrectionChanges, organCode: string, year: number, script: Script) {
  const { sinceVersion, items } = changes;
  const earlier = `<a href="${esc(reportPath(organCode, year, sinceVersion, script))}">第 ${sinceVersion} 版</a>`;
  const value = (v: string) => `<strong>${v.trim() ? esc(v) : "（空）"}</strong>`;
  const marked = (tag: "del" | "ins", label: string, text: string) =>
    text ? `<${tag}><span class="visually-hidden">［${label}：</span>${esc(text)}<span class="visually-hidden">］</span></${tag}>` : "";
  const listed = items.slice(0, CHANGES_LISTED).map((c) =>
    c.kind === "cell"
      ? `<li>${esc(c.label)}：由 ${value(c.before)} 改为 ${value(c.after)}</li>`
      : `<li>${esc(c.section)}：${esc(c.lead)}${marked("del", "删去", c.removed)}${marked("ins", "新增", c.added)}${esc(c.tail)}</li>`);
  const body = items.length === 0
    ? `<p>与${earlier}相比，正文和表格没有改动。</p>`
    : `<ul>${listed.join("\n")}</ul>${items.length > CHANGES_LISTED ? `<p>另有 ${items.length - CHANGES_LISTED} 处改动未列出，请对照${earlier}。</p>` : ""}`;
  return `<section aria-labelledby="changes" class="changes"><h2 id="changes">本次更正的内容（与第 ${sinceVersion} 版相比）</h2>
${body}</section>`;
}

export type PageVariant = "latest" | "version";

/** The complete document, for the plain address (latest) or the version's fixed address. */
export function renderReportPage(snapshot: PublishedSnapshot, script: Script, variant: PageVariant): string {
  const sections = withComputedTotals(snapshot.sections);
  const { organ, year, version } = snapshot;
  const fixed = variant === "version" ? version : undefined;
  const self = reportPath(organ.code, year, fixed, script);
  const other = reportPath(organ.code, year, fixed, script === "hans" ? "hant" : "hans");
  const files = reportPath(organ.code, year, version);
  const versions = [...snapshot.history, { version, publishedAt: snapshot.publishedAt, correctionNote: snapshot.correctionNote }].sort((a, b) => b.version - a.version);
  const chart = sections.requests.kind === "table" ? outcomesChart(sections.requests.cells) : "";
  return `<!doctype html>
<html lang="${script === "hant" ? "zh-Hant" : "zh-Hans"}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(snapshot.title)}</title>
<link rel="canonical" href="${esc(self)}">
<style>${PAGE_STYLE}</style>
</head>
<body>
<div id="large" class="page">
<a class="skip" href="#main">跳到正文</a>
<header class="site" role="banner">
<a href="${homePath(script)}">政府信息公开工作年度报告</a>
<nav aria-label="页面选项"><a href="${esc(other)}" lang="${script === "hans" ? "zh-Hant" : "zh-Hans"}">${script === "hans" ? "繁體" : "简体"}</a> · <a href="#large" class="large-on">大字版</a><a href="#" class="large-off">标准字号</a></nav>
</header>
<main id="main">
<nav aria-label="位置" class="crumbs"><a href="${homePath(script)}">首页</a> › <a href="${esc(organPath(organ.code, script))}">${esc(organ.name)}</a></nav>
${variant === "latest" ? "" : `<p class="notice" role="note">本页为第 ${version} 版的固定地址，内容不会改变。<a href="${esc(reportPath(organ.code, year, undefined, script))}">查看最新版本</a></p>`}
<dl class="meta">
<div><dt>索引号</dt><dd>${esc(snapshot.indexNumber)}</dd></div><div><dt>发布机构</dt><dd>${esc(organ.name)}</dd></div>
<div><dt>公开方式</dt><dd>主动公开</dd></div><div><dt>发文日期</dt><dd>${esc(date(snapshot.publishedAt))}</dd></div>
<div><dt>组配分类</dt><dd>政府信息公开工作报告</dd></div><div><dt>文件编号</dt><dd></dd></div>
</dl>
<article>
<h1>${esc(snapshot.title)}</h1>
${snapshot.correctionNote ? `<aside class="correction" aria-label="更正说明"><strong>更正说明（${esc(date(snapshot.publishedAt))}）：</strong>${esc(snapshot.correctionNote)}</aside>` : ""}
${snapshot.changes ? changesHtml(snapshot.changes, organ.code, year, script) : ""}
${SECTION_KEYS.map((key) => sectionHtml(key, sections)).join("\n")}
</article>
<section aria-labelledby="charts" class="charts"><h2 id="charts">图解</h2>${chart}${trendChart(snapshot.trend ?? [])}</section>
<section aria-labelledby="downloads" class="downloads"><h2 id="downloads">下载</h2><ul>
<li><a href="${esc(files)}/report.docx">Word 文档（.docx）</a></li>
<li><a href="${esc(files)}/tables.csv">表格数据（CSV）</a></li>
<li><a href="${esc(files)}/report.json">完整数据（JSON）</a></li></ul></section>
<section aria-labelledby="versions" class="versions"><h2 id="versions">版本记录</h2><ol reversed>
${versions.map((v) => `<li>${v.version === version ? `<strong>第 ${v.version} 版</strong>（本页）` : `<a href="${esc(reportPath(organ.code, year, v.version, script))}">第 ${v.version} 版</a>`}，${esc(date(v.publishedAt))}发布${v.correctionNote ? `；更正说明：${esc(v.correctionNote)}` : ""}</li>`).join("\n")}
</ol>
<p class="approvals">审核：${snapshot.approvals.map((a) => `${esc(a.stage)} ${esc(a.name)}`).join("；")}</p></section>
</main>
<footer class="site" role="contentinfo"><p>${esc(organ.name)} · 依据《中华人民共和国政府信息公开条例》发布</p></footer>
</div>
</body>
</html>
`;
}
