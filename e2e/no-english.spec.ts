// No status, role or kind identifier reaches a page: every staff page of a report is read in
// every state the report passes through, as each person concerned sees it.
import { expect, test, type Page } from "@playwright/test";
import { SECTION_KEYS } from "@/lib/report-format/format";
import { approveAllStages, publishApproved, submittedReport } from "./review-support";
import { organIdFromWorkspace, pageAs } from "./support";

const IDENTIFIER =
  /\b(DRAFT|IN_REVIEW|APPROVED|PUBLISHED|WITHDRAWN|RETURNED|VOIDED|NOT_CREATED|CORRECTING|AUTHOR|FIRST_REVIEWER|SECOND_REVIEWER|FINAL_REVIEWER|PUBLISHER|ORGAN_ADMIN|SUPERVISOR|PROVINCE|CITY|COUNTY|DISTRICT|TOWNSHIP|STREET|DEPARTMENT|undefined|null|NaN|Invalid Date|\[object Object\])\b/;
const YEAR = 2018;

async function expectChineseOnly(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(400);
  const text = await page.locator("main").innerText();
  expect(text.match(IDENTIFIER)?.[0], `${path} shows an identifier`).toBeUndefined();
}

async function walk(pages: Record<string, Page>, reportId: string, organId: string, cityId: string) {
  const reportPaths = [`/reports/${reportId}`, ...SECTION_KEYS.map((k) => `/reports/${reportId}/sections/${k}`), `/reports/${reportId}/sections/requests/history`];
  for (const [who, page] of Object.entries(pages)) {
    const paths = [...reportPaths, "/workspace", "/inbox", `/organs/${organId}`];
    if (who === "supervisor") paths.push(`/organs/${cityId}/supervision?year=${YEAR}`);
    for (const path of paths) await expectChineseOnly(page, path);
  }
}

test("every staff page of a report, in every state, speaks Chinese", async ({ browser }) => {
  test.setTimeout(600_000); // about 330 page loads
  const { author, reportId } = await submittedReport(browser, "qingshi", YEAR, undefined, `${YEAR}年，本机关未收取政府信息公开信息处理费。`);
  const organId = await organIdFromWorkspace(author, "青石镇");
  const pages: Record<string, Page> = {
    author,
    first: await pageAs(browser, "qingshi.review1"),
    publisher: await pageAs(browser, "qingshi.publisher"),
    admin: await pageAs(browser, "qingshi.admin"),
    supervisor: await pageAs(browser, "yunxi.supervisor"),
  };
  const cityId = await organIdFromWorkspace(pages.supervisor!, "云溪市");

  // In review (the first reviewer also reads the review screen).
  await walk(pages, reportId, organId, cityId);
  await expectChineseOnly(pages.first!, `/reports/${reportId}/review`);
  // Returned with a reason, then resubmitted and approved.
  await pages.first!.goto(`/reports/${reportId}/review`);
  await pages.first!.getByLabel("意见（退回时必填）").fill("请补充第五部分");
  await pages.first!.getByRole("button", { name: "退回撰稿人" }).click();
  await expect(pages.first!).toHaveURL(/\?done=returned/);
  await walk(pages, reportId, organId, cityId);
  await author.goto(`/reports/${reportId}`);
  author.once("dialog", (d) => d.accept());
  await author.getByRole("button", { name: "提交审核" }).click();
  await expect(author.getByTestId("report-status")).toContainText("审核中");
  await approveAllStages(browser, "qingshi", reportId);
  await walk(pages, reportId, organId, cityId);
  // Published, then in correction, then withdrawn.
  await publishApproved(browser, "qingshi", reportId);
  await walk(pages, reportId, organId, cityId);
  const publisher = pages.publisher!;
  await publisher.goto(`/reports/${reportId}`);
  publisher.once("dialog", (d) => d.accept());
  await publisher.getByRole("button", { name: "发起更正" }).click();
  await expect(publisher.getByRole("status").first()).toContainText("已发起更正");
  await walk(pages, reportId, organId, cityId);
  // The public version can still be withdrawn during the correction.
  await publisher.goto(`/reports/${reportId}`);
  await publisher.getByLabel("撤回理由（必填）").fill("数据有误，待更正后重新发布");
  publisher.once("dialog", (d) => d.accept());
  await publisher.getByRole("button", { name: "撤回已发布的报告" }).click();
  await expect(publisher.getByRole("status").first()).toContainText("已撤回");
  await walk(pages, reportId, organId, cityId);
});
