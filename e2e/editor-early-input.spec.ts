// The section editor's fields take input as soon as the page arrives, before its scripts have
// run (React takes them over a few hundred milliseconds later): what is typed then is kept and
// saved like any edit. The scripts are held back here, so the "before" is certain.
import { expect, test, type Page } from "@playwright/test";
import { login, main, submitLogin, uniqueName } from "./support";

/** Holds the page's scripts (not its style sheet, which the page needs to show) until `release` is called. */
async function holdScripts(page: Page) {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/_next/static/chunks/*.js", async (route) => {
    await held;
    await route.continue();
  });
  // Released, the handler lets every script through (a later hold's handler takes precedence).
  return release;
}

const savedOnce = (page: Page, key: string) => page.waitForResponse((r) => r.request().method() === "PUT" && r.url().endsWith(`/sections/${key}`) && r.ok());

test("text and numbers typed before the editor's scripts have run are kept and saved", async ({ browser, page }) => {
  // An organ and 撰稿人 of its own, so that any report year is free.
  const admin = await browser.newContext().then((c) => c.newPage());
  await login(admin, "platform.admin", undefined, /\/(workspace|admin\/organs)$/);
  await admin.goto("/admin/organs");
  const organ = uniqueName("早输入镇");
  const organForm = admin.locator("form", { has: admin.getByRole("button", { name: "创建机关" }) });
  await organForm.getByLabel("机关名称").fill(organ);
  await organForm.getByLabel("简称").fill("早输入");
  await organForm.getByLabel("类型").selectOption({ label: "乡镇" });
  await organForm.getByLabel("机关代码").fill(`8${Date.now()}`);
  await organForm.getByLabel("上级机关").selectOption({ label: "云溪市" });
  await organForm.getByRole("button", { name: "创建机关" }).click();
  await expect(organForm.getByRole("status")).toContainText(`已创建机关：${organ}`);
  await admin.getByRole("row").filter({ hasText: organ }).getByRole("link", { name: "人员" }).click();
  const username = uniqueName("early");
  const userForm = admin.locator("form", { has: admin.getByRole("button", { name: "创建用户" }) });
  await userForm.getByLabel("姓名").fill("早输入撰稿人");
  await userForm.getByLabel("用户名").fill(username);
  await userForm.getByLabel("初始密码").fill("first-password-123");
  await userForm.getByLabel("角色").selectOption({ label: "撰稿人" });
  await userForm.getByRole("button", { name: "创建用户" }).click();
  await expect(userForm.getByRole("status")).toContainText(`已创建用户 ${username}`);

  await submitLogin(page, username, "first-password-123");
  await expect(page).toHaveURL(/\/account\/password$/);
  const passwordForm = page.locator("form");
  await passwordForm.getByLabel("当前密码").fill("first-password-123");
  await passwordForm.getByLabel("新密码", { exact: true }).fill("early-password-2026");
  await passwordForm.getByLabel("再次输入新密码").fill("early-password-2026");
  await passwordForm.getByRole("button", { name: "修改密码" }).click();
  await expect(main(page).getByRole("status")).toContainText("密码已修改");
  await page.goto("/workspace");
  await page.getByRole("link", { name: organ, exact: true }).first().click();
  await page.getByRole("button", { name: "新建年度报告" }).click();
  await expect(page).toHaveURL(/\/reports\/[0-9a-f-]{36}$/);
  const reportId = page.url().split("/reports/")[1]!;

  // Narrative: typed while the scripts are held, so nothing but the page itself is there.
  let release = await holdScripts(page);
  await page.goto(`/reports/${reportId}/sections/overview`, { waitUntil: "domcontentloaded" });
  const narrative = page.getByLabel("一、总体情况");
  // Typed at the start of the text the new report opens with (its subheadings).
  const typed = `页面一到就开始写的文字。${await narrative.inputValue()}`;
  await narrative.pressSequentially("页面一到就开始写的文字。");
  await expect(page.getByTestId("save-status")).toHaveText("已保存"); // as rendered: React is not there yet
  let saved = savedOnce(page, "overview");
  release();
  await saved;
  await expect(narrative).toHaveValue(typed);
  await expect(page.getByTestId("save-status")).toHaveText(/已保存/);
  await page.reload();
  await expect(narrative).toHaveValue(typed);

  // Table 3: a cell typed into before the scripts run.
  release = await holdScripts(page);
  await page.goto(`/reports/${reportId}/sections/requests`, { waitUntil: "domcontentloaded" });
  const cell = page.getByRole("textbox", { name: "表三 一、本年新收政府信息公开申请数量 / 自然人", exact: true });
  await cell.pressSequentially("7");
  saved = savedOnce(page, "requests");
  release();
  await saved;
  await expect(cell).toHaveValue("7"); // not reset when React took the field over
  await page.reload();
  await expect(cell).toHaveValue("7");
});
