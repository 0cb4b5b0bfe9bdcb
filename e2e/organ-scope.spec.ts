import { expect, test, type Page } from "@playwright/test";
import { selectYear } from "./review-support";
import { organIdFromWorkspace, pageAs } from "./support";

/** Asserts that a direct request for the path is refused as "not found" (404), not merely hidden. */
async function expectRefused(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
}

test.describe("organ scoping", () => {
  let baishaId: string;
  let qingshiId: string;

  test.beforeAll(async ({ browser }) => {
    const baisha = await pageAs(browser, "baisha.author");
    baishaId = await organIdFromWorkspace(baisha, "白沙镇");
    await baisha.context().close();
    const qingshi = await pageAs(browser, "qingshi.author");
    qingshiId = await organIdFromWorkspace(qingshi, "青石镇");
    await qingshi.context().close();
  });

  test("staff of one town cannot open another town's pages by address", async ({ browser }) => {
    const page = await pageAs(browser, "qingshi.admin");
    await expectRefused(page, `/organs/${baishaId}`);
    await expectRefused(page, `/organs/${baishaId}/users`);
    await expectRefused(page, `/organs/${baishaId}/audit`);
    // ...while their own organ opens.
    await page.goto(`/organs/${qingshiId}`);
    await expect(page.getByRole("heading", { name: "青石镇" })).toBeVisible();
  });

  test("another organ's report by address is a 404, and the attempt is in that organ's log", async ({ browser }) => {
    const author = await pageAs(browser, "baisha.author");
    await author.goto(`/organs/${baishaId}`);
    await selectYear(author, 2009); // a year no other spec uses for 白沙镇
    await author.getByRole("button", { name: "新建年度报告" }).click();
    await expect(author).toHaveURL(/\/reports\/[0-9a-f-]{36}$/);
    const reportPath = new URL(author.url()).pathname;

    const admin = await pageAs(browser, "baisha.admin");
    const refusedOpenings = async () => {
      await admin.goto(`/organs/${baishaId}/audit?action=request.refused&actor=${encodeURIComponent("青石管理员")}`);
      await expect(admin.getByLabel("操作", { exact: true })).toHaveValue("request.refused");
      return admin.getByRole("table").getByRole("row").filter({ hasText: "所做操作：打开页面" });
    };
    const before = await (await refusedOpenings()).count();

    const intruder = await pageAs(browser, "qingshi.admin");
    await expectRefused(intruder, reportPath);
    await expectRefused(intruder, `${reportPath}/sections/overview`);

    const refused = await refusedOpenings();
    await expect(refused).toHaveCount(before + 2);
    await expect(refused.first()).toContainText("代码：不存在或无权访问");
    await expect(refused.first()).not.toContainText(/NOT_FOUND|attempt|page\./);
  });

  test("a role without user management cannot open its own organ's user or audit pages", async ({ browser }) => {
    const page = await pageAs(browser, "qingshi.author");
    await page.goto(`/organs/${qingshiId}`);
    await expect(page.getByRole("link", { name: "人员与角色" })).toHaveCount(0);
    await expectRefused(page, `/organs/${qingshiId}/users`);
    await expectRefused(page, `/organs/${qingshiId}/audit`);
  });

  test("the city's supervisor reads subordinate organs and their logs, but manages nobody", async ({ browser }) => {
    const page = await pageAs(browser, "yunxi.supervisor");
    await page.goto(`/organs/${baishaId}`);
    await expect(page.getByRole("heading", { name: "白沙镇" })).toBeVisible();
    await page.goto(`/organs/${baishaId}/audit`);
    await expect(page.getByRole("heading", { name: "操作日志" })).toBeVisible();
    await expectRefused(page, `/organs/${baishaId}/users`);
  });

  test("a malformed or unknown organ id is a plain 404", async ({ browser }) => {
    const page = await pageAs(browser, "platform.admin");
    await expectRefused(page, "/organs/not-a-uuid");
    await expectRefused(page, "/organs/00000000-0000-4000-8000-000000000000");
    await expectRefused(page, "/admin/organs/%E4%B8%AD");
  });

  test("organ management is for platform administrators only", async ({ browser }) => {
    const page = await pageAs(browser, "yunxi.admin");
    await expect(page.getByRole("link", { name: "机关管理" })).toHaveCount(0);
    await expectRefused(page, "/admin/organs");
    await expectRefused(page, `/admin/organs/${qingshiId}`);
  });
});
