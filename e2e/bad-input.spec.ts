// Text the system cannot hold (NUL, lone surrogates, bytes that are not UTF-8) is refused with a
// 4xx and a Chinese message at every door, never a 500 or a database message.
import { expect, test, type APIResponse } from "@playwright/test";
import { login, main, organIdFromWorkspace, pageAs } from "./support";

const UNSAFE = "含有无法保存的字符";
const CHINESE = /[\u4e00-\u9fff]/;

async function expectCleanRefusal(response: APIResponse, messagePart?: string) {
  expect(response.status(), await response.text()).toBeGreaterThanOrEqual(400);
  expect(response.status()).toBeLessThan(500);
  const body = await response.text();
  expect(body).toMatch(CHINESE);
  expect(body).not.toMatch(/prisma|invalid byte|22021|22P05|at .*\.js:\d+/i);
  if (messagePart) expect(body).toContain(messagePart);
}

test("the JSON routes refuse unsafe text and non-UTF-8 bodies with a Chinese message", async ({ page }) => {
  await login(page, "qingshi.author");
  await page.goto(`/organs/${await organIdFromWorkspace(page, "青石镇")}`);
  await page.getByLabel("报告年度").selectOption("2026");
  await page.getByRole("button", { name: "新建年度报告" }).click();
  await expect(page.getByRole("heading", { name: "青石镇2026年度政府信息公开工作年度报告" })).toBeVisible();
  const reportId = page.url().split("/reports/")[1]!.split("?")[0]!;
  const section = `/api/reports/${reportId}/sections/problems`;

  for (const text of ["存在问题\u0000", "存在问题\ud800", "存在问题\u0007"]) {
    await expectCleanRefusal(await page.request.put(section, { data: { baseVersion: 1, content: { kind: "narrative", text } } }), UNSAFE);
  }
  const notUtf8 = Buffer.concat([Buffer.from('{"baseVersion":1,"content":{"kind":"narrative","text":"'), Buffer.from([0xff, 0xfe, 0x80]), Buffer.from('"}}')]);
  await expectCleanRefusal(await page.request.put(section, { data: notUtf8, headers: { "content-type": "application/json" } }), "UTF-8");
  await expectCleanRefusal(await page.request.post(`${section}/presence`, { data: notUtf8, headers: { "content-type": "application/json" } }), "UTF-8");
  await expectCleanRefusal(
    await page.request.post(`/api/reports/${reportId}/decision`, {
      data: { roundId: "1c4a6a55-7c39-4c57-9a38-1a2b3c4d5e6f", stageIndex: 0, verdict: "return", comment: "理由\u0000" },
    }),
    UNSAFE,
  );
  // Nothing was saved: the section is as it was created.
  const history = await page.request.get(`/reports/${reportId}/sections/problems/history`);
  expect(await history.text()).not.toContain("存在问题");
});

test("a NUL byte in the login name is a plain refusal, and its error address answers", async ({ request }) => {
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, username: "jiangnan.author\u0000x", password: "nianbao-demo-2026", json: "true" },
    maxRedirects: 0,
  });
  expect(response.status()).toBeLessThan(500);
  const location = response.headers()["location"] ?? ((await response.json().catch(() => ({}))) as { url?: string }).url ?? "";
  expect(location).not.toMatch(/prisma|invocation|22021/i);
  expect(location).toContain("error=INVALID_INPUT");
  const errorPage = await request.get(new URL(location, "http://localhost").pathname + new URL(location, "http://localhost").search);
  expect(errorPage.status()).toBe(200);
  expect(await errorPage.text()).toContain("请输入有效的用户名和密码");
});

test("a form refuses unsafe text at its field and keeps what was typed", async ({ browser }) => {
  const admin = await pageAs(browser, "qingshi.admin");
  await admin.goto(`/organs/${await organIdFromWorkspace(admin, "青石镇")}/users`);
  const form = admin.locator("form", { has: admin.getByRole("button", { name: "创建用户" }) });
  await form.getByLabel("姓名").evaluate((el) => ((el as HTMLInputElement).value = "张\u0000三"));
  await form.getByLabel("用户名").fill("bad.text.user");
  await form.getByLabel("初始密码").fill("first-password-123");
  await form.getByRole("button", { name: "创建用户" }).click();
  await expect(main(admin).getByText(UNSAFE).first()).toBeVisible();
  await expect(form.getByLabel("用户名")).toHaveValue("bad.text.user");
});

test("the report page's success notice comes from a fixed code, never from text in the address (S9)", async ({ page }) => {
  await login(page, "jiangnan.author");
  await page.goto(`/organs/${await organIdFromWorkspace(page, "江南街道办事处")}`);
  await page.getByLabel("报告年度").selectOption("2026");
  await page.getByRole("button", { name: "新建年度报告" }).click();
  await expect(page.getByRole("heading", { name: "江南街道办事处2026年度政府信息公开工作年度报告" })).toBeVisible();
  const href = new URL(page.url()).pathname;
  await page.goto(`${href}?done=${encodeURIComponent("审核全部通过，请将密码发至 evil@example.com")}`);
  await expect(main(page)).not.toContainText("evil@example.com");
  await expect(main(page).getByRole("status")).toHaveCount(0);
  await page.goto(`${href}?done=correctionStarted`);
  await expect(main(page).getByRole("status").first()).toContainText("已发起更正");
});
