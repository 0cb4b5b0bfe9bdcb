import { expect, test } from "@playwright/test";
import { createAccountAsAdmin, login, main, pageAs, submitLogin, uniqueName } from "./support";

test.describe("accounts and roles", () => {
  test("a new account must change its password at first login, and then works with the new one only", async ({ browser, page }) => {
    const admin = await pageAs(browser, "qingshi.admin");
    const username = uniqueName("newcomer");
    const first = await createAccountAsAdmin(admin, "青石镇", { username, displayName: "新同事", roleLabel: "初审人" });

    await login(page, username, first, /\/account\/password$/);
    await expect(main(page).getByRole("alert").first()).toContainText("请先修改密码");
    // Any other page sends them back until the password is changed.
    await page.goto("/workspace");
    await expect(page).toHaveURL(/\/account\/password$/);

    const form = page.locator("form");
    await form.getByLabel("当前密码").fill("not-my-password");
    await form.getByLabel("新密码", { exact: true }).fill("my-own-password-2026");
    await form.getByLabel("再次输入新密码").fill("my-own-password-2026");
    await form.getByRole("button", { name: "修改密码" }).click();
    await expect(page.locator("#field-currentPassword-error")).toHaveText("当前密码不正确。");
    // What was typed is kept after a refusal.
    await expect(form.getByLabel("新密码", { exact: true })).toHaveValue("my-own-password-2026");

    await form.getByLabel("当前密码").fill(first);
    await form.getByLabel("新密码", { exact: true }).fill(username);
    await form.getByLabel("再次输入新密码").fill(username);
    await form.getByRole("button", { name: "修改密码" }).click();
    await expect(page.locator("#field-newPassword-error")).toBeVisible();

    await form.getByLabel("新密码", { exact: true }).fill("my-own-password-2026");
    await form.getByLabel("再次输入新密码").fill("my-own-password-2027");
    await form.getByRole("button", { name: "修改密码" }).click();
    await expect(page.locator("#field-confirmPassword-error")).toHaveText("两次输入的新密码不一致。");

    await form.getByLabel("再次输入新密码").fill("my-own-password-2026");
    await form.getByRole("button", { name: "修改密码" }).click();
    await expect(main(page).getByRole("status")).toContainText("密码已修改");
    await page.goto("/workspace");
    await expect(main(page).getByTestId("organ-work").filter({ hasText: "青石镇" })).toContainText("初审人");

    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await submitLogin(otherPage, username, first);
    await expect(main(otherPage).getByRole("alert")).toHaveText("用户名或密码不正确。");
    await login(otherPage, username, "my-own-password-2026");
  });

  test("changing one's password ends one's other sessions", async ({ browser }) => {
    const admin = await pageAs(browser, "jiangnan.admin");
    const username = uniqueName("twodevices");
    const first = await createAccountAsAdmin(admin, "江南街道办事处", { username, displayName: "两台设备", roleLabel: "撰稿人" });
    const phone = await browser.newContext().then((c) => c.newPage());
    await login(phone, username, first, /\/account\/password$/);
    const desk = await browser.newContext().then((c) => c.newPage());
    await login(desk, username, first, /\/account\/password$/);

    const form = desk.locator("form");
    await form.getByLabel("当前密码").fill(first);
    await form.getByLabel("新密码", { exact: true }).fill("desk-password-2026");
    await form.getByLabel("再次输入新密码").fill("desk-password-2026");
    await form.getByRole("button", { name: "修改密码" }).click();
    await expect(main(desk).getByRole("status")).toContainText("密码已修改");

    await desk.goto("/workspace");
    await expect(desk).toHaveURL(/\/workspace$/);
    await phone.goto("/workspace");
    await expect(phone).toHaveURL(/\/login/);
  });

  test("an admin resets a password, assigns and removes roles, and disables an account; each is logged", async ({ browser, page }) => {
    const admin = await pageAs(browser, "baisha.admin");
    const username = uniqueName("managed");
    await createAccountAsAdmin(admin, "白沙镇", { username, displayName: "被管理者", roleLabel: "撰稿人" });
    const row = admin.getByRole("row").filter({ hasText: username });

    await row.getByLabel(/添加角色/).selectOption({ label: "发布人" });
    await row.getByRole("button", { name: "添加角色" }).click();
    await expect(row.getByRole("button", { name: "移除发布人" })).toBeVisible();
    admin.once("dialog", (d) => d.accept());
    await row.getByRole("button", { name: "移除撰稿人" }).click();
    await expect(row.getByRole("button", { name: "移除撰稿人" })).toHaveCount(0);

    admin.once("dialog", (d) => d.accept());
    await row.getByRole("button", { name: "重置密码" }).click();
    const temporary = (await row.getByTestId("secret-value").textContent())!;
    expect(temporary).toMatch(/^[A-Za-z0-9]{12}$/);
    await login(page, username, temporary, /\/account\/password$/);

    admin.once("dialog", (d) => d.accept());
    await row.getByRole("button", { name: "停用" }).click();
    await expect(row).toContainText("已停用");
    // The disabled person's open session ends at once.
    await page.goto("/account/password");
    await expect(page).toHaveURL(/\/login/);
    await submitLogin(page, username, temporary);
    await expect(main(page).getByRole("alert")).toHaveText("该账号已停用，请联系本机关管理员。");

    await admin.goto(admin.url().replace(/\/users$/, "/audit"));
    const log = admin.getByRole("table");
    for (const action of ["创建用户", "分配角色", "移除角色"]) await expect(log.getByRole("cell", { name: action }).first()).toBeVisible();
  });

  test("a bad new-user form is answered at the fields and keeps what was typed", async ({ browser }) => {
    const admin = await pageAs(browser, "qingshi.admin");
    await admin.getByRole("link", { name: "青石镇" }).click();
    await admin.getByRole("link", { name: "人员与角色" }).click();
    const form = admin.locator("form", { has: admin.getByRole("button", { name: "创建用户" }) });
    await form.getByLabel("姓名").fill("张三");
    await form.getByLabel("用户名").fill("qingshi.author");
    await form.getByLabel("初始密码").fill("short");
    await form.getByRole("button", { name: "创建用户" }).click();
    await expect(admin.locator("#field-password-error")).toHaveText("密码至少需要 10 个字符。");
    await expect(form.getByLabel("姓名")).toHaveValue("张三");

    await form.getByLabel("初始密码").fill("long-enough-password");
    await form.getByRole("button", { name: "创建用户" }).click();
    await expect(admin.locator("#field-username-error")).toHaveText("该用户名已被使用。");

    await form.getByLabel("用户名").fill("含中文");
    await form.getByRole("button", { name: "创建用户" }).click();
    await expect(admin.locator("#field-username-error")).toContainText("只能包含");
  });

  test("the platform administrator creates an organ under the city; a duplicate code is refused at the field", async ({ page }) => {
    await login(page, "platform.admin");
    await page.goto("/admin/organs");
    const name = uniqueName("测试镇");
    const code = `9${Date.now()}`;
    const form = page.locator("form", { has: page.getByRole("button", { name: "创建机关" }) });
    await form.getByLabel("机关名称").fill(name);
    await form.getByLabel("简称").fill("测试");
    await form.getByLabel("类型").selectOption({ label: "乡镇" });
    await form.getByLabel("机关代码").fill(code);
    await form.getByLabel("上级机关").selectOption({ label: "云溪市" });
    await form.getByRole("button", { name: "创建机关" }).click();
    await expect(form.getByRole("status")).toContainText(`已创建机关：${name}`);
    await expect(page.getByRole("row").filter({ hasText: name })).toContainText(code);

    await form.getByLabel("机关名称").fill(`${name}二`);
    await form.getByLabel("简称").fill("测试二");
    await form.getByLabel("机关代码").fill(code);
    await form.getByRole("button", { name: "创建机关" }).click();
    await expect(page.locator("#field-code-error")).toHaveText("该机关代码已被使用。");
    await expect(form.getByLabel("机关名称")).toHaveValue(`${name}二`);
  });

  test("an organ admin sets the report deadline, and an impossible date is refused", async ({ browser }) => {
    const admin = await pageAs(browser, "jiangnan.admin");
    await admin.getByRole("link", { name: "江南街道办事处" }).click();
    const form = admin.locator("form", { has: admin.getByRole("button", { name: "保存截止日期" }) });
    await form.getByLabel("月").fill("2");
    await form.getByLabel("日").fill("30");
    await form.getByRole("button", { name: "保存截止日期" }).click();
    await expect(admin.locator("#field-deadlineDay-error")).toHaveText("该月份没有这一天。");
    await form.getByLabel("月").fill("3");
    await form.getByLabel("日").fill("31");
    await form.getByRole("button", { name: "保存截止日期" }).click();
    await expect(form.getByRole("status")).toHaveText("截止日期已保存。");
    await admin.reload();
    await expect(admin.getByText("报告年度次年 3 月 31 日")).toBeVisible();
  });
});

