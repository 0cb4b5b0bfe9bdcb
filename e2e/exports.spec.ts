import { expect, test } from "@playwright/test";
import JSZip from "jszip";
import { login, organIdFromWorkspace } from "./support";

test("the draft downloads as a Word document that opens, and as JSON that imports back", async ({ page }) => {
  await login(page, "jiangnan.author");
  await page.goto(`/organs/${await organIdFromWorkspace(page, "江南街道办事处")}`);
  await page.getByLabel("报告年度").selectOption("2024");
  await page.getByRole("button", { name: "新建年度报告" }).click();
  const title = "江南街道办事处2024年度政府信息公开工作年度报告";
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  const reportId = page.url().split("/reports/")[1]!;

  // Assign a section to a named 撰稿人.
  await page.getByLabel("一、总体情况的撰稿人").selectOption({ label: "江南街道撰稿人" });
  await page.locator('tr[data-section="overview"]').getByRole("button", { name: "指定" }).click();
  await expect(page.locator('tr[data-section="overview"]').getByRole("status")).toHaveText("已指定。");

  // The optional 引言: its own page in the navigation, before 一.
  await page.goto(`/reports/${reportId}/sections/overview`);
  await page.getByRole("navigation", { name: "各部分" }).getByRole("link", { name: "引言（可选）" }).click();
  await page.getByLabel("引言（可选）").fill("根据《中华人民共和国政府信息公开条例》规定，编制本报告。现将有关情况报告如下：");
  await expect(page.getByTestId("save-status")).toHaveText(/已保存/, { timeout: 15_000 });

  await page.goto(`/reports/${reportId}/sections/problems`);
  await page.getByLabel("五、存在的主要问题及改进情况").fill("信息更新不够及时。\n（一）改进情况\n建立了更新台账。");
  await expect(page.getByTestId("save-status")).toHaveText(/已保存/, { timeout: 15_000 });

  const docx = await page.request.get(`/api/reports/${reportId}/export/docx`);
  expect(docx.status()).toBe(200);
  expect(docx.headers()["content-type"]).toContain("wordprocessingml");
  const xml = await (await JSZip.loadAsync(await docx.body())).file("word/document.xml")!.async("string");
  for (const text of [
    title,
    "现将有关情况报告如下：",
    "五、存在的主要问题及改进情况",
    "信息更新不够及时。",
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
    "法人或其他组织",
    "复议后起诉",
    "第二十条第（八）项",
  ]) {
    expect(xml).toContain(text);
  }
  expect(xml.indexOf("现将有关情况报告如下：")).toBeLessThan(xml.indexOf("一、总体情况"));
  expect(xml.match(/<w:tbl>/g)).toHaveLength(3);
  expect(xml).toContain("w:gridSpan");
  expect(xml).toContain("w:vMerge");

  const exported = await (await page.request.get(`/api/reports/${reportId}/export/json`)).json();
  expect(exported.schema).toBe("nianbao.report/2");
  expect(exported.sections.map((s: { title: string }) => s.title)).toEqual([
    "引言",
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
  ]);
  exported.sections[6].text = "2024年，本机关未收取政府信息公开信息处理费。";
  exported.sections[2].cells["licensing.decisions"] = "7";

  await page.goto(`/reports/${reportId}`);
  const form = page.locator("form", { has: page.getByRole("button", { name: "导入 JSON" }) });
  await form.getByLabel(/从 JSON 文件导入/).setInputFiles({ name: "report.json", mimeType: "application/json", buffer: Buffer.from("{ broken") });
  await form.getByRole("button", { name: "导入 JSON" }).click();
  await expect(form.getByRole("alert").first()).toContainText("不是有效的 JSON");

  await form.getByLabel(/从 JSON 文件导入/).setInputFiles({ name: "report.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(exported)) });
  await form.getByRole("button", { name: "导入 JSON" }).click();
  await expect(form.getByRole("status")).toContainText("已导入");

  const again = await (await page.request.get(`/api/reports/${reportId}/export/json`)).json();
  expect(again).toEqual(exported);
  await page.goto(`/reports/${reportId}/sections/proactive`);
  await expect(page.getByRole("textbox", { name: "表二 行政许可 / 本年处理决定数量", exact: true })).toHaveValue("7");
});

test("another organ's staff cannot read or download a draft", async ({ browser }) => {
  const owner = await browser.newContext().then((c) => c.newPage());
  await login(owner, "qingshi.author");
  await owner.goto(`/organs/${await organIdFromWorkspace(owner, "青石镇")}`);
  await owner.getByLabel("报告年度").selectOption("2022");
  await owner.getByRole("button", { name: "新建年度报告" }).click();
  await expect(owner).toHaveURL(/\/reports\/[0-9a-f-]{36}$/);
  const reportId = owner.url().split("/reports/")[1]!;

  const stranger = await browser.newContext().then((c) => c.newPage());
  await login(stranger, "baisha.admin");
  for (const path of [`/reports/${reportId}`, `/reports/${reportId}/sections/problems`, `/reports/${reportId}/sections/problems/history`]) {
    expect((await stranger.goto(path))?.status()).toBe(404);
  }
  expect((await stranger.request.get(`/api/reports/${reportId}/export/json`)).status()).toBe(404);
  expect((await stranger.request.get(`/api/reports/${reportId}/export/docx`)).status()).toBe(404);
  const save = await stranger.request.put(`/api/reports/${reportId}/sections/problems`, { data: { baseVersion: 1, content: { kind: "narrative", text: "篡改" } } });
  expect(save.status()).toBe(404);
  expect((await save.json()).message).toBe("报告不存在，或您无权进行此操作。");
  const decision = await stranger.request.post(`/api/reports/${reportId}/decision`, {
    data: { roundId: "00000000-0000-4000-8000-000000000000", stageIndex: 0, verdict: "approve" },
  });
  expect(decision.status()).toBe(404);
  const anonymous = await (
    await browser.newContext()
  ).request.post(`http://localhost:${process.env.E2E_PORT ?? 3100}/api/reports/${reportId}/decision`, {
    data: { roundId: "00000000-0000-4000-8000-000000000000", stageIndex: 0, verdict: "approve" },
  });
  expect(anonymous.status()).toBe(401);
});
