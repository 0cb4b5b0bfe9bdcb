// The supervising office (云溪市政务公开办) follows the organs below it; 催办 reaches their 待办; the 发布人
// finds approved reports in 待办; the 工作台 says where each report stands and the next step.
import ExcelJS from "exceljs";
import { expect, test } from "@playwright/test";
import { approveAllStages, selectYear, submittedReport } from "./review-support";
import { main, organIdFromWorkspace, pageAs } from "./support";

// A year no other spec uses, for all three organs of the demo city.
const YEAR = 2019;

test("the supervisor sees three organs in three states, filters, sends 催办, and the organ's author sees it", async ({ browser }) => {
  test.setTimeout(180_000);
  // 青石镇: a draft. 白沙镇: in review. 江南街道办事处: nothing yet.
  const author = await pageAs(browser, "qingshi.author");
  await author.goto(`/organs/${await organIdFromWorkspace(author, "青石镇")}`);
  await selectYear(author, YEAR);
  await author.getByRole("button", { name: "新建年度报告" }).click();
  await expect(author).toHaveURL(/\/reports\/[0-9a-f-]{36}$/);
  const { reportId: baishaReport } = await submittedReport(browser, "baisha", YEAR, undefined, `${YEAR}年，本机关未收取政府信息公开信息处理费。`);

  const supervisor = await pageAs(browser, "yunxi.supervisor");
  await expect(main(supervisor).getByTestId("supervised")).toContainText("查看进度表、催办");
  const cityId = await organIdFromWorkspace(supervisor, "云溪市");
  await supervisor.goto(`/organs/${cityId}/supervision?year=${YEAR}`);
  const table = main(supervisor).getByTestId("progress-table");
  const row = (organ: string) => table.locator(`tr[data-organ="${organ}"]`);
  await expect(row("青石镇")).toContainText("草稿");
  await expect(row("白沙镇")).toContainText("审核中·一校·初审");
  await expect(row("江南街道办事处")).toContainText("未创建");
  for (const organ of ["青石镇", "白沙镇", "江南街道办事处"]) await expect(row(organ)).toContainText(/逾期 \d+ 天/);

  // Filters: only what is in review.
  await supervisor.getByLabel("状态", { exact: true }).selectOption({ label: "审核中" });
  await supervisor.getByRole("button", { name: "筛选" }).click();
  await expect(table.locator("tbody tr")).toHaveCount(1);
  await expect(row("白沙镇")).toBeVisible();

  // The whole table as Excel, parsed back.
  await supervisor.goto(`/organs/${cityId}/supervision?year=${YEAR}`);
  const xlsxUrl = await main(supervisor).getByRole("link", { name: "下载 Excel" }).getAttribute("href");
  const response = await supervisor.request.get(xlsxUrl!);
  expect(response.headers()["content-type"]).toContain("spreadsheetml");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await response.body()) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet("进度")!;
  const cells = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1).map(String);
  expect(cells(1).slice(0, 4)).toEqual(["机关", "上级机关", "类型", "状态"]);
  const sheetRows = Array.from({ length: sheet.rowCount - 1 }, (_, i) => cells(i + 2));
  expect(sheetRows.find((r) => r[0] === "青石镇")?.[3]).toBe("草稿");
  expect(sheetRows.find((r) => r[0] === "白沙镇")?.[3]).toBe("审核中·一校·初审");

  // 催办 青石镇 with a message.
  const remind = row("青石镇").locator("form", { has: supervisor.getByRole("button", { name: "催办" }) });
  await remind.getByLabel("给青石镇的留言（可选）").fill(`请尽快完成${YEAR}年度报告`);
  await remind.getByRole("button", { name: "催办" }).click();
  await expect(remind.getByRole("status")).toContainText("已向 1 个机关催办");
  await supervisor.reload();
  await expect(row("青石镇")).toContainText("最近：");

  await author.goto("/inbox");
  await expect(main(author).getByRole("list", { name: "催办列表" })).toContainText(`请尽快完成${YEAR}年度报告`);
  // The 工作台 lists the late draft with its next step.
  await author.goto("/workspace");
  const line = main(author).locator(`.work-item[data-year="${YEAR}"]`);
  await expect(line).toContainText("草稿");
  await expect(line.getByRole("link", { name: "继续撰写" })).toBeVisible();
  // 催办 every overdue organ at once (after a confirmation).
  const remindAll = main(supervisor).getByRole("region", { name: /催办全部逾期机关/ });
  const overdue = Number(/（(\d+) 个）/.exec((await remindAll.getByRole("heading").textContent()) ?? "")?.[1]);
  expect(overdue).toBeGreaterThan(0);
  supervisor.once("dialog", (dialog) => void dialog.accept());
  await remindAll.getByRole("button", { name: "催办全部逾期机关" }).click();
  await expect(remindAll.getByRole("status")).toContainText(`已向 ${overdue} 个机关催办`);

  // Another organ's staff get nothing at the dashboard's address or its downloads.
  expect((await author.request.get(`/organs/${cityId}/supervision?year=${YEAR}`)).status()).toBe(404);
  expect((await author.request.get(xlsxUrl!)).status()).toBe(404);

  // Once approved, 白沙镇's report waits in its 发布人's 待办, and the reviewers' 工作台 no longer ask them.
  await approveAllStages(browser, "baisha", baishaReport);
  const publisher = await pageAs(browser, "baisha.publisher");
  await publisher.goto("/inbox");
  await expect(main(publisher).getByRole("list", { name: "待发布列表" })).toContainText(`白沙镇${YEAR}年度`);
  await expect(publisher.getByTestId("inbox-link")).toContainText(/\d/);
  await publisher.goto("/workspace");
  await expect(main(publisher).locator(`.work-item[data-year="${YEAR}"]`).getByRole("link", { name: "去发布" })).toBeVisible();
});
