import { randomBytes } from "node:crypto";
import { expect, type Browser, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "@/lib/demo/demo-accounts";

export { DEMO_PASSWORD };

export function uniqueName(prefix: string) {
  return `${prefix}-${randomBytes(3).toString("hex")}`;
}

export async function submitLogin(page: Page, username: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
}

/** Signs in and waits for the page a successful login lands on. */
export async function login(page: Page, username: string, password = DEMO_PASSWORD, landing: RegExp = /\/workspace$/) {
  await submitLogin(page, username, password);
  await expect(page).toHaveURL(landing);
}

/** A fresh browser context signed in as the given account. */
export async function pageAs(browser: Browser, username: string, password = DEMO_PASSWORD) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, username, password);
  return page;
}

/** The organ's id, read from the link on a member's workspace. */
export async function organIdFromWorkspace(page: Page, organName: string) {
  await page.goto("/workspace");
  const href = await page.getByRole("link", { name: organName, exact: true }).first().getAttribute("href");
  const id = href?.match(/\/organs\/([0-9a-f-]{36})$/)?.[1];
  if (!id) throw new Error(`no link to ${organName} on the workspace`);
  return id;
}

/** An organ admin creates an account through the users page; returns its first password. */
export async function createAccountAsAdmin(adminPage: Page, organName: string, account: { username: string; displayName: string; roleLabel: string; password?: string }) {
  const password = account.password ?? "first-password-123";
  await adminPage.goto(`/organs/${await organIdFromWorkspace(adminPage, organName)}/users`);
  const form = adminPage.locator("form", { has: adminPage.getByRole("button", { name: "创建用户" }) });
  await form.getByLabel("姓名").fill(account.displayName);
  await form.getByLabel("用户名").fill(account.username);
  await form.getByLabel("初始密码").fill(password);
  await form.getByLabel("角色").selectOption({ label: account.roleLabel });
  await form.getByRole("button", { name: "创建用户" }).click();
  await expect(form.getByRole("status")).toContainText(`已创建用户 ${account.username}`);
  return password;
}

/** The main content, where the app's own alerts live (Next adds a route announcer with role="alert" elsewhere). */
export function main(page: Page) {
  return page.locator("main");
}
