// The public home, organ and notice pages (404, 410, 503). No hooks.
import type { ReactNode } from "react";
import { homePath, openDataPath, organPagePath, organPath, reportPath, searchPath, type Script } from "@/lib/publish/public-paths";
import type { ListedExternalReport, ListedReport, OrganLink, Paged, TopOrgan } from "@/lib/publish/listings";
import { formatDate } from "@/lib/format-time";
import { PublicDocument } from "./public-document";

const other = (script: Script): Script => (script === "hans" ? "hant" : "hans");

export function ListingDocument({ script, title, switchPath, children }: { script: Script; title: string; switchPath: string; children: ReactNode }) {
  return (
    <PublicDocument
      script={script}
      title={title}
      switchPath={switchPath}
      footer={
        <p>
          依据《中华人民共和国政府信息公开条例》公开 · <a href="/login">工作人员登录</a>
        </p>
      }
    >
      {children}
    </PublicDocument>
  );
}

function ReportList({ reports, script, withOrgan }: { reports: ListedReport[]; script: Script; withOrgan: boolean }) {
  if (!reports.length) return <p>尚无已发布的报告。</p>;
  return (
    <ul className="plain">
      {reports.map((r, i) => (
        <li key={i}>
          <a href={reportPath(r.organCode, r.year, undefined, script)}>{r.title}</a>{" "}
          <span>
            {withOrgan ? `${r.organName} · ` : ""}
            {formatDate(r.publishedAt)}
            {r.withdrawnAt ? `（已于${formatDate(r.withdrawnAt)}撤回）` : r.version > 1 ? `（已更正，第 ${r.version} 版）` : ""}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** An organ's link, with how many organs are below it (their list is on its page). */
function OrganItem({ organ, script }: { organ: OrganLink; script: Script }) {
  return (
    <>
      <a href={organPath(organ.code, script)}>{organ.name}</a>
      {organ.children ? <span>（下级机关 {organ.children} 个）</span> : null}
    </>
  );
}

/** 上一页 / 下一页 for a paged list. */
function Pager({ page, pages, path, label }: { page: number; pages: number; path: (page: number) => string; label: string }) {
  if (pages <= 1) return null;
  return (
    <nav aria-label={label} className="pager">
      {page > 1 ? <a href={path(page - 1)}>上一页</a> : null}{" "}
      <span>
        第 {page} / {pages} 页
      </span>{" "}
      {page < pages ? <a href={path(page + 1)}>下一页</a> : null}
    </nav>
  );
}

export type HomePageData = {
  organs: { top: TopOrgan[]; more: number };
  latest: ListedReport[];
  results: Paged<ListedReport> | null;
  query: { q: string; year: string };
};

export function HomePage({ data, script }: { data: HomePageData; script: Script }) {
  const { results } = data;
  return (
    <ListingDocument script={script} title="政府信息公开工作年度报告" switchPath={homePath(other(script))}>
      <h1>政府信息公开工作年度报告</h1>
      <form className="search" method="get" action={homePath(script)} role="search" aria-label="搜索报告">
        <label>
          机关名称
          <input name="q" defaultValue={data.query.q} maxLength={40} />
        </label>
        <label>
          年度
          <input name="year" defaultValue={data.query.year} inputMode="numeric" maxLength={4} />
        </label>
        <button type="submit">搜索</button>
      </form>
      {results ? (
        <section aria-labelledby="results">
          <h2 id="results">搜索结果（共 {results.total} 份）</h2>
          {results.items.length ? <ReportList reports={results.items} script={script} withOrgan /> : <p>没有找到符合条件的报告。</p>}
          <Pager page={results.page} pages={results.pages} path={(page) => searchPath(script, data.query, page)} label="搜索结果分页" />
        </section>
      ) : null}
      <section aria-labelledby="latest">
        <h2 id="latest">最新发布</h2>
        <ReportList reports={data.latest} script={script} withOrgan />
      </section>
      <section aria-labelledby="organs">
        <h2 id="organs">机关</h2>
        <nav aria-labelledby="organs">
          <ul>
            {data.organs.top.map((o) => (
              <li key={o.code}>
                <OrganItem organ={o} script={script} />
                {o.below.length ? (
                  <ul>
                    {o.below.map((b) => (
                      <li key={b.code}>
                        <OrganItem organ={b} script={script} />
                      </li>
                    ))}
                    {o.children > o.below.length ? (
                      <li>
                        <a href={organPath(o.code, script)}>
                          查看{o.name}的全部 {o.children} 个下级机关
                        </a>
                      </li>
                    ) : null}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
          {data.organs.more ? <p>另有 {data.organs.more} 个机关，请按名称搜索。</p> : null}
        </nav>
      </section>
      <section aria-labelledby="open-data">
        <h2 id="open-data">开放数据</h2>
        <p>
          各年度已发布报告的表格数据（CSV、JSON）：<a href={openDataPath(script)}>按年度下载</a>；<a href="/gk/feed.atom">发布动态（Atom 订阅）</a>；
          <a href="/gk/sitemap.xml">站点地图</a>。
        </p>
      </section>
    </ListingDocument>
  );
}

export type OrganPageData = {
  organ: { name: string; code: string };
  /** The organs above it, top first. */
  above?: Array<{ code: string; name: string }>;
  reports: ListedReport[];
  below?: Paged<OrganLink>;
  /** 历年报告（原发布）: years published elsewhere before this platform. */
  external?: ListedExternalReport[];
};

export function OrganPage({ data, script }: { data: OrganPageData; script: Script }) {
  const { organ, reports, above = [], below } = data;
  return (
    <ListingDocument script={script} title={`${organ.name} · 年度报告`} switchPath={organPath(organ.code, other(script))}>
      <nav aria-label="位置" className="crumbs">
        <a href={homePath(script)}>首页</a>
        {above.map((a) => (
          <span key={a.code}>
            {" › "}
            <a href={organPath(a.code, script)}>{a.name}</a>
          </span>
        ))}
        {" › "}
        {organ.name}
      </nav>
      <h1>{organ.name}政府信息公开工作年度报告</h1>
      <ReportList reports={reports} script={script} withOrgan={false} />
      {data.external?.length ? (
        <section aria-labelledby="external-reports">
          <h2 id="external-reports">历年报告（原发布）</h2>
          <p>以下报告在使用本平台之前发布于其他平台，未经本平台审核和发布，以原发布页面为准。</p>
          <ul className="plain">
            {data.external.map((r) => (
              <li key={r.year}>
                {r.sourceUrl ? (
                  <a href={r.sourceUrl} rel="noopener noreferrer nofollow">
                    {r.title}
                  </a>
                ) : (
                  r.title
                )}{" "}
                <span>
                  {r.issuedOn ? `原发文日期 ${r.issuedOn}` : ""}
                  {r.indexNumber ? ` · 原索引号 ${r.indexNumber}` : ""}
                  {r.sourceUrl ? ` · 原发布地址：${r.sourceUrl}` : "（原发布地址未记录）"}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {below && below.total ? (
        <section aria-labelledby="below">
          <h2 id="below">下级机关（{below.total} 个）</h2>
          <ul className="plain">
            {below.items.map((b) => (
              <li key={b.code}>
                <OrganItem organ={b} script={script} />
              </li>
            ))}
          </ul>
          <Pager page={below.page} pages={below.pages} path={(page) => organPagePath(organ.code, script, page)} label="下级机关分页" />
        </section>
      ) : null}
    </ListingDocument>
  );
}

export function NoticePage({ script, title, message }: { script: Script; title: string; message: string }) {
  return (
    <ListingDocument script={script} title={title} switchPath={homePath(other(script))}>
      <h1>{title}</h1>
      <p>{message}</p>
      <p>
        <a href={homePath(script)}>返回首页</a>
      </p>
    </ListingDocument>
  );
}
