import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CorrectionChangesList } from "@/components/report/correction-changes-list";
import { correctionChanges, type CorrectionChange } from "@/lib/publish/correction-changes";
import { renderHomePage, renderNoticePage, renderOrganPage, renderPublishedPages, renderReportPage } from "@/lib/publish/render-pages";
import type { PublishedSnapshot } from "@/lib/publish/snapshot";
import { setCell, validDraft } from "./report-fixtures";

// Text that people typed, carrying markup and quotes: it must come out as text.
const HOSTILE = `<script>alert("x")</script> & 'q'`;
const HOSTILE_ESCAPED = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#x27;q&#x27;";

function textChange(i: number): CorrectionChange {
  return { section: "五、存在的主要问题及改进情况", kind: "text", lead: `前文${i}`, removed: `旧${i}`, added: `新${i}`, tail: "后文" };
}

function snapshot(changes: CorrectionChange[]): PublishedSnapshot {
  const sections = setCell(validDraft(), "requests", "disclosed.natural", "2");
  setCell(sections, "requests", "partlyDisclosed.natural", "2");
  sections.other = { kind: "narrative", text: `（一）说明${HOSTILE}\n正文${HOSTILE}` };
  return {
    organ: { name: `江南${HOSTILE}街道`, code: "JN01", kind: "STREET" },
    year: 2024,
    title: "江南街道2024年度政府信息公开工作年度报告",
    indexNumber: "JN01/2025-00001",
    version: 2,
    publishedAt: "2025-01-20T03:00:00.000Z",
    sections,
    approvals: [{ stage: "终审", name: "李四", at: "2025-01-19T05:00:00.000Z" }],
    correctionNote: `更正${HOSTILE}`,
    changes: { sinceVersion: 1, items: changes },
    history: [{ version: 1, publishedAt: "2025-01-10T03:00:00.000Z", correctionNote: null }],
    trend: [
      { year: 2023, applications: 3, issued: null },
      { year: 2024, applications: 5, issued: 0 },
    ],
  };
}

const hostileChange: CorrectionChange = { section: "六、其他需要报告的事项", kind: "text", lead: HOSTILE, removed: HOSTILE, added: HOSTILE, tail: HOSTILE };
const hostileCell: CorrectionChange = { section: "三", kind: "cell", label: `表三 ${HOSTILE}`, before: HOSTILE, after: " " };

describe("the public report page", () => {
  const html = renderReportPage(snapshot([...correctionChanges(validDraft(), snapshot([]).sections), hostileChange, hostileCell]), "hans", "version");

  it("is a complete document without any script", () => {
    expect(html.startsWith('<!doctype html>\n<html lang="zh-Hans">')).toBe(true);
    expect(html).toMatch(/<\/html>\n$/);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\son[a-z]+=/i); // no event handler attributes either
  });

  it("escapes what people typed: the narrative, the organ name, the correction note and the changes", () => {
    expect(html).toContain(`<h3>（一）说明${HOSTILE_ESCAPED}</h3>`);
    expect(html).toContain(`<p>正文${HOSTILE_ESCAPED}</p>`);
    expect(html).toContain(`<dd>江南${HOSTILE_ESCAPED}街道</dd>`);
    expect(html).toContain(`<aside class="correction" aria-label="更正说明"><strong>更正说明（2025年1月20日）：</strong>更正${HOSTILE_ESCAPED}</aside>`);
    expect(html).toContain(
      `<li>六、其他需要报告的事项：${HOSTILE_ESCAPED}<del class="diff"><span class="sr-only">［删去：</span>${HOSTILE_ESCAPED}<span class="sr-only">］</span></del>` +
        `<ins class="diff"><span class="sr-only">［新增：</span>${HOSTILE_ESCAPED}<span class="sr-only">］</span></ins>${HOSTILE_ESCAPED}</li>`,
    );
    expect(html).toContain(`<li>表三 ${HOSTILE_ESCAPED}：由 <strong>${HOSTILE_ESCAPED}</strong> 改为 <strong>（空）</strong></li>`);
  });

  it("lays the tables out from their layouts with captions and header scopes, and prints — for an empty cell", () => {
    expect(html).toContain(
      '<div class="scroll" role="region" aria-label="三、收到和处理政府信息公开申请情况表格" tabindex="0"><table class="form"><caption>表三 收到和处理政府信息公开申请情况</caption>',
    );
    expect(html).toContain('<tr><th scope="row" colSpan="3">一、本年新收政府信息公开申请数量</th><td>5</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>5</td></tr>');
    expect(html).toContain("<caption>表二 主动公开政府信息情况</caption>");
    expect(html).toContain('<th scope="colgroup" colSpan="10">行政诉讼</th>');
    const emptied = renderReportPage({ ...snapshot([]), sections: setCell(validDraft(), "proactive", "fees.amount", " ") }, "hans", "latest");
    expect(emptied).toContain('<tr><th scope="row">行政事业性收费</th><td colSpan="3">—</td></tr>');
  });

  it("keeps the skip link, the large-text mode without script, the 繁體 link and the charts' data tables", () => {
    expect(html).toContain('<a class="skip" href="#main">跳到正文</a>');
    expect(html).toContain('<a href="#large" class="large-on">大字版</a>');
    expect(html).toContain('<a href="/gk/JN01/2024/v/2/hant" lang="zh-Hant">繁體</a>');
    expect(html).toContain("<caption>本年度办理结果（图表数据）</caption>");
    expect(html).toContain('<tr><th scope="row">2023</th><td>3</td><td>—</td></tr>');
    expect(html).toContain('<svg viewBox="0 0 560 248" width="100%" role="presentation" aria-hidden="true" focusable="false" font-size="14">');
  });

  it("lists the first 100 changes and says how many more there are, pointing to the earlier version", () => {
    const many = renderReportPage(snapshot(Array.from({ length: 130 }, (_, i) => textChange(i))), "hans", "latest");
    const list = many.slice(many.indexOf('<section aria-labelledby="changes"'), many.indexOf("</section>", many.indexOf('aria-labelledby="changes"')));
    expect(list.match(/<li>/g)).toHaveLength(100);
    expect(list).toContain("前文99");
    expect(list).not.toContain("前文100");
    expect(list).toContain('<p>另有 30 处改动未列出，请对照<a href="/gk/JN01/2024/v/1">第 1 版</a>。</p>');
    const none = renderReportPage(snapshot([]), "hans", "latest");
    expect(none).toContain('<p>与<a href="/gk/JN01/2024/v/1">第 1 版</a>相比，正文和表格没有改动。</p>');
  });

  it("stores four forms, Traditional ones converted and marked zh-Hant, each with matching compressed bytes", () => {
    const pages = renderPublishedPages(snapshot([]));
    expect(pages.map((p) => `${p.script}/${p.variant}`)).toEqual(["hans/latest", "hant/latest", "hans/version", "hant/version"]);
    const hant = pages.find((p) => p.script === "hant" && p.variant === "latest")!;
    expect(hant.html).toContain('<html lang="zh-Hant">');
    expect(hant.html).toContain("收到和處理政府信息公開申請情況");
    expect(hant.html).toContain('<a href="/gk/JN01/2024" lang="zh-Hans">簡體</a>');
    for (const page of pages) {
      expect(gunzipSync(page.gzip).toString("utf8")).toBe(page.html);
      expect(brotliDecompressSync(page.brotli).toString("utf8")).toBe(page.html);
      expect(page.etag).toMatch(/^"[\w-]{32}"$/);
    }
  });
});

