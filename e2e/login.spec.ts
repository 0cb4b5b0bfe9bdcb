import { expect, test } from "@playwright/test";
import { createAccountAsAdmin, login, main, organIdFromWorkspace, pageAs, submitLogin, uniqueName } from "./support";

test.describe("signing in", () => {
  test("every role of the demo city signs in and sees its organ and role", async ({ browser }) => {
    const accounts: Array<[string, string, string]> = [
      ["qingshi.author", "青石镇", "撰稿人"],
      ["qingshi.review1", "青石镇", "初审人"],
      ["baisha.review2", "白沙镇", "复审人"],
      ["baisha.review3", "白沙镇", "终审人"],
      ["jiangnan.publisher", "江南街道办事处", "发布人"],
      ["jiangnan.admin", "江南街道办事处", "管理员"],
      ["yunxi.supervisor", "云溪市", "上级主管"],
    ];
    for (const [username, organ, role] of accounts) {
      const page = await pageAs(browser, username);
      const item = main(page).getByTestId("organ-work").filter({ hasText: organ });
      await expect(item).toContainText(role);
      await page.context().close();
    }
  });

  test("a supervisor also sees the organs below it", async ({ page }) => {
    await login(page, "yunxi.supervisor");
    // The 工作台 counts them (for a province it cannot list every organ); the progress table lists each.
    const section = main(page).getByTestId("supervised");
    await expect(section).toContainText(/共 \d+ 个机关/);
    await section.getByRole("link", { name: "查看进度表、催办" }).click();
    for (const organ of ["青石镇", "白沙镇", "江南街道办事处"])
      await expect(main(page).getByTestId("progress-table").getByRole("link", { name: organ, exact: true })).toBeVisible();
  });

  test("the platform administrator reaches organ management", async ({ page }) => {
    await login(page, "platform.admin");
    await page.getByRole("link", { name: "机关管理" }).click();
    await expect(page.getByRole("heading", { name: "机关管理" })).toBeVisible();
  });

  test("a wrong password and an unknown user get the same message", async ({ page }) => {
    await submitLogin(page, "qingshi.author", "not-the-password");
    await expect(main(page).getByRole("alert")).toHaveText("用户名或密码不正确。");
    await submitLogin(page, "no.such.user", "not-the-password");
    await expect(main(page).getByRole("alert")).toHaveText("用户名或密码不正确。");
    await expect(page).toHaveURL(/\/login/);
  });

  test("empty fields are named at the field, without a request", async ({ page }) => {
    await page.goto("/login");
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.locator("#username-error")).toHaveText("请输入用户名。");
    await expect(page.locator("#password-error")).toHaveText("请输入密码。");
    await expect(page.getByLabel("用户名")).toHaveAttribute("aria-invalid", "true");
  });

  test("a 10,000-character username gets a plain message, in the form and at the endpoint", async ({ page, request }) => {
    await page.goto("/login");
    // Bypass the field's maxlength, as a crafted request would.
    await page.getByLabel("用户名").evaluate((el, value) => ((el as HTMLInputElement).value = value), "a".repeat(10_000));
    await page.getByLabel("密码").fill("whatever-password");
    await page.getByRole("button", { name: "登录" }).click();
    await expect(main(page).getByRole("alert")).toHaveText("请输入有效的用户名和密码。");

    const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
    const response = await request.post("/api/auth/callback/credentials", {
      form: { csrfToken, username: "a".repeat(10_000), password: "x", json: "true" },
      maxRedirects: 0,
    });
    expect(response.status()).toBeLessThan(500);
    const body = await response.text();
    expect(body).not.toMatch(/at .*\.js:\d+|Error:|prisma/i);
  });

  test("five wrong passwords lock the account, even against the right password", async ({ page, browser }) => {
    const admin = await pageAs(browser, "baisha.admin");
    const username = uniqueName("locktest");
    const password = await createAccountAsAdmin(admin, "白沙镇", { username, displayName: "锁定测试", roleLabel: "撰稿人" });
    for (let i = 1; i <= 4; i++) {
      await submitLogin(page, username, `wrong-password-${i}`);
      await expect(main(page).getByRole("alert")).toHaveText("用户名或密码不正确。");
    }
    await submitLogin(page, username, "wrong-password-5");
    await expect(main(page).getByRole("alert")).toContainText("账号已被暂时锁定");
    await submitLogin(page, username, password);
    await expect(main(page).getByRole("alert")).toContainText("账号已被暂时锁定");

    // The admin sees the lock.
    await admin.reload();
    await expect(admin.getByRole("row").filter({ hasText: username })).toContainText("已锁定");
  });

  test("signing out ends the session", async ({ page }) => {
    await login(page, "qingshi.author");
    await page.getByRole("button", { name: "退出" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/workspace");
    await expect(page).toHaveURL(/\/login/);
  });

  test("signing out ends the session on the server: a copy of the cookie opens nothing afterwards (S1)", async ({ page, context, browser }) => {
    await login(page, "qingshi.review1");
    const copied = (await context.cookies()).find((c) => c.name === "next-auth.session-token")!;
    expect(copied).toBeDefined();
    await page.getByRole("button", { name: "退出" }).click();
    await expect(page).toHaveURL(/\/login/);
    const thief = await browser.newContext();
    await thief.addCookies([copied]);
    const stolen = await thief.newPage();
    await stolen.goto("/inbox");
    await expect(stolen).toHaveURL(/\/login/);
    const download = await thief.request.get("/api/organs/00000000-0000-4000-8000-000000000000/audit-csv", { maxRedirects: 0 });
    expect(download.status()).toBe(401);
    // …and no fresh cookie is handed out for it.
    expect((await thief.cookies()).find((c) => c.name === "next-auth.session-token")?.value).toBe(copied.value);
    await thief.close();
  });

  test("账号安全 lists one's sessions and ends another of them", async ({ browser }) => {
    const here = await pageAs(browser, "qingshi.review2");
    const elsewhere = await pageAs(browser, "qingshi.review2");
    await here.getByRole("link", { name: "账号安全" }).click();
    const sessions = main(here).getByTestId("sessions").locator(":scope > li");
    await expect(sessions.filter({ hasText: "本机当前登录" })).toHaveCount(1);
    expect(await sessions.count()).toBeGreaterThanOrEqual(2);
    // End every session but this one.
    for (let count = await sessions.count(); count > 1; count--) {
      await sessions.filter({ hasNotText: "本机当前登录" }).first().getByRole("button", { name: "结束此登录" }).click();
      await expect(sessions).toHaveCount(count - 1);
    }
    await elsewhere.goto("/workspace");
    await expect(elsewhere).toHaveURL(/\/login/);
    await here.goto("/workspace");
    await expect(here).toHaveURL(/\/workspace$/);
  });
});

test.describe("request hardening", () => {
  test("the audit log keeps the real client address, not one the client names in X-Forwarded-For", async ({ request, browser }) => {
    const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
    await request.post("/api/auth/callback/credentials", {
      form: { csrfToken, username: "qingshi.publisher", password: "not-the-password", json: "true" },
      headers: { "x-forwarded-for": "6.6.6.6", "x-nianbao-client-address": "6.6.6.7" },
      maxRedirects: 0,
    });
    const admin = await pageAs(browser, "qingshi.admin");
    await admin.goto(`/organs/${await organIdFromWorkspace(admin, "青石镇")}/audit?action=auth.login_failed&actor=${encodeURIComponent("青石发布人")}`);
    const rows = main(admin).locator("tbody tr");
    await expect(rows.first()).toBeVisible();
    await expect(main(admin).locator("tbody")).not.toContainText("6.6.6.");
    await expect(rows.first()).toContainText(/127\.0\.0\.1|::1/);
  });

  test("pages carry a CSP, frame denial and a referrer policy", async ({ request }) => {
    const response = await request.get("/login");
    const headers = response.headers();
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+'/);
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  });

  test("a form posted from another site is refused", async ({ request }) => {
    const login = await request.post("/api/auth/callback/credentials", {
      headers: { origin: "https://evil.example" },
      form: { username: "qingshi.author", password: "nianbao-demo-2026" },
      maxRedirects: 0,
    });
    expect(login.status()).toBe(403);
    const action = await request.post("/organs/whatever/users", {
      headers: { origin: "https://evil.example", "next-action": "0".repeat(40) },
      data: "[]",
      maxRedirects: 0,
    });
    expect(action.status()).toBe(403);
    expect(await action.text()).toBe("跨站请求已被拒绝。");
  });

  test("a signed-out visitor is sent to the login page", async ({ page }) => {
    await page.goto("/workspace");
    await expect(page).toHaveURL(/\/login/);
  });
});
