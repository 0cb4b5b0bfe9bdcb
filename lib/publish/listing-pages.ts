// The public home and organ pages (listings), as complete HTML documents without scripts. Pure.
import { esc } from "./html";
import { PAGE_STYLE } from "./page-style";
import { homePath, organPath, reportPath, type Script } from "./public-paths";

export type ListedReport = { organName: string; organCode: string; year: number; title: string; publishedAt: string; version: number; withdrawnAt: string | null };
export type ListedOrgan = { code: string; name: string; parentCode: string | null };

const date = (iso: string) => new Intl.DateTimeFormat("zh-CN", { year: "numeric", month: "long", day: "numeric", timeZone: "Asia/Shanghai" }).format(new Date(iso));

function frame(script: Script, title: string, switchPath: string, body: string) {
  return `<!doctype html>
<html lang="${script === "hant" ? "zh-Hant" : "zh-Hans"}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)}</title><style>${PAGE_STYLE}</style></head>
<body><div id="large" class="page">
<a class="skip" href="#main">跳到正文</a>
<header class="site" role="banner"><a href="${homePath(script)}">政府信息公开工作年度报告</a>
<nav aria-label="页面选项"><a href="${esc(switchPath)}" lang="${script === "hans" ? "zh-Hant" : "zh-Hans"}">${script === "hans" ? "繁體" : "简体"}</a> · <a href="#large" class="large-on">大字版</a><a href="#" class="large-off">标准字号</a></nav></header>
<main id="main">${body}</main>
<footer class="site" role="contentinfo"><p>依据《中华人民共和国政府信息公开条例》公开 · <a href="/login">工作人员登录</a></p></footer>
</div></body></html>
`;
}

function reportItem(r: ListedReport, script: Script, withOrgan: boolean) {
  const status = r.withdrawnAt ? `（已于${esc(date(r.withdrawnAt))}撤回）` : r.version > 1 ? `（已更正，第 ${r.version} 版）` : "";
  return `<li><a href="${esc(reportPath(r.organCode, r.year, undefined, script))}">${esc(r.title)}</a> <span>${withOrgan ? `${esc(r.organName)} · ` : ""}${esc(date(r.publishedAt))}${status}</span></li>`;
}

export function renderHomePage(input: { organs: ListedOrgan[]; latest: ListedReport[]; results: ListedReport[] | null; query: { q: string; year: string } }, script: Script) {
  const children = new Map<string | null, ListedOrgan[]>();
  for (const o of input.organs) children.set(o.parentCode, [...(children.get(o.parentCode) ?? []), o]);
  const tree = (parent: string | null): string => {
    const list = children.get(parent) ?? [];
    return list.length ? `<ul>${list.map((o) => `<li><a href="${esc(organPath(o.code, script))}">${esc(o.name)}</a>${tree(o.code)}</li>`).join("")}</ul>` : "";
  };
  const results = input.results
    ? `<section aria-labelledby="results"><h2 id="results">搜索结果（${input.results.length}）</h2>${input.results.length ? `<ul class="plain">${input.results.map((r) => reportItem(r, script, true)).join("")}</ul>` : "<p>没有找到符合条件的报告。</p>"}</section>`
    : "";
  const body = `<h1>政府信息公开工作年度报告</h1>
<form class="search" method="get" action="${homePath(script)}" role="search" aria-label="搜索报告">
<label>机关名称<input name="q" value="${esc(input.query.q)}" maxlength="40"></label>
<label>年度<input name="year" value="${esc(input.query.year)}" inputmode="numeric" maxlength="4"></label>
<button type="submit">搜索</button></form>
${results}
<section aria-labelledby="latest"><h2 id="latest">最新发布</h2>${input.latest.length ? `<ul class="plain">${input.latest.map((r) => reportItem(r, script, true)).join("")}</ul>` : "<p>尚无已发布的报告。</p>"}</section>
<section aria-labelledby="organs"><h2 id="organs">机关</h2><nav aria-labelledby="organs">${tree(null)}</nav></section>`;
  return frame(script, "政府信息公开工作年度报告", homePath(script === "hans" ? "hant" : "hans"), body);
}

export function renderOrganPage(input: { organ: { name: string; code: string }; reports: ListedReport[] }, script: Script) {
  const body = `<nav aria-label="位置" class="crumbs"><a href="${homePath(script)}">首页</a> › ${esc(input.organ.name)}</nav>
<h1>${esc(input.organ.name)}政府信息公开工作年度报告</h1>
${input.reports.length ? `<ul class="plain">${input.reports.map((r) => reportItem(r, script, false)).join("")}</ul>` : "<p>尚无已发布的报告。</p>"}`;
  return frame(script, `${input.organ.name} · 年度报告`, organPath(input.organ.code, script === "hans" ? "hant" : "hans"), body);
}

export function renderNoticePage(script: Script, title: string, message: string) {
  return frame(script, title, homePath(script === "hans" ? "hant" : "hans"), `<h1>${esc(title)}</h1><p>${esc(message)}</p><p><a href="${homePath(script)}">返回首页</a></p>`);
}
