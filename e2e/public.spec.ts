import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import JSZip from "jszip";
import { DEMO_ORGANS } from "@/lib/demo/demo-accounts";
import { approveAllStages, publishApproved, submittedReport } from "./review-support";
import { main, pageAs } from "./support";

const JIANGNAN = DEMO_ORGANS.find((o) => o.key === "jiangnan")!;
const YEAR = 2022;
const base = `/gk/${JIANGNAN.code}/${YEAR}`;

async function axe(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("from draft through three stages to the public page; 繁體, downloads, correction, withdrawal", async ({ browser }) => {
  test.setTimeout(180_000);
  const { reportId } = await submittedReport(browser, "jiangnan", YEAR, undefined, `${YEAR}年，本机关未收取政府信息公开信息处理费。`);
  await approveAllStages(browser, "jiangnan", reportId);

  const publisher = await publishApproved(browser, "jiangnan", reportId);

  // The public page: no login, no script, exactly the approved numbers.
  const visitor = await browser.newContext().then((c) => c.newPage());
  const response = await visitor.goto(base);
  expect(response?.status()).toBe(200);
  expect(response?.headers()["etag"]).toMatch(/^"/);
  expect(await visitor.locator("script").count()).toBe(0);
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText(`江南街道办事处${YEAR}年度政府信息公开工作年度报告`);
  await expect(visitor.getByRole("term").filter({ hasText: "索引号" })).toBeVisible();
  await expect(visitor.getByRole("definition").first()).toHaveText(new RegExp(`^${JIANGNAN.code}/\\d{4}-\\d{5}$`));
  const t3 = visitor.getByRole("table", { name: "表三 收到和处理政府信息公开申请情况" });
  await expect(t3.getByRole("row", { name: /一、本年新收/ })).toContainText("5");
  await expect(
    t3
      .getByRole("row", { name: /（七）总计/ })
      .getByRole("cell")
      .first(),
  ).toHaveText("5");
  await expect(visitor.getByRole("table", { name: "本年度办理结果（图表数据）" })).toContainText("予以公开");
  await axe(visitor);

  // 繁體, with the right language.
  await visitor.getByRole("link", { name: "繁體" }).click();
  await expect(visitor).toHaveURL(`${base}/hant`);
  await expect(visitor.locator("html")).toHaveAttribute("lang", "zh-Hant");
  await expect(visitor.getByRole("heading", { level: 1 })).toContainText("公開工作年度報告");
  await expect(visitor.getByRole("heading", { name: "一、總體情況" })).toBeVisible();
  await axe(visitor);

  // Home and organ listings, both scripts.
  for (const path of ["/gk", "/gk/hant", `/gk/${JIANGNAN.code}`, `/gk/${JIANGNAN.code}/hant`]) {
    await visitor.goto(path);
    await expect(visitor.getByRole("link", { name: /江南街道(办事处|辦事處)2022年度/ }).first()).toBeVisible();
    expect(await visitor.locator("script").count()).toBe(0);
    await axe(visitor);
  }
  await visitor.goto("/gk?q=江南&year=2022");
  await expect(visitor.getByRole("region", { name: /搜索结果/ })).toContainText("江南街道办事处2022年度");

  // Versions: browsers keep them for a year, shared caches check back every 5 s (a withdrawal must reach them).
  const version1 = await visitor.request.get(`${base}/v/1`, { headers: { "accept-encoding": "gzip" } });
  expect(version1.headers()["cache-control"]).toBe("public, max-age=31536000, s-maxage=5");
  expect(version1.headers()["vary"]).toBe("Accept-Encoding");
  expect((await visitor.request.get(`${base}/v/1`, { headers: { "if-none-match": version1.headers()["etag"] ?? "" } })).status()).toBe(304);
  // RFC 9110: a weak tag, a list and * match too; a coding refused with q=0 is not sent.
  const etag = version1.headers()["etag"] ?? "";
  for (const ifNoneMatch of [`W/${etag}`, `"other", ${etag}`, "*"]) {
    expect((await visitor.request.get(`${base}/v/1`, { headers: { "if-none-match": ifNoneMatch } })).status()).toBe(304);
  }
  const noBrotli = await visitor.request.get(`${base}/v/1`, { headers: { "accept-encoding": "br;q=0, gzip" } });
  expect(noBrotli.headers()["content-encoding"]).toBe("gzip");

  // Downloads parse back.
  const json = await (await visitor.request.get(`${base}/v/1/report.json`)).json();
  expect(json.sections[2].cells["newRequests.total"]).toBe("5");
  const csv = await (await visitor.request.get(`${base}/v/1/tables.csv`)).text();
  expect(csv).toContain('"表三","一、本年新收政府信息公开申请数量 / 总计","newRequests.total","5"');
  const docx = await JSZip.loadAsync(await (await visitor.request.get(`${base}/v/1/report.docx`)).body());
  expect(await docx.file("word/document.xml")!.async("string")).toContain(`江南街道办事处${YEAR}年度政府信息公开工作年度报告`);

  // A correction goes through the pipeline again and publishes version 2 with a public note; version 1 stays readable.
  await publisher.goto(`/reports/${reportId}`);
  publisher.once("dialog", (d) => d.accept());
  await publisher.getByRole("button", { name: "发起更正" }).click();
  await expect(main(publisher).getByRole("status").first()).toContainText("已发起更正");
  const author = await pageAs(browser, "jiangnan.author");
  await author.goto(`/reports/${reportId}/sections/problems`);
  await author
    .getByLabel("五、存在的主要问题及改进情况")
    .fill("更正后的第五部分：补充了整改措施和完成时限。已在全街道推广统一的依申请公开答复模板，全年开展两次业务培训，并建立了公开栏月度更新台账，由党政办每月检查落实。");
  await expect(author.getByTestId("save-status")).toHaveText(/已保存/, { timeout: 15_000 });
  await author.goto(`/reports/${reportId}`);
  author.once("dialog", (d) => d.accept());
  await author.getByRole("button", { name: "提交审核" }).click();
  await approveAllStages(browser, "jiangnan", reportId);
  await publisher.goto(`/reports/${reportId}`);
  // Before publishing, the 发布人 sees the changes that the public page will list.
  await expect(publisher.getByTestId("correction-changes").getByRole("listitem")).toHaveCount(1);
  await expect(publisher.getByTestId("correction-changes")).toContainText("五、存在的主要问题及改进情况");
  await expect(publisher.getByTestId("correction-changes").getByRole("insertion")).toContainText("更正后的第五部分");
  publisher.once("dialog", (d) => d.accept());
  await publisher.getByRole("button", { name: "发布更正" }).click();
  await expect(publisher.locator("#field-correctionNote-error")).toHaveText("发布更正时必须填写更正说明。");
  await publisher.getByLabel(/更正说明/).fill("补充第五部分的整改措施。");
  publisher.once("dialog", (d) => d.accept());
  await publisher.getByRole("button", { name: "发布更正" }).click();
  await expect(main(publisher).getByRole("status").first()).toContainText("已发布第 2 版");

  // A reader arriving now (the plain address may be cached for up to a minute by browsers and proxies).
  const later = await browser.newContext().then((c) => c.newPage());
  await later.goto(base);
  await expect(later.getByRole("complementary", { name: "更正说明" })).toContainText("补充第五部分的整改措施。");
  await expect(later.getByRole("region", { name: "版本记录" })).toContainText("第 1 版");
  await expect(later.getByRole("region", { name: "五、存在的主要问题及改进情况" })).toContainText("更正后的第五部分");
  // Beside the note, exactly what changed: the new words inserted, the replaced ones struck through.
  const changes = later.getByRole("region", { name: "本次更正的内容（与第 1 版相比）" });
  await expect(changes.getByRole("listitem")).toHaveCount(1);
  await expect(changes.getByRole("listitem")).toContainText("五、存在的主要问题及改进情况");
  await expect(changes.getByRole("insertion")).toContainText("更正后的第五部分");
  await expect(changes.getByRole("deletion")).not.toHaveText("");
  await axe(later);
  await later.getByRole("link", { name: "第 1 版" }).click();
  await expect(later).toHaveURL(`${base}/v/1`);
  await expect(later.getByRole("note")).toContainText("固定地址");
  await expect(later.getByRole("region", { name: "五、存在的主要问题及改进情况" })).not.toContainText("更正后的第五部分");

  // Withdrawal: a reason is required; the page then says so, with 410.
  await publisher.goto(`/reports/${reportId}`);
  await publisher.getByLabel("撤回理由（必填）").fill("报告数据需重新核实");
  publisher.once("dialog", (d) => d.accept());
  await publisher.getByRole("button", { name: "撤回已发布的报告" }).click();
  await expect(main(publisher).getByRole("status").first()).toContainText("已撤回");
  const afterWithdrawal = await browser.newContext().then((c) => c.newPage());
  const gone = await afterWithdrawal.goto(base);
  expect(gone?.status()).toBe(410);
  await expect(afterWithdrawal.getByRole("main")).toContainText("报告数据需重新核实");
  for (const path of [`${base}/v/1`, `${base}/v/2/hant`, `${base}/v/2/report.docx`, `${base}/v/1/tables.csv`]) {
    const response = await afterWithdrawal.request.get(path);
    expect(response.status(), path).toBe(410);
    expect(await response.text(), path).toContain("已撤回");
  }
});

test("an organ's second published year shows 历年情况 across its years, accessible in both scripts", async ({ browser }) => {
  test.setTimeout(180_000);
  const BAISHA = DEMO_ORGANS.find((o) => o.key === "baisha")!;
  for (const year of [2022, 2025]) {
    const { reportId } = await submittedReport(browser, "baisha", year, undefined, `${year}年，本机关未收取政府信息公开信息处理费。`);
    await approveAllStages(browser, "baisha", reportId);
    await publishApproved(browser, "baisha", reportId);
  }
  const visitor = await browser.newContext().then((c) => c.newPage());
  for (const [path, caption] of [
    [`/gk/${BAISHA.code}/2025`, "历年情况（图表数据）"],
    [`/gk/${BAISHA.code}/2025/hant`, "歷年情況（圖表數據）"],
  ] as const) {
    await visitor.goto(path);
    const trend = visitor.getByRole("table", { name: caption });
    // Both years published here (another spec may add a past year of 白沙镇 as 外部导入, which the chart also shows).
    await expect(trend.getByRole("row", { name: /^2022/ })).toContainText("5");
    await expect(trend.getByRole("row", { name: /^2025/ })).toContainText("5");
    await axe(visitor);
    // On a 320 px phone the page reflows: nothing but the wide forms (in their own scroll boxes) is wider than the screen.
    await visitor.setViewportSize({ width: 320, height: 700 });
    expect(await visitor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await visitor.setViewportSize({ width: 1280, height: 720 });
  }
  // The earlier year's page was frozen when it was published, before 2025 existed (its chart, when a
  // past year imported by another spec gives it one, stops at 2022).
  await visitor.goto(`/gk/${BAISHA.code}/2022`);
  await expect(visitor.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(visitor.getByRole("table", { name: "历年情况（图表数据）" }).getByRole("row", { name: /^2025/ })).toHaveCount(0);
});

test("unknown organs, years and malformed paths are a proper 404, never a 500", async ({ request }) => {
  for (const path of [
    "/gk/NOPE",
    "/gk/NOPE/2024",
    `/gk/${JIANGNAN.code}/1999`,
    `/gk/${JIANGNAN.code}/abcd`,
    `/gk/${JIANGNAN.code}/2024/v/0`,
    `/gk/${JIANGNAN.code}/2024/x/y`,
    "/gk/%E4%B8%AD/2024",
    "/gk/a/b/c/d/e/f/g",
  ]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
    expect(await response.text()).toContain("页面不存在");
  }
  expect((await request.get("/gk?year=<script>&q=%00")).status()).toBe(200);
});
