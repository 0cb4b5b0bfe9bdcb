// 汇总 for the supervising office and the public site's open data, after real publications.
// Year 2016 is this spec's own (no other spec uses it): 白沙镇 publishes, 青石镇 is approved but
// not published, 江南街道办事处 has no report.
import ExcelJS from "exceljs";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_ORGANS } from "@/lib/demo/demo-accounts";
import { TABLE_LAYOUTS } from "@/lib/report-format/table-layouts";
import { approveAllStages, publishApproved, submittedReport } from "./review-support";
import { main, organIdFromWorkspace, pageAs } from "./support";

const YEAR = 2016;
const BAISHA = DEMO_ORGANS.find((o) => o.key === "baisha")!;
const NEXT_YEAR = Number(new Intl.DateTimeFormat("en", { year: "numeric", timeZone: "Asia/Shanghai" }).format(new Date())) + 1;

test.describe.configure({ mode: "serial" });

let indexNumber = "";

test("publish 白沙镇's and approve 青石镇's report for the year", async ({ browser }) => {
  test.setTimeout(240_000);
  const baisha = await submittedReport(browser, "baisha", YEAR, undefined, `${YEAR}年，本机关未收取政府信息公开信息处理费。`);
  await approveAllStages(browser, "baisha", baisha.reportId);
  const publisher = await publishApproved(browser, "baisha", baisha.reportId);
  indexNumber = (await main(publisher).getByRole("status").first().textContent())!.match(/索引号 (\S+\/\d{4}-\d{5})/)![1]!;
  const qingshi = await submittedReport(browser, "qingshi", YEAR, undefined, `${YEAR}年，本机关未收取政府信息公开信息处理费。`);
  await approveAllStages(browser, "qingshi", qingshi.reportId);
});

/** The numbers of one of the page's tables, in reading order. */
async function pageNumbers(page: Page, table: 2 | 3 | 4) {
  const texts = await page.getByRole("table", { name: TABLE_LAYOUTS[table].title }).locator("a[data-cell]").allTextContents();
  return texts.map(Number);
}

/** The numbers of a sheet in reading order, each merged range once. */
function sheetNumbers(sheet: ExcelJS.Worksheet) {
  const values: number[] = [];
  sheet.eachRow((row) => row.eachCell((cell) => void (typeof cell.value === "number" && cell.master.address === cell.address && values.push(cell.value))));
  return values;
}

