// Two instances on one PostgreSQL behave as one: A is the app Playwright started, B a second
// `npm start` with DATABASE_URL pointing at A's database (as a deployment runs its replicas:
// the same build, the same shared secrets, nothing else in common but the database).
import { spawn, type ChildProcess } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_ORGANS } from "@/lib/demo/demo-accounts";
import { DATA_DIR, PG_PORT, PORT_A, PORT_B, SHARED_SECRETS } from "./instances";
import { approveAllStages, publishApproved, submittedReport } from "./review-support";
import { login, main, organIdFromWorkspace, pageAs } from "./support";

const A = `http://localhost:${PORT_A}`;
const B = `http://localhost:${PORT_B}`;

test.describe.configure({ mode: "serial" });

let instanceB: ChildProcess;
let outputB = "";

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const password = (name: string) => readFile(path.join(DATA_DIR, name), "utf8").then((s) => s.trim());
  const database = (role: string, secret: string) => `postgresql://${role}:${encodeURIComponent(secret)}@127.0.0.1:${PG_PORT}/nianbao`;
  instanceB = spawn(process.execPath, ["--import", "tsx", "--import", "./scripts/node-hooks/register.mjs", "scripts/start.ts"], {
    env: {
      ...process.env,
      ...SHARED_SECRETS,
      DATABASE_URL: database("nianbao_app", await password("db-app-password")),
      MIGRATION_DATABASE_URL: database("nianbao_owner", await password("db-owner-password")),
      // The same data folder, as two replicas share a volume: the audit key and checkpoint file.
      NIANBAO_DATA_DIR: DATA_DIR,
      NIANBAO_EPHEMERAL_DB: "",
      PORT: String(PORT_B),
      NEXTAUTH_URL: B,
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // its own process group, so that nothing it starts outlives it
  });
  instanceB.stdout!.on("data", (d: Buffer) => (outputB += d.toString()));
  instanceB.stderr!.on("data", (d: Buffer) => (outputB += d.toString()));
  for (let i = 0; ; i++) {
    if (instanceB.exitCode !== null) throw new Error(`instance B exited:\n${outputB}`);
    if (
      await fetch(`${B}/login`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (i > 200) throw new Error(`instance B did not start:\n${outputB}`);
    await new Promise((r) => setTimeout(r, 300));
  }
});

test.afterAll(async () => {
  if (!instanceB || instanceB.exitCode !== null) return;
  const exited = new Promise((resolve) => instanceB.once("exit", resolve));
  process.kill(-instanceB.pid!, "SIGTERM");
  await exited;
});

/** Sends the page's form posts (Server Actions) to B instead of A, as a load balancer might. */
async function postThroughB(page: Page) {
  await page.route(`${A}/**`, async (route) => {
    const request = route.request();
    if (request.method() !== "POST") return route.continue();
    const url = new URL(request.url());
    url.port = String(PORT_B);
    // Behind one public address both instances see the same Origin and Host; here B's own.
    const response = await route.fetch({ url: url.toString(), headers: { ...request.headers(), origin: B } });
    await route.fulfill({ response });
  });
}

let reportId = "";

test("a login on A is a login on B, and a form A rendered is accepted by B", async ({ page }) => {
  await login(page, "qingshi.author");
  // The session cookie A set opens B (cookies do not depend on the port).
  await page.goto(`${B}/workspace`);
  await expect(page).toHaveURL(`${B}/workspace`);
  await expect(page.getByRole("link", { name: "青石镇", exact: true }).first()).toBeVisible();

  // The organ page comes from A; its Server Action (新建年度报告) is handled by B.
  await page.goto(`${A}/organs/${await organIdFromWorkspace(page, "青石镇")}`);
  await postThroughB(page);
  await page.getByLabel("报告年度").selectOption("2011");
  await page.getByRole("button", { name: "新建年度报告" }).click();
  await expect(main(page).getByRole("heading", { name: "青石镇2011年度政府信息公开工作年度报告" })).toBeVisible();
  reportId = page.url().split("/reports/")[1]!.split("?")[0]!;
  expect(reportId).toMatch(/^[0-9a-f-]{36}$/);
});

test("a save on A and a save on B of one section conflict: the later one gets both versions", async ({ browser }) => {
  const onA = await pageAs(browser, "qingshi.author");
  const onB = await pageAs(browser, "qingshi.author");
  const section = `/reports/${reportId}/sections/problems`;
  const field = "五、存在的主要问题及改进情况";
  await onA.goto(`${A}${section}`);
  await onB.goto(`${B}${section}`);
  await onA.getByLabel(field).fill("在实例 A 上写的内容：公开栏更新不及时。");
  await expect(onA.getByTestId("save-status")).toHaveText(/已保存/, { timeout: 15_000 });
  await onB.getByLabel(field).fill("在实例 B 上写的内容：政策解读偏少。");
  await expect(onB.getByRole("alert").filter({ hasText: "保存冲突" })).toBeVisible({ timeout: 15_000 });
  await expect(onB.getByTestId("conflict-mine")).toHaveValue("在实例 B 上写的内容：政策解读偏少。");
  await expect(onB.getByTestId("conflict-theirs")).toHaveValue("在实例 A 上写的内容：公开栏更新不及时。");
});

test("a withdrawal on A turns the report's public page on B into a 410, and B's dashboard says 已撤回, within 5 seconds", async ({ browser }) => {
  test.setTimeout(240_000);
  const organ = DEMO_ORGANS.find((o) => o.key === "baisha")!;
  const { reportId: published } = await submittedReport(browser, "baisha", 2026, undefined, "2026年，本机关未收取政府信息公开信息处理费。");
  await approveAllStages(browser, "baisha", published);
  const publisher = await publishApproved(browser, "baisha", published);

  // B serves the page, from its cache after the first request.
  const visitor = await browser.newContext();
  const onB = `${B}/gk/${organ.code}/2026`;
  for (let i = 0; i < 3; i++) expect((await visitor.request.get(onB)).status()).toBe(200);
  expect((await visitor.request.get(`${onB}/v/1`)).status()).toBe(200);
  // B's dashboard for the 上级主管 keeps what it read (every organ's row) until it hears of a change.
  const supervisor = await pageAs(browser, "yunxi.supervisor");
  const dashboard = `${B}/organs/${await organIdFromWorkspace(supervisor, "云溪市")}/supervision?year=2026`;
  const baishaRow = main(supervisor).getByTestId("progress-table").locator('tr[data-organ="白沙镇"]');
  for (let i = 0; i < 2; i++) {
    await supervisor.goto(dashboard);
    await expect(baishaRow).toContainText("已发布");
  }

  await publisher.goto(`${A}/reports/${published}`);
  await publisher.getByLabel("撤回理由（必填）").fill("两个实例的测试");
  publisher.once("dialog", (d) => d.accept());
  await publisher.getByRole("button", { name: "撤回已发布的报告" }).click();
  await expect(main(publisher).getByRole("status").first()).toContainText("已撤回");
  const withdrawn = Date.now();

  let status = 0;
  while ((status = (await visitor.request.get(onB)).status()) !== 410 && Date.now() - withdrawn < 10_000) await new Promise((r) => setTimeout(r, 100));
  const took = Date.now() - withdrawn;
  expect(status).toBe(410);
  expect(took).toBeLessThan(5_000);
  const version = await visitor.request.get(`${onB}/v/1`);
  expect(version.status()).toBe(410);
  expect(await version.text()).toContain("两个实例的测试");
  await expect(async () => {
    await supervisor.goto(dashboard);
    await expect(baishaRow).toContainText("已撤回", { timeout: 500 });
  }).toPass({ timeout: 5_000 });
});
