// Getting a report into review through the real pages, for the review and publication specs.
import { expect, type Browser, type Page } from "@playwright/test";
import { DEMO_ORGANS } from "@/lib/demo/demo-accounts";
import { toReportJson } from "@/lib/report-files/report-json";
import { validDraft } from "../test/unit/report-fixtures";
import { main, organIdFromWorkspace, pageAs } from "./support";

export const PHONE = { width: 390, height: 844 };

/** A complete, consistent report, imported into a new draft by the organ's 撰稿人 and submitted. */
export async function submittedReport(browser: Browser, organKey: string, year: number, viewport?: typeof PHONE, otherText?: string) {
  const organ = DEMO_ORGANS.find((o) => o.key === organKey)!;
  const author = await pageAs(browser, `${organKey}.author`);
  if (viewport) await author.setViewportSize(viewport);
  await author.goto(`/organs/${await organIdFromWorkspace(author, organ.name)}`);
  await selectYear(author, year);
  await author.getByRole("button", { name: "新建年度报告" }).click();
  await expect(author).toHaveURL(/\/reports\/[0-9a-f-]{36}$/);
  const reportId = author.url().split("/reports/")[1]!;

  const sections = validDraft();
  sections.other = { kind: "narrative", text: otherText ?? `${year}年，本机关未收取政府信息公开信息处理费。咨询电话13812345678。` };
  const file = toReportJson({ organ: { name: organ.name, code: organ.code, kind: organ.kind }, year, title: "", sections });
  const form = author.locator("form", { has: author.getByRole("button", { name: "导入 JSON" }) });
  await form.getByLabel(/从 JSON 文件导入/).setInputFiles({ name: "r.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(file)) });
  await form.getByRole("button", { name: "导入 JSON" }).click();
  await expect(form.getByRole("status")).toContainText("已导入");

  author.once("dialog", (d) => d.accept());
  await author.getByRole("button", { name: "提交审核" }).click();
  await expect(author.getByTestId("report-status")).toHaveText("审核中：一校·初审");
  return { author, reportId };
}

/**
 * Picks the year in the new-report form. The form offers every year since 2008 without a report; a year it lacks (which
 * the server accepts down to 2008) is added as an option, as a hand-made request would send it.
 */
export async function selectYear(page: Page, year: number) {
  const select = page.getByLabel("报告年度");
  if ((await select.locator(`option[value="${year}"]`).count()) === 0) {
    await select.evaluate((el, y) => {
      const option = document.createElement("option");
      option.value = option.textContent = String(y);
      el.appendChild(option);
    }, year);
  }
  await select.selectOption(String(year));
}

export async function reviewer(browser: Browser, username: string, viewport?: typeof PHONE): Promise<Page> {
  const page = await pageAs(browser, username);
  if (viewport) await page.setViewportSize(viewport);
  return page;
}

/** Each stage's reviewer of the organ approves in turn (no warnings or scan findings expected). */
export async function approveAllStages(browser: Browser, organKey: string, reportId: string) {
  for (const stage of ["review1", "review2", "review3"]) {
    const page = await reviewer(browser, `${organKey}.${stage}`);
    await page.goto(`/reports/${reportId}/review`);
    // Whatever warnings other tests' reports cause (e.g. text similar to last year's), a reviewer states a reason.
    for (const reason of await page.locator('input[name^="warning:"]').all()) await reason.fill("已核实");
    await page.getByRole("button", { name: "通过" }).click();
    // A refusal stays on the review page with an alert; success returns to the report page.
    await expect(page.locator(".decision .notice.error")).toHaveCount(0);
    await expect(page).toHaveURL(/\/reports\/[0-9a-f-]{36}\?done=/);
    await expect(page.locator(".notice.ok")).toContainText(/已通过|审核全部通过/);
    await page.context().close();
  }
}

/** The organ's 发布人 publishes an approved report (checking that a 索引号 is shown); returns the publisher's page. */
export async function publishApproved(browser: Browser, organKey: string, reportId: string) {
  const organ = DEMO_ORGANS.find((o) => o.key === organKey)!;
  const publisher = await pageAs(browser, `${organKey}.publisher`);
  await publisher.goto(`/reports/${reportId}`);
  publisher.once("dialog", (d) => d.accept());
  await publisher.getByRole("button", { name: "发布", exact: true }).click();
  await expect(main(publisher).getByRole("status").first()).toContainText(new RegExp(`索引号 ${organ.code}/\\d{4}-\\d{5}`));
  return publisher;
}