test("the supervisor's 汇总: the year's published reports summed in the official layout, each cell's organs, approved ones on request, Excel and CSV", async ({ browser }) => {
  test.setTimeout(120_000);
  const supervisor = await pageAs(browser, "yunxi.supervisor");
  const yunxi = await organIdFromWorkspace(supervisor, "云溪市");
  await supervisor.goto(`/organs/${yunxi}`);
  await supervisor.getByRole("link", { name: "汇总统计" }).click();
  await expect(supervisor.getByRole("heading", { level: 1 })).toHaveText("汇总统计");
  await supervisor.getByLabel("年度", { exact: true }).selectOption(String(YEAR));
  await supervisor.getByRole("button", { name: "查看" }).click();
  await expect(supervisor).toHaveURL(new RegExp(`/organs/${yunxi}/summary\\?year=${YEAR}$`));

  const m = main(supervisor);
  await expect(supervisor.getByTestId("summary-headline")).toContainText(`云溪市所属机关 ${YEAR} 年度汇总：纳入 1 个机关（已发布的报告）`);
  const included = m.getByRole("table", { name: /纳入汇总的机关/ });
  await expect(included.getByRole("row", { name: /白沙镇/ })).toContainText(`已发布（第 1 版）${indexNumber}`);
  const missing = m.getByRole("table", { name: /未纳入的机关/ });
  await expect(missing.getByRole("row", { name: /青石镇/ })).toContainText("尚未发布（待发布）");
  await expect(missing.getByRole("row", { name: /江南街道办事处/ })).toContainText("未创建报告");

  // Laid out like the official table 3: its merged headers, and the figures of 白沙镇's report.
  const t3 = m.getByRole("table", { name: "表三 收到和处理政府信息公开申请情况" });
  await expect(t3.getByRole("columnheader", { name: "申请人情况" })).toHaveAttribute("colspan", "7");
  await expect(t3.getByRole("link", { name: "表三 一、本年新收政府信息公开申请数量 / 总计：5，查看各机关数值" })).toHaveText("5");

  // A cell lists each organ's value.
  await t3.getByRole("link", { name: "表三 一、本年新收政府信息公开申请数量 / 总计：5，查看各机关数值" }).click();
  await expect(supervisor).toHaveURL(/cell=newRequests\.total#cell-detail$/);
  const detail = m.getByRole("table", { name: "表三 一、本年新收政府信息公开申请数量 / 总计：各机关数值" });
  await expect(detail.getByRole("row", { name: /白沙镇/ })).toContainText("5");
  await expect(detail.getByRole("row", { name: /合计/ })).toContainText("5");

  // The lists are paged (100 organs a page; a province has thousands): a page past the end shows the last one, and one page has no page links.
  await supervisor.goto(`/organs/${yunxi}/summary?year=${YEAR}&cell=newRequests.total&included=7&missing=x&cellPage=3`);
  await expect(detail.getByRole("row", { name: /白沙镇/ })).toContainText("5");
  await expect(included.getByRole("row", { name: /白沙镇/ })).toBeVisible();
  await expect(missing.getByRole("row", { name: /青石镇/ })).toBeVisible();
  await expect(m.getByRole("navigation", { name: /分页/ })).toHaveCount(0);

  // With the approved (待发布) report of 青石镇 too.
  await supervisor.getByLabel(/包括待发布/).check();
  await supervisor.getByRole("button", { name: "查看" }).click();
  await expect(supervisor).toHaveURL(new RegExp(`year=${YEAR}&approved=1$`));
  await expect(supervisor.getByTestId("summary-headline")).toContainText("纳入 2 个机关（已发布和待发布的报告）");
  await expect(included.getByRole("row", { name: /青石镇/ })).toContainText("待发布");
  await expect(t3.getByRole("link", { name: /^表三 一、本年新收政府信息公开申请数量 \/ 总计：/ })).toHaveText("10");

  // The Excel file says what the page says, cell for cell, with the official headers.
  const xlsx = await supervisor.request.get(
    await m
      .getByRole("link", { name: "Excel（.xlsx）" })
      .getAttribute("href")
      .then((h) => h!),
  );
  expect(xlsx.status()).toBe(200);
  expect(xlsx.headers()["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  expect(decodeURIComponent(xlsx.headers()["content-disposition"] ?? "")).toContain(`云溪市${YEAR}年度汇总.xlsx`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await xlsx.body()) as unknown as ArrayBuffer);
  expect(workbook.worksheets.map((s) => s.name)).toEqual(["表二", "表三", "表四", "机关名单"]);
  for (const [table, name] of [
    [2, "表二"],
    [3, "表三"],
    [4, "表四"],
  ] as const) {
    const onPage = await pageNumbers(supervisor, table);
    expect(onPage.length).toBeGreaterThan(0);
    expect(sheetNumbers(workbook.getWorksheet(name)!)).toEqual(onPage);
  }
  const sheet3 = workbook.getWorksheet("表三")!;
  expect(sheet3.getCell("D4").value).toBe("申请人情况");
  expect(sheet3.getCell("D4").isMerged).toBe(true);
  const organs: string[] = [];
  workbook.getWorksheet("机关名单")!.eachRow((row) => organs.push((row.values as unknown[]).slice(1).join("|")));
  expect(organs).toContain(`白沙镇||${BAISHA.code}|纳入|已发布（第 1 版）|${indexNumber}`);
  expect(organs.some((line) => line.startsWith("江南街道办事处|") && line.includes("|未纳入|未创建报告"))).toBe(true);

  const csv = await supervisor.request.get(
    await m
      .getByRole("link", { name: "CSV" })
      .getAttribute("href")
      .then((h) => h!),
  );
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(await csv.text()).toContain('"表三","一、本年新收政府信息公开申请数量 / 总计","10"');

  // A year outside 2008 to next year: told in Chinese, on the page and for the files.
  await supervisor.goto(`/organs/${yunxi}/summary?year=2007`);
  await expect(m.getByRole("alert")).toHaveText(`年度应为 2008 至 ${NEXT_YEAR} 年之间的年份。`);
  const badFile = await supervisor.request.get(`/api/organs/${yunxi}/summary/xlsx?year=${NEXT_YEAR + 1}`);
  expect(badFile.status()).toBe(400);
  expect(await badFile.text()).toBe(`年度应为 2008 至 ${NEXT_YEAR} 年之间的年份。`);
});

test("a year without any report: the page says so in Chinese, and the Excel and CSV downloads are valid files with their headers only", async ({ browser }) => {
  const EMPTY_YEAR = 2010; // no spec creates a report for it
  const supervisor = await pageAs(browser, "yunxi.supervisor");
  const yunxi = await organIdFromWorkspace(supervisor, "云溪市");
  await supervisor.goto(`/organs/${yunxi}/summary?year=${EMPTY_YEAR}&approved=1`);
  const m = main(supervisor);
  await expect(supervisor.getByTestId("summary-headline")).toContainText(`云溪市所属机关 ${EMPTY_YEAR} 年度汇总：纳入 0 个机关（已发布和待发布的报告）`);
  await expect(m.getByText("没有纳入汇总的报告，表中暂无数字。")).toBeVisible();
  await expect(m.getByRole("table", { name: /未纳入的机关/ }).getByRole("row", { name: /白沙镇/ })).toContainText("未创建报告");

  const xlsx = await supervisor.request.get(
    await m
      .getByRole("link", { name: "Excel（.xlsx）" })
      .getAttribute("href")
      .then((h) => h!),
  );
  expect(xlsx.status()).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await xlsx.body()) as unknown as ArrayBuffer);
  expect(workbook.worksheets.map((s) => s.name)).toEqual(["表二", "表三", "表四", "机关名单"]);
  for (const name of ["表二", "表三", "表四"]) expect(sheetNumbers(workbook.getWorksheet(name)!)).toEqual([]);
  expect(workbook.getWorksheet("表三")!.getCell("D4").value).toBe("申请人情况");
  const organs: string[] = [];
  workbook.getWorksheet("机关名单")!.eachRow((row) => organs.push((row.values as unknown[]).slice(1).join("|")));
  expect(organs.some((line) => line.startsWith("白沙镇|") && line.includes("|未纳入|未创建报告"))).toBe(true);
  expect(organs.some((line) => line.includes("|纳入|"))).toBe(false);

  const csv = await supervisor.request.get(
    await m
      .getByRole("link", { name: "CSV" })
      .getAttribute("href")
      .then((h) => h!),
  );
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toBe('\uFEFF"表格","项目","合计"\r\n');
});

test("another organ's staff get 404 for the 汇总 and its files, and the attempts are in the city's audit log", async ({ browser }) => {
  const supervisor = await pageAs(browser, "yunxi.supervisor");
  const yunxi = await organIdFromWorkspace(supervisor, "云溪市");
  const stranger = await pageAs(browser, "qingshi.admin");
  expect((await stranger.goto(`/organs/${yunxi}/summary?year=${YEAR}`))?.status()).toBe(404);
  expect((await stranger.request.get(`/api/organs/${yunxi}/summary/xlsx?year=${YEAR}`)).status()).toBe(404);
  expect((await stranger.request.get(`/api/organs/${yunxi}/summary/csv?year=${YEAR}`)).status()).toBe(404);
  // Not a supervisor even of its own organ.
  const qingshi = await organIdFromWorkspace(stranger, "青石镇");
  expect((await stranger.goto(`/organs/${qingshi}/summary`))?.status()).toBe(404);

  const admin = await pageAs(browser, "yunxi.admin");
  await admin.goto(`/organs/${yunxi}/audit?action=request.refused&actor=${encodeURIComponent("青石管理员")}`);
  const log = main(admin).getByRole("table");
  await expect(log).toContainText("所做操作：打开页面");
  await expect(log).toContainText("所做操作：导出汇总");
  await expect(log).not.toContainText("其他操作");
});

test("open data on the public site: the year's CSV and JSON, the feed and the sitemap, with their types and caching; linked from the home page", async ({ browser, baseURL }) => {
  const visitor = await browser.newContext().then((c) => c.newPage());
  await visitor.goto("/gk");
  await visitor.getByRole("region", { name: "开放数据" }).getByRole("link", { name: "按年度下载" }).click();
  await expect(visitor).toHaveURL(/\/gk\/open-data$/);
  expect(await visitor.locator("script").count()).toBe(0);
  const years = visitor.getByRole("table");
  await expect(years.getByRole("row", { name: new RegExp(`^${YEAR} 年度`) })).toContainText("1 份");

  const address = `${baseURL}/gk/${BAISHA.code}/${YEAR}`;
  const csv = await visitor.request.get(`/gk/open-data/${YEAR}.csv`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(csv.headers()["cache-control"]).toMatch(/^public, max-age=\d+, s-maxage=\d+$/); // as the listing pages
  const lines = (await csv.text()).split("\r\n");
  expect(lines[0]).toMatch(/^\uFEFF"索引号","机关","机关代码","标题","发布日期","版本","地址",/);
  expect(lines[1]).toContain(`"${indexNumber}","白沙镇","${BAISHA.code}","白沙镇${YEAR}年度政府信息公开工作年度报告"`);
  expect(lines[1]).toContain(`"1","${address}"`);
  expect((await visitor.request.get(`/gk/open-data/${YEAR}.csv`, { headers: { "if-none-match": csv.headers()["etag"] ?? "" } })).status()).toBe(304);
  expect((await visitor.request.get(`/gk/open-data/${YEAR}.csv`, { headers: { "accept-encoding": "br" } })).headers()["content-encoding"]).toBe("br");

  const json = await visitor.request.get(`/gk/open-data/${YEAR}.json`);
  expect(json.headers()["content-type"]).toBe("application/json; charset=utf-8");
  const data = await json.json();
  expect(data.reports).toEqual([expect.objectContaining({ indexNumber, organ: { name: "白沙镇", code: BAISHA.code }, version: 1, url: address })]);
  expect(data.schema).toBe("nianbao.open-data/2");
  expect(data.reports[0].values[data.fields.findIndex((f: { key: string }) => f.key === "newRequests.total")]).toBe(5);

  const feed = await visitor.request.get("/gk/feed.atom");
  expect(feed.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
  const feedText = await feed.text();
  expect(feedText).toContain(`<title>发布：白沙镇${YEAR}年度政府信息公开工作年度报告</title>`);
  expect(feedText).toContain(`href="${address}/v/1"`);
  const sitemap = await visitor.request.get("/gk/sitemap.xml");
  expect(sitemap.headers()["content-type"]).toBe("application/xml; charset=utf-8");
  const sitemapText = await sitemap.text();
  expect(sitemapText).toContain(`<loc>${address}</loc>`);
  // Both parse as XML in the browser.
  for (const [text, root] of [
    [feedText, "feed"],
    [sitemapText, "urlset"],
  ] as const) {
    const parsed = await visitor.evaluate((xml) => {
      const doc = new DOMParser().parseFromString(xml, "application/xml");
      return { error: doc.getElementsByTagName("parsererror").length, root: doc.documentElement.localName };
    }, text);
    expect(parsed).toEqual({ error: 0, root });
  }
  for (const path of [`/gk/open-data/${YEAR}.csv/hant`, "/gk/open-data/1999.csv", `/gk/open-data/${YEAR}.xml`, "/gk/sitemap-1.xml"]) {
    expect((await visitor.request.get(path)).status(), path).toBe(404);
  }
});
