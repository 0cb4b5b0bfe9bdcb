// The public home, organ and notice pages (404, 410, 503). No hooks.
import type { ReactNode } from "react";
import { homePath, organPath, reportPath, type Script } from "@/lib/publish/public-paths";
import type { ListedExternalReport, ListedOrgan, ListedReport } from "@/lib/publish/listings";
import { PublicDocument, publicDate } from "./public-document";

const other = (script: Script): Script => (script === "hans" ? "hant" : "hans");

function ListingDocument({ script, title, switchPath, children }: { script: Script; title: string; switchPath: string; children: ReactNode }) {
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
            {publicDate(r.publishedAt)}
            {r.withdrawnAt ? `（已于${publicDate(r.withdrawnAt)}撤回）` : r.version > 1 ? `（已更正，第 ${r.version} 版）` : ""}
          </span>
        </li>
      ))}
    </ul>
  );
}

function OrganTree({ byParent, parent, script }: { byParent: Map<string | null, ListedOrgan[]>; parent: string | null; script: Script }) {
  const list = byParent.get(parent) ?? [];
  if (!list.length) return null;
  return (
    <ul>
      {list.map((o) => (
        <li key={o.code}>
          <a href={organPath(o.code, script)}>{o.name}</a>
          <OrganTree byParent={byParent} parent={o.code} script={script} />
        </li>
      ))}
    </ul>
  );
}

export type HomePageData = { organs: ListedOrgan[]; latest: ListedReport[]; results: ListedReport[] | null; query: { q: string; year: string } };

export function HomePage({ data, script }: { data: HomePageData; script: Script }) {
  const byParent = new Map<string | null, ListedOrgan[]>();
  for (const o of data.organs) byParent.set(o.parentCode, [...(byParent.get(o.parentCode) ?? []), o]);
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
      {data.results ? (
        <section aria-labelledby="results">
          <h2 id="results">搜索结果（{data.results.length}）</h2>
          {data.results.length ? <ReportList reports={data.results} script={script} withOrgan /> : <p>没有找到符合条件的报告。</p>}
        </section>
      ) : null}
      <section aria-labelledby="latest">
        <h2 id="latest">最新发布</h2>
        <ReportList reports={data.latest} script={script} withOrgan />
      </section>
      <section aria-labelledby="organs">
        <h2 id="organs">机关</h2>
        <nav aria-labelledby="organs">
          <OrganTree byParent={byParent} parent={null} script={script} />
        </nav>
      </section>
    </ListingDocument>
  );
}

export type OrganPageData = { organ: { name: string; code: string }; reports: ListedReport[]; external?: ListedExternalReport[] };

export function OrganPage({ data, script }: { data: OrganPageData; script: Script }) {
  const { organ, reports } = data;
  return (
    <ListingDocument script={script} title={`${organ.name} · 年度报告`} switchPath={organPath(organ.code, other(script))}>
      <nav aria-label="位置" className="crumbs">
        <a href={homePath(script)}>首页</a> › {organ.name}
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