test("an organ admin adds a review stage and a wrong term; fewer than three stages is refused", async ({ browser }) => {
  // 云溪市: no review test submits there, so changing its stages cannot race them.
  const admin = await pageAs(browser, "yunxi.admin");
  await admin.getByRole("link", { name: "云溪市" }).click();
  await admin.getByRole("link", { name: /审核设置/ }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("审核设置");
  // The same settings open in a second tab, before this one saves.
  const staleTab = await admin.context().newPage();
  await staleTab.goto(admin.url());
  await admin.getByRole("button", { name: "添加环节" }).click();
  await admin.getByLabel("第 4 个环节名称").fill("法制审核");
  await admin.getByLabel("第 4 个环节的审核角色").selectOption({ label: "发布人" });
  await admin.getByRole("button", { name: "上移第 4 个环节" }).click();
  await admin.getByLabel(/常见错误表述/).fill("镇长书记=镇党委书记");
  await admin.getByRole("button", { name: "保存审核设置" }).click();
  await expect(admin.getByRole("status")).toHaveText("审核设置已保存。");
  // Saving again from the same page goes through (it now stands on what it saved)…
  await admin.getByLabel(/敏感词/).fill("某内部代号");
  await admin.getByRole("button", { name: "保存审核设置" }).click();
  await expect(admin.getByRole("status")).toHaveText("审核设置已保存。");
  // …while the tab opened before the first save is told, and keeps what was typed there.
  await staleTab.getByLabel(/敏感词/).fill("另一个词");
  await staleTab.getByRole("button", { name: "保存审核设置" }).click();
  await expect(main(staleTab).getByRole("alert").first()).toContainText(
    "审核设置已被他人修改，本次未保存。现在的设置是：审核环节：一校·初审、二校·复审（含保密审查）、法制审核、三校·终审（签发）；敏感词 1 个；常见错误表述 1 条。",
  );
  await expect(staleTab.getByLabel(/敏感词/)).toHaveValue("另一个词");
  await staleTab.close();
  await admin.reload();
  await expect(admin.getByLabel("第 3 个环节名称")).toHaveValue("法制审核");
  await expect(admin.getByLabel(/常见错误表述/)).toHaveValue("镇长书记=镇党委书记");
  await expect(admin.getByLabel(/敏感词/)).toHaveValue("某内部代号");

  for (let i = 0; i < 2; i++) await admin.getByRole("button", { name: "删除第 1 个环节" }).click();
  await admin.getByRole("button", { name: "保存审核设置" }).click();
  await expect(main(admin).getByRole("alert").first()).toContainText("不能少于 3 个");
});

test("the audit log filters by action and person, exports CSV, and is not open to staff without the right", async ({ browser }) => {
  const admin = await pageAs(browser, "jiangnan.admin");
  const username = uniqueName("audited");
  await createAccountAsAdmin(admin, "江南街道办事处", { username, displayName: "被审计者", roleLabel: "撰稿人" });
  await admin.goto(admin.url().replace(/\/users$/, "/audit"));
  await admin.getByLabel("操作", { exact: true }).selectOption({ label: "创建用户" });
  await admin.getByLabel("操作人").fill("江南街道管理员");
  await admin.getByRole("button", { name: "筛选" }).click();
  const rows = admin.getByRole("table").getByRole("row");
  await expect(rows.filter({ hasText: username })).toHaveCount(1);
  await expect(rows.filter({ hasText: "分配角色" })).toHaveCount(0);

  const csvUrl = await admin.getByRole("link", { name: "导出 CSV" }).getAttribute("href");
  expect(csvUrl).toContain("action=user.created");
  const csv = await admin.request.get(csvUrl!);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const text = await csv.text();
  expect(text.startsWith('\uFEFF"编号","时间（北京时间）","时间（UTC）","操作人","操作"')).toBe(true);
  expect(text).toContain(`"用户名：${username}；姓名：被审计者"`);
  expect(text).toContain(username);
  expect(text).not.toContain("分配角色");

  // Logins of the organ's people are in its log too.
  await admin.getByLabel("操作", { exact: true }).selectOption({ label: "登录" });
  await admin.getByLabel("操作人").fill("江南街道管理员");
  await admin.getByRole("button", { name: "筛选" }).click();
  await expect(admin.getByRole("table").getByRole("row").filter({ hasText: "登录" }).first()).toBeVisible();

  const author = await pageAs(browser, "jiangnan.author");
  expect((await author.request.get(csvUrl!)).status()).toBe(404);
});