describe("the listing and notice pages", () => {
  const listed = [
    {
      organName: `白沙${HOSTILE}`,
      organCode: "BS01",
      year: 2023,
      title: `标题${HOSTILE}`,
      publishedAt: "2024-01-20T03:00:00.000Z",
      version: 1,
      withdrawnAt: "2024-05-01T03:00:00.000Z",
    },
  ];

  it("escapes the search query in the form, organ names and titles, and carries no script", () => {
    const home = renderHomePage(
      {
        organs: { top: [{ code: "BS01", name: `白沙${HOSTILE}`, children: 0, below: [] }], more: 0 },
        latest: listed,
        results: { items: [], total: 0, page: 1, pages: 1 },
        query: { q: `"><script>x</script>`, year: "2024" },
      },
      "hans",
    );
    expect(home).not.toMatch(/<script/i);
    expect(home).toContain('<input maxLength="40" name="q" value="&quot;&gt;&lt;script&gt;x&lt;/script&gt;"/>');
    expect(home).toContain(`<a href="/gk/BS01">白沙${HOSTILE_ESCAPED}</a>`);
    expect(home).toContain(`<a href="/gk/BS01/2023">标题${HOSTILE_ESCAPED}</a> <span>白沙${HOSTILE_ESCAPED} · 2024年1月20日（已于2024年5月1日撤回）</span>`);
    expect(home).toContain("<p>没有找到符合条件的报告。</p>");
    const organ = renderOrganPage({ organ: { name: `白沙${HOSTILE}`, code: "BS01" }, reports: [] }, "hant");
    expect(organ).toContain('<html lang="zh-Hant">');
    expect(organ).toContain(`<h1>白沙${HOSTILE_ESCAPED}政府信息公开工作年度报告</h1>`);
    expect(organ).not.toMatch(/<script/i);
    const notice = renderNoticePage("hans", "该报告已撤回", `撤回理由：${HOSTILE}`);
    expect(notice).toContain(`<p>撤回理由：${HOSTILE_ESCAPED}</p>`);
    expect(notice).not.toMatch(/<script/i);
  });
});

describe("the correction changes list on the staff page (the same component as the public page's)", () => {
  const render = (changes: CorrectionChange[]) => renderToStaticMarkup(createElement(CorrectionChangesList, { changes }));

  it("has the public page's screen-reader labels and its cap of 100 items", () => {
    const html = render(Array.from({ length: 101 }, (_, i) => textChange(i)));
    expect(html.match(/<li>/g)).toHaveLength(100);
    expect(html).toContain('<del class="diff"><span class="sr-only">［删去：</span>旧0<span class="sr-only">］</span></del>');
    expect(html).toContain("<p>另有 1 处改动未列出。</p>");
    expect(html).toContain('<ul data-testid="correction-changes">');
    expect(render([])).toBe('<p class="muted">正文和表格没有改动。</p>');
  });
});
