// The public site's open-data page: each year's published reports as CSV and JSON, the feed
// and the sitemap. No hooks.
import { homePath, openDataPath, type Script } from "@/lib/publish/public-paths";
import { ListingDocument } from "./listing-pages";

export type OpenDataPageData = { years: ReadonlyArray<{ year: number; reports: number }> };

export function OpenDataPage({ data, script }: { data: OpenDataPageData; script: Script }) {
  return (
    <ListingDocument script={script} title="开放数据 · 政府信息公开工作年度报告" switchPath={openDataPath(script === "hans" ? "hant" : "hans")}>
      <nav aria-label="位置" className="crumbs">
        <a href={homePath(script)}>首页</a> › 开放数据
      </nav>
      <h1>开放数据</h1>
      <p>
        各年度已发布报告的表二、表三、表四全部数据（含总计），每份报告一行：索引号、发布机构、标题、发布日期、版本和报告地址。已更正的报告取最新版本；已撤回的报告不再列入（撤回记录见发布动态）。数据在报告发布、更正或撤回后一分钟内更新。
      </p>
      <section aria-labelledby="years">
        <h2 id="years">按年度下载</h2>
        {data.years.length ? (
          <table className="form">
            <thead>
              <tr>
                <th scope="col">年度</th>
                <th scope="col">已发布报告</th>
                <th scope="col">下载</th>
              </tr>
            </thead>
            <tbody>
              {data.years.map(({ year, reports }) => (
                <tr key={year}>
                  <th scope="row">{year} 年度</th>
                  <td>{reports} 份</td>
                  <td>
                    <a href={`/gk/open-data/${year}.csv`} aria-label={`${year} 年度表格数据（CSV）`}>
                      CSV
                    </a>
                    {" · "}
                    <a href={`/gk/open-data/${year}.json`} aria-label={`${year} 年度表格数据（JSON）`}>
                      JSON
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>尚无已发布的报告。</p>
        )}
      </section>
      <section aria-labelledby="feeds">
        <h2 id="feeds">订阅与索引</h2>
        <ul className="plain">
          <li>
            <a href="/gk/feed.atom">发布动态（Atom 订阅）</a>：报告的发布、更正和撤回。
          </li>
          <li>
            <a href="/gk/sitemap.xml">站点地图（sitemap.xml）</a>：全部公开页面的地址。
          </li>
        </ul>
      </section>
    </ListingDocument>
  );
}
