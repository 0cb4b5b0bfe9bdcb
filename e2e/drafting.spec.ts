import { expect, test, type Page } from "@playwright/test";
import { TABLE3_ROWS } from "@/lib/report-format/format";
import { login, main, organIdFromWorkspace, pageAs } from "./support";

async function createReport(page: Page, organ: string, year: number) {
  await page.goto(`/organs/${await organIdFromWorkspace(page, organ)}`);
  await page.getByLabel("报告年度").selectOption(String(year));
  await page.getByRole("button", { name: "新建年度报告" }).click();
  await expect(page.getByRole("heading", { name: `${organ}${year}年度政府信息公开工作年度报告` })).toBeVisible();
  return page.url().split("/reports/")[1]!;
}

/** Pastes tab-separated text into a cell, as a copy from Excel or WPS arrives. */
async function pasteInto(page: Page, cellLabel: string, text: string) {
  const input = page.getByRole("textbox", { name: cellLabel, exact: true });
  await input.focus();
  await input.evaluate((el, data) => {
    const transfer = new DataTransfer();
    transfer.setData("text/plain", data);
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, text);
}

const cell = (page: Page, label: string) => page.getByRole("textbox", { name: label, exact: true });
const saved = (page: Page) => expect(page.getByTestId("save-status")).toHaveText(/已保存/, { timeout: 15_000 });

test.describe("drafting a report", () => {
  test("create a report, fill table 3 with an Excel paste and the keyboard, see an error appear and go away", async ({ page }) => {
    await login(page, "qingshi.author");
    const reportId = await createReport(page, "青石镇", 2025);
    await expect(page.getByTestId("check-summary")).toContainText("个错误");

    await page.getByRole("link", { name: "三、收到和处理政府信息公开申请情况" }).click();
    // A whole table copied from a spreadsheet laid out like the form: 7 columns, the total column and （七） row included.
    const rows = TABLE3_ROWS.map((row) => {
      const value = row.key === "newRequests" ? "5" : row.key === "carriedIn" ? "1" : row.key === "disclosed" ? "4" : "0";
      return [value, "0", "0", "0", "0", "0", "x"].join("\t");
    }).join("\n");
    await pasteInto(page, "表三 一、本年新收政府信息公开申请数量 / 自然人", rows);
    await expect(cell(page, "表三 二、上年结转政府信息公开申请数量 / 自然人")).toHaveValue("1");
    await expect(cell(page, "表三 四、结转下年度继续办理 / 法律服务机构")).toHaveValue("0");
    await expect(page.getByLabel("表三 （七）总计 / 自然人（自动计算）")).toHaveText("4");

    const findings = page.getByRole("region", { name: "本部分检查结果" });
    await expect(findings).toContainText("表三 自然人列：一+二=6，（七）总计+四=4");
    // The cells of the broken rule are marked, for sighted and screen-reader users alike.
    await expect(cell(page, "表三 一、本年新收政府信息公开申请数量 / 自然人")).toHaveAttribute("aria-invalid", "true");
    await expect(cell(page, "表三 一、本年新收政府信息公开申请数量 / 自然人")).toHaveAccessibleDescription(/一\+二=6/);

    // Keyboard: Enter and the arrows move between cells.
    await cell(page, "表三 二、上年结转政府信息公开申请数量 / 自然人").focus();
    await page.keyboard.press("Enter");
    await expect(cell(page, "表三 （一）予以公开 / 自然人")).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowUp");
    await expect(cell(page, "表三 （一）予以公开 / 自然人")).toBeFocused();
    await page.keyboard.type("6");
    await expect(findings).not.toContainText("一+二");
    await expect(findings).toContainText("本部分未发现问题");
    await expect(cell(page, "表三 一、本年新收政府信息公开申请数量 / 自然人")).not.toHaveAttribute("aria-invalid", "true");

    // Letters where a count belongs: the message is at the cell, and it is saved as typed.
    await cell(page, "表三 二、上年结转政府信息公开申请数量 / 科研机构").fill("三");
    await expect(findings).toContainText("表三 二、上年结转政府信息公开申请数量 / 科研机构：须为数字（现为“三”）");
    await saved(page);
    await page.reload();
    await expect(cell(page, "表三 （一）予以公开 / 自然人")).toHaveValue("6");
    await expect(cell(page, "表三 二、上年结转政府信息公开申请数量 / 科研机构")).toHaveValue("三");
    await expect(page).toHaveURL(new RegExp(`/reports/${reportId}/sections/requests$`));

    // 未填写的单元格填 0: table 4 starts empty; one click fills its 12 typed cells, saved as one revision.
    await page.goto(`/reports/${reportId}/sections/appeals`);
    await cell(page, "表四 行政复议 / 结果维持").fill("1");
    await saved(page);
    await expect(page.getByTestId("fill-zeros")).toContainText("本表有 11 个单元格未填写");
    await page.getByRole("button", { name: "未填写的单元格填 0" }).click();
    await expect(page.getByTestId("fill-zeros")).toHaveCount(0);
    await expect(cell(page, "表四 行政复议 / 结果维持")).toHaveValue("1");
    await expect(cell(page, "表四 行政诉讼（复议后起诉） / 尚未审结")).toHaveValue("0");
    await saved(page);
    await page.goto(`/reports/${reportId}/sections/appeals/history`);
    // Version 1 at creation, 2 the typed 1, 3 the zeros: one revision for the whole fill.
    await expect(page.locator("tr[data-version]")).toHaveCount(3);
    await page.getByLabel("比较").selectOption("2");
    await page.getByLabel("与").selectOption("3");
    await page.getByRole("button", { name: "比较" }).click();
    await expect(page.getByTestId("diff").locator("tbody tr")).toHaveCount(11);
  });

  test("a narrative figure that disagrees with table 3 shows on the table's page and links to the words; 规范标点 fixes pasted punctuation", async ({ page }) => {
    await login(page, "qingshi.author");
    const reportId = await createReport(page, "青石镇", 2021);
    await page.goto(`/reports/${reportId}/sections/requests`);
    await pasteInto(page, "表三 一、本年新收政府信息公开申请数量 / 自然人", "5\t0\t0\t0\t0\t0");
    await expect(page.getByLabel("表三 一、本年新收政府信息公开申请数量 / 总计（自动计算）")).toHaveText("5");
    await saved(page);

    // Text pasted from another tool: half-width punctuation, a figure in Chinese numerals.
    await page.goto(`/reports/${reportId}/sections/overview`);
    const text = page.getByLabel("一、总体情况");
    await text.fill("(一)主动公开\n本年度主动公开政府信息20条。\n(二)依申请公开\n本年度共收到政府信息公开申请十二件,均已按时答复。");
    const findings = page.getByRole("region", { name: "本部分检查结果" });
    await expect(findings).toContainText("文中写“共收到政府信息公开申请十二件”，但表三 一、本年新收政府信息公开申请数量 总计为 5");
    await expect(findings).toContainText("有 5 处半角标点");
    await page.getByTestId("punctuation").getByRole("button", { name: "规范标点" }).click();
    await expect(text).toHaveValue("（一）主动公开\n本年度主动公开政府信息20条。\n（二）依申请公开\n本年度共收到政府信息公开申请十二件，均已按时答复。");
    await expect(page.getByTestId("punctuation")).toHaveCount(0);
    await expect(findings).not.toContainText("半角标点");
    await saved(page);

    // The report's page counts it for table 3 as well, and the table's page lists it, where the number may be what needs fixing.
    await page.goto(`/reports/${reportId}`);
    await expect(page.locator('tr[data-section="requests"]')).toContainText("正文中有 1 处与本表有关");
    await page.goto(`/reports/${reportId}/sections/requests`);
    const aboutTable = page.getByRole("region", { name: "正文中与本表有关的问题" });
    await expect(aboutTable).toContainText("一、总体情况：文中写“共收到政府信息公开申请十二件”，但表三 一、本年新收政府信息公开申请数量 总计为 5");
    await aboutTable.getByRole("link", { name: "查看原文" }).click();
    await expect(page).toHaveURL(new RegExp(`/reports/${reportId}/sections/overview#text-\\d+-\\d+$`));
    await expect(text).toBeFocused();
    expect(
      await text.evaluate((el) => {
        const area = el as HTMLTextAreaElement;
        return area.value.slice(area.selectionStart, area.selectionEnd);
      }),
    ).toBe("共收到政府信息公开申请十二件");

    // Fixing the table makes both pages quiet about it.
    await page.goto(`/reports/${reportId}/sections/requests`);
    await cell(page, "表三 一、本年新收政府信息公开申请数量 / 自然人").fill("12");
    await expect(page.getByRole("region", { name: "正文中与本表有关的问题" })).toHaveCount(0);
    await saved(page);
  });

  test("two browsers edit the same section: the later save gets both versions and keeps its text; a revision can be restored", async ({ browser }) => {
    const first = await pageAs(browser, "jiangnan.author");
    const reportId = await createReport(first, "江南街道办事处", 2025);
    const second = await pageAs(browser, "jiangnan.author");
    const url = `/reports/${reportId}/sections/problems`;
    await first.goto(url);
    await second.goto(url);

    await first.getByLabel("五、存在的主要问题及改进情况").fill("第一位撰稿人写的内容：公开栏更新不及时。");
    await saved(first);
    await second.getByLabel("五、存在的主要问题及改进情况").fill("第二位撰稿人写的内容：政策解读偏少。");
    const conflict = second.getByRole("alert").filter({ hasText: "保存冲突" });
    await expect(conflict).toBeVisible({ timeout: 15_000 });
    await expect(second.getByTestId("conflict-mine")).toHaveValue("第二位撰稿人写的内容：政策解读偏少。");
    await expect(second.getByTestId("conflict-theirs")).toHaveValue("第一位撰稿人写的内容：公开栏更新不及时。");
    await expect(second.getByLabel("五、存在的主要问题及改进情况")).toHaveValue("第二位撰稿人写的内容：政策解读偏少。");
    await second.getByRole("button", { name: "保存我的版本" }).click();
    await saved(second);

    // History: compare the two saves word by word, then restore the first person's text.
    await second.goto(`${url}/history`);
    const diff = second.getByTestId("diff");
    await expect(diff.locator("del")).toContainText(["第一"]);
    await expect(diff.locator("ins")).toContainText(["第二"]);
    await second.getByRole("button", { name: "恢复第 2 版" }).click();
    await expect(main(second).getByRole("status")).toContainText("已恢复为新的第 4 版");
    await second.goto(url);
    await expect(second.getByLabel("五、存在的主要问题及改进情况")).toHaveValue("第一位撰稿人写的内容：公开栏更新不及时。");
  });

  test("a new year starts from last year's report: narrative carried over and marked, table 3 二 pre-filled", async ({ page }) => {
    await login(page, "baisha.author");
    const lastYearId = await createReport(page, "白沙镇", 2023);
    await page.goto(`/reports/${lastYearId}/sections/problems`);
    await page.getByLabel("五、存在的主要问题及改进情况").fill("白沙镇去年的问题：依申请公开答复格式不统一，已制定统一模板。");
    await saved(page);
    await page.goto(`/reports/${lastYearId}/sections/requests`);
    await cell(page, "表三 四、结转下年度继续办理 / 自然人").fill("3");
    await cell(page, "表三 四、结转下年度继续办理 / 商业企业").fill("1");
    await saved(page);

    const reportId = await createReport(page, "白沙镇", 2024);
    await expect(page.locator('tr[data-section="problems"]')).toContainText("沿用上年，未修改");
    await page.goto(`/reports/${reportId}/sections/requests`);
    await expect(cell(page, "表三 二、上年结转政府信息公开申请数量 / 自然人")).toHaveValue("3");
    await expect(cell(page, "表三 二、上年结转政府信息公开申请数量 / 商业企业")).toHaveValue("1");
    await page.goto(`/reports/${reportId}/sections/problems`);
    await expect(page.getByTestId("carried-over")).toBeVisible();
    const text = page.getByLabel("五、存在的主要问题及改进情况");
    await expect(text).toHaveValue("白沙镇去年的问题：依申请公开答复格式不统一，已制定统一模板。");
    await text.press("End");
    await text.pressSequentially("今年已整改。");
    await expect(page.getByTestId("carried-over")).toHaveCount(0);
    await saved(page);
    await page.goto(`/reports/${reportId}`);
    await expect(page.locator('tr[data-section="problems"]')).not.toContainText("沿用上年");
  });

  test("over-long text is refused with a message, and what was typed stays in the editor", async ({ page }) => {
    await login(page, "qingshi.author");
    const reportId = await createReport(page, "青石镇", 2024);
    await page.goto(`/reports/${reportId}/sections/other`);
    const text = page.getByLabel("六、其他需要报告的事项");
    await text.fill("字".repeat(20_001));
    await expect(main(page).getByRole("alert").filter({ hasText: "不能超过 20,000 个字符" })).toBeVisible({ timeout: 15_000 });
    await expect(page.getByTestId("save-status")).toHaveText("未保存");
    await page.reload();
    // Kept in this browser and offered again on opening.
    await expect(text).toHaveValue("字".repeat(20_001));
  });

  test("when the network fails, the page says 未保存, keeps the text, and saves it once the network is back", async ({ page }) => {
    await login(page, "jiangnan.author");
    const reportId = await createReport(page, "江南街道办事处", 2021);
    await page.goto(`/reports/${reportId}/sections/other`);
    const saves = `**/api/reports/${reportId}/sections/other`;
    await page.route(saves, (route) => (route.request().method() === "PUT" ? route.abort("internetdisconnected") : route.continue()));
    await page.getByLabel("六、其他需要报告的事项").fill("2021年，本机关未收取政府信息公开信息处理费。");
    await expect(page.getByTestId("save-status")).toHaveText("未保存");
    await expect(main(page).getByRole("alert").filter({ hasText: "保存失败" })).toContainText("已保留在本浏览器中");
    await page.unroute(saves);
    await saved(page); // the retry goes through without anyone touching the page
    await page.reload();
    await expect(page.getByLabel("六、其他需要报告的事项")).toHaveValue("2021年，本机关未收取政府信息公开信息处理费。");
  });
});
