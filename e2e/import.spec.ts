// Importing existing reports (issue 13): a Word draft previewed, confirmed into revisions; bad files refused.
import { writeFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { reportToDocx } from "@/lib/report-files/docx";
import { gbk, platformPage, reportParts } from "../test/unit/import-fixtures";
import { richDraft } from "../test/unit/report-fixtures";
import { selectYear } from "./review-support";
import { login, main, organIdFromWorkspace, pageAs } from "./support";

async function createReport(page: Page, organ: string, year: number) {
  await page.goto(`/organs/${await organIdFromWorkspace(page, organ)}`);
  await selectYear(page, year);
  await page.getByRole("button", { name: "新建年度报告" }).click();
  await expect(page.getByRole("heading", { name: `${organ}${year}年度政府信息公开工作年度报告` })).toBeVisible();
  return page.url().split("/reports/")[1]!;
}

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

test("a Word draft is previewed section by section and cell by cell, and written as revisions only when confirmed", async ({ page }) => {
  await login(page, "baisha.author");
  const reportId = await createReport(page, "白沙镇", 2012);
  await page.getByRole("link", { name: "从 Word 文件或网页导入……" }).click();
  await expect(page.getByRole("heading", { name: "从 Word 或网页导入" })).toBeVisible();

  // A file that is not a Word document: a Chinese message, nothing shown to confirm.
  await page.getByLabel(/Word 文件或网页文件/).setInputFiles({ name: "坏文件.docx", mimeType: DOCX, buffer: Buffer.from("PK\u0003\u0004broken") });
  await page.getByRole("button", { name: "预览" }).click();
  await expect(main(page).getByRole("alert")).toContainText("文件已损坏");
  await expect(page.getByRole("button", { name: "确认导入" })).toHaveCount(0);

  const sections = richDraft();
  const buffer = await reportToDocx({ title: "白沙镇2012年度政府信息公开工作年度报告", sections });
  await page.getByLabel(/Word 文件或网页文件/).setInputFiles({ name: "白沙镇2012年报.docx", mimeType: DOCX, buffer });
  await page.getByRole("button", { name: "预览" }).click();
  await expect(page.getByRole("heading", { name: "预览：白沙镇2012年报.docx" })).toBeVisible();
  await expect(main(page)).toContainText("找到的部分：6 / 6");
  await expect(page.getByRole("heading", { name: "三、收到和处理政府信息公开申请情况" })).toBeVisible();
  const cell = page.locator('[data-status="read"]', { hasText: /^10/ }).first();
  await expect(cell).toHaveAttribute("title", /表三 一、本年新收政府信息公开申请数量 \/ 自然人：已读入/);
  await expect(page.getByRole("heading", { name: "导入后的检查结果" })).toBeVisible();

  // Nothing is written before the confirmation (looked at in another tab, the preview stays open).
  const other = await page.context().newPage();
  await other.goto(`/reports/${reportId}/sections/problems/history`);
  await expect(main(other)).not.toContainText("导入");
  await other.close();
  await page.getByRole("button", { name: "确认导入" }).click();
  await expect(page).toHaveURL(new RegExp(`/reports/${reportId}\\?done=imported$`));
  await expect(main(page).getByRole("status").first()).toContainText("已导入");

  await page.goto(`/reports/${reportId}/sections/problems/history`);
  await expect(main(page)).toContainText("导入");
  await page.goto(`/reports/${reportId}/sections/problems`);
  await expect(page.getByLabel("五、存在的主要问题及改进情况")).toHaveValue((sections.problems as { text: string }).text);
});

test("a page of another kind of document and an oversized file are refused with a Chinese message", async ({ page }, testInfo) => {
  await login(page, "baisha.author");
  const reportId = await createReport(page, "白沙镇", 2013);
  await page.goto(`/reports/${reportId}/import`);
  const notice = "<html><head><meta charset='utf-8'></head><body><h1>关于开展春季植树活动的通知</h1><p>各村：现将有关事项通知如下。</p></body></html>";
  await page.getByLabel(/Word 文件或网页文件/).setInputFiles({ name: "通知.html", mimeType: "text/html", buffer: Buffer.from(notice) });
  await page.getByRole("button", { name: "预览" }).click();
  await expect(main(page).getByRole("alert")).toContainText("不像是一份政府信息公开工作年度报告");
  const big = testInfo.outputPath("大文件.docx");
  await writeFile(big, Buffer.alloc(50 * 1024 * 1024));
  await page.getByLabel(/Word 文件或网页文件/).setInputFiles(big);
  await page.getByRole("button", { name: "预览" }).click();
  await expect(main(page).getByRole("alert")).toContainText("文件超过 7 MB");
});

test("an organ's 管理员 adds last year from a GBK page as 外部导入; the new report's 二、上年结转 is pre-filled and the public page lists it", async ({ browser }) => {
  const admin = await pageAs(browser, "baisha.admin");
  const organId = await organIdFromWorkspace(admin, "白沙镇");
  await admin.goto(`/organs/${organId}`);
  await admin.getByRole("link", { name: "历年报告（外部导入）" }).click();
  const html = platformPage({ parts: reportParts({ title: "白沙镇2014年度政府信息公开工作年度报告", sections: richDraft() }), style: "line-meta", charset: "gbk" });
  await admin.getByLabel(/Word 文件或保存的网页/).setInputFiles({ name: "白沙镇2014年报.html", mimeType: "text/html", buffer: Buffer.from(gbk(html)) });
  const address = "https://www.example.gov.cn/art/2015/1/20/art_2014.html";
  await admin.getByLabel("原发布地址（网址）").fill(address);
  await admin.getByRole("button", { name: "预览" }).click();
  await expect(admin.getByRole("heading", { name: "预览：2014 年度（白沙镇2014年报.html）" })).toBeVisible();
  await expect(main(admin)).toContainText("11330483002566044K/2025-00012");
  await admin.getByRole("button", { name: "确认添加" }).click();
  await expect(admin).toHaveURL(new RegExp(`/organs/${organId}/history/2014\\?added=1$`));
  await expect(main(admin).getByRole("status")).toContainText("已添加为外部导入的 2014 年度报告");
  await expect(main(admin)).toContainText("外部导入（未经本平台审核和发布）");

  // A figure misread is corrected, and the log keeps it.
  await admin.getByLabel("表三 一、本年新收政府信息公开申请数量 / 自然人").fill("11");
  await admin.getByRole("button", { name: "保存更正" }).click();
  await expect(main(admin).getByRole("status").filter({ hasText: "已更正" })).toContainText("已更正 2 处");

  const author = await pageAs(browser, "baisha.author");
  await createReport(author, "白沙镇", 2015);
  const reportId = author.url().split("/reports/")[1]!;
  await author.goto(`/reports/${reportId}/sections/requests`);
  await expect(author.getByRole("textbox", { name: "表三 二、上年结转政府信息公开申请数量 / 自然人", exact: true })).toHaveValue("1");

  const visitor = await browser.newContext().then((c) => c.newPage());
  await visitor.goto("/gk/001008004005002");
  await expect(visitor.getByRole("heading", { name: "历年报告（原发布）" })).toBeVisible();
  await expect(visitor.getByRole("link", { name: "白沙镇2014年度政府信息公开工作年度报告" })).toHaveAttribute("href", address);
  await expect(visitor.locator("body")).toContainText("未经本平台审核和发布");
});
