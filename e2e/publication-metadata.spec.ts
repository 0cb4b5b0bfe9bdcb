import { expect, test } from "@playwright/test";
import JSZip from "jszip";
import { DEMO_ORGANS } from "@/lib/demo/demo-accounts";
import { chineseDate } from "@/lib/domain/publication-metadata";
import { approveAllStages, submittedReport } from "./review-support";
import { main, organIdFromWorkspace, pageAs } from "./support";

const QINGSHI = DEMO_ORGANS.find((o) => o.key === "qingshi")!;
const YEAR = 2020;
const base = `/gk/${QINGSHI.code}/${YEAR}`;

/** The day before or after a YYYY-MM-DD day. */
const shift = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

test("the 发布人 sets the 发文日期, 文件编号 and another platform's 索引号; the public page and the downloads carry them", async ({ browser }) => {
  test.setTimeout(180_000);
  const { reportId } = await submittedReport(browser, "qingshi", YEAR, undefined, `${YEAR}年，本机关未收取政府信息公开信息处理费。`);
  await approveAllStages(browser, "qingshi", reportId);

  const publisher = await pageAs(browser, "qingshi.publisher");
  await publisher.goto(`/reports/${reportId}`);
  const form = publisher.locator("form", { has: publisher.getByRole("button", { name: "发布", exact: true }) });
  // Today (China's calendar) is the default; the final approval was today too, so no other day is allowed.
  const today = await form.getByLabel("发文日期").inputValue();
  expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  const indexNumber = `11330521MB1957874K/${today.slice(0, 4)}-01220`;
  await form.getByLabel("索引号", { exact: true }).selectOption({ label: "填写其他平台分配的索引号" });
  await form.getByLabel("其他平台分配的索引号").fill(indexNumber);
  await form.getByLabel("文件编号（可选）").fill("青石政〔2021〕5号");

  const publish = async () => {
    publisher.once("dialog", (d) => d.accept());
    await form.getByRole("button", { name: "发布", exact: true }).click();
  };
  await form.getByLabel("发文日期").fill(shift(today, -1));
  await publish();
  await expect(publisher.locator("#field-issuedOn-error")).toHaveText(`发文日期不能早于终审通过的日期（${chineseDate(today)}）。`);
  // What was typed stays.
  await expect(form.getByLabel("其他平台分配的索引号")).toHaveValue(indexNumber);
  await form.getByLabel("发文日期").fill(shift(today, 1));
  await publish();
  await expect(publisher.locator("#field-issuedOn-error")).toHaveText(`发文日期不能晚于今天（${chineseDate(today)}）。`);
  await form.getByLabel("其他平台分配的索引号").fill(`11330521MB1957874K/2019-01220`);
  await form.getByLabel("发文日期").fill(today);
  await publish();
  await expect(publisher.locator("#field-indexNumber-error")).toHaveText(`索引号中应有发文日期的年份 ${today.slice(0, 4)}（如 …/${today.slice(0, 4)}-00001）。`);
  await form.getByLabel("其他平台分配的索引号").fill(indexNumber);
  await publish();
  await expect(main(publisher).getByRole("status").first()).toContainText(`已发布第 1 版，索引号 ${indexNumber}。`);

  // The public page's metadata block.
  const visitor = await browser.newContext().then((c) => c.newPage());
  await visitor.goto(base);
  const meta = visitor.locator("dl.meta");
  await expect(meta.locator("div", { has: visitor.getByRole("term").filter({ hasText: "索引号" }) }).getByRole("definition")).toHaveText(indexNumber);
  await expect(meta.locator("div", { has: visitor.getByRole("term").filter({ hasText: "发文日期" }) }).getByRole("definition")).toHaveText(chineseDate(today));
  await expect(meta.locator("div", { has: visitor.getByRole("term").filter({ hasText: "文件编号" }) }).getByRole("definition")).toHaveText("青石政〔2021〕5号");

  // The Word download, parsed back: the block above the title.
  const docx = await JSZip.loadAsync(await (await visitor.request.get(`${base}/v/1/report.docx`)).body());
  const text = (await docx.file("word/document.xml")!.async("string")).replace(/<[^>]+>/g, "");
  expect(text).toContain(`索引号${indexNumber}`);
  expect(text).toContain(`发文日期${chineseDate(today)}`);
  expect(text).toContain("文件编号青石政〔2021〕5号");
  expect(text.indexOf(indexNumber)).toBeLessThan(text.indexOf(`青石镇${YEAR}年度政府信息公开工作年度报告`));
  // CSV and JSON carry it too.
  const csv = await (await visitor.request.get(`${base}/v/1/tables.csv`)).text();
  expect(csv).toContain(`"发布信息","索引号","indexNumber","${indexNumber}"`);
  expect(csv).toContain(`"发布信息","发文日期","issuedOn","${today}"`);
  const json = await (await visitor.request.get(`${base}/v/1/report.json`)).json();
  expect(json.publication).toMatchObject({ indexNumber, issuedOn: today, documentNumber: "青石政〔2021〕5号" });
});

test("an organ's 管理员 sets where a year's platform serials start, and cannot go back", async ({ browser }) => {
  const JIANGNAN = DEMO_ORGANS.find((o) => o.key === "jiangnan")!;
  const admin = await pageAs(browser, "jiangnan.admin");
  await admin.goto(`/organs/${await organIdFromWorkspace(admin, JIANGNAN.name)}`);
  const form = admin.locator("form", { has: admin.getByRole("button", { name: "保存起始流水号" }) });
  // A year no other test publishes in. (The new-report form has a year field too: the labels must find their own.)
  await form.getByLabel("年份").fill("2030");
  await form.getByLabel("起始流水号").fill("1220");
  await form.getByRole("button", { name: "保存起始流水号" }).click();
  await expect(form.getByRole("status")).toHaveText(`已保存。2030 年下一个索引号为 ${JIANGNAN.code}/2030-01220。`);
  await form.getByLabel("年份").fill("2030");
  await form.getByLabel("起始流水号").fill("1219");
  await form.getByRole("button", { name: "保存起始流水号" }).click();
  await expect(admin.locator("#field-start-serial-error")).toHaveText("2030 年已分配到第 1219 号，起始流水号至少应为 1220。");
  // Other roles do not see the form.
  const publisher = await pageAs(browser, "jiangnan.publisher");
  await publisher.goto(admin.url());
  await expect(publisher.getByRole("heading", { name: "索引号起始流水号" })).toHaveCount(0);
});
