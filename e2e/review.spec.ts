import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO_ORGANS } from "@/lib/db/demo-accounts";
import { toReportJson } from "@/lib/report/report-json";
import { validDraft } from "../test/unit/report-fixtures";
import { main, organIdFromWorkspace, pageAs } from "./support";

const PHONE = { width: 390, height: 844 };

/** A complete, consistent report, imported into a new draft by the organ's 撰稿人 and submitted. */
async function submittedReport(browser: Browser, organKey: string, year: number, viewport?: typeof PHONE) {
  const organ = DEMO_ORGANS.find((o) => o.key === organKey)!;
  const author = await pageAs(browser, `${organKey}.author`);
  if (viewport) await author.setViewportSize(viewport);
  await author.goto(`/organs/${await organIdFromWorkspace(author, organ.name)}`);
  await author.getByLabel("报告年度").selectOption(String(year));
  await author.getByRole("button", { name: "新建年度报告" }).click();
  await expect(author).toHaveURL(/\/reports\/[0-9a-f-]{36}$/);
  const reportId = author.url().split("/reports/")[1]!;

  const sections = validDraft();
  sections.other = { kind: "narrative", text: `${year}年，本机关未收取政府信息公开信息处理费。咨询电话13812345678。` };
  const file = toReportJson({ organ: { name: organ.name, code: organ.code, kind: organ.kind }, year, title: "", sections });
  const form = author.locator("form", { has: author.getByRole("button", { name: "导入 JSON" }) });
  await form.getByLabel(/从 JSON 文件导入/).setInputFiles({ name: "r.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(file)) });
  await form.getByRole("button", { name: "导入 JSON" }).click();
  await expect(form.getByRole("status")).toContainText("已导入");

  author.once("dialog", (d) => d.accept());
  await author.getByRole("button", { name: "提交审核" }).click();
  await expect(author.getByTestId("report-status")).toHaveText("审核中：一校·初审");
  return { author, reportId };
}

async function reviewer(browser: Browser, username: string, viewport?: typeof PHONE): Promise<Page> {
  const page = await pageAs(browser, username);
  if (viewport) await page.setViewportSize(viewport);
  return page;
}

for (const [label, organKey, year, viewport] of [
  ["on a desktop", "qingshi", 2023, undefined],
  ["on a phone", "baisha", 2021, PHONE],
] as const) {
  test(`a report goes through 三审三校 by three people to 待发布, ${label}`, async ({ browser }) => {
    const { author, reportId } = await submittedReport(browser, organKey, year, viewport);
    // The author can no longer change the text.
    await author.goto(`/reports/${reportId}/sections/other`);
    await expect(author.getByLabel("六、其他需要报告的事项")).toHaveAttribute("readonly", "");

    // 一校·初审: from the inbox.
    const first = await reviewer(browser, `${organKey}.review1`, viewport);
    await expect(first.getByTestId("inbox-link")).toContainText(/\d/);
    await first.getByTestId("inbox-link").click();
    await first.getByRole("list", { name: "待办列表" }).getByRole("link", { name: new RegExp(`${year}年度`) }).click();
    await expect(first.getByRole("heading", { name: "审核：一校·初审" })).toBeVisible();
    await first.getByRole("button", { name: "通过" }).click();
    await expect(main(first).getByRole("status").first()).toContainText("已通过“一校·初审”");

    // 二校·复审 with the confidentiality review: a correction in place, then the scan finding accepted with a reason.
    const second = await reviewer(browser, `${organKey}.review2`, viewport);
    await second.goto(`/reports/${reportId}/review`);
    await expect(second.getByRole("region", { name: "保密审查" })).toContainText("手机号码“13812345678”，建议改为“138****5678”");
    await second.goto(`/reports/${reportId}/sections/problems`);
    await expect(second.getByRole("note")).toContainText("校对模式");
    const problems = second.getByLabel("五、存在的主要问题及改进情况");
    await problems.press("End");
    await problems.pressSequentially("（复审校对）");
    await expect(second.getByTestId("save-status")).toHaveText(/已保存/, { timeout: 15_000 });
    await second.goto(`/reports/${reportId}/review`);
    await expect(second.locator(".tracked-changes ins").first()).toContainText("复审校对");
    await second.getByRole("button", { name: "通过" }).click();
    await expect(main(second).getByRole("alert").first()).toContainText("保密审查还有未处理的发现");
    await second.getByLabel(/手机号码“13812345678”/).fill("本机关对外公开的办公咨询电话");
    await second.getByRole("button", { name: "通过" }).click();
    await expect(main(second).getByRole("status").first()).toContainText("已通过“二校·复审（含保密审查）”");

    // 三校·终审: sees the correction as a tracked change, and signs off.
    const final = await reviewer(browser, `${organKey}.review3`, viewport);
    await final.goto(`/reports/${reportId}/review`);
    await expect(final.locator(".tracked-changes ins").first()).toContainText("复审校对");
    await final.getByLabel("意见（退回时必填）").fill("同意发布");
    await final.getByRole("button", { name: "通过" }).click();
    await expect(main(final).getByRole("status").first()).toContainText("审核全部通过，报告待发布");

    await author.goto(`/reports/${reportId}`);
    await expect(author.getByTestId("report-status")).toHaveText("待发布（审核通过）");
    await expect(author.locator(".review-history")).toContainText("终审");
    // The second reviewer cannot act again, and nobody can edit an approved report.
    await second.goto(`/reports/${reportId}/review`);
    await expect(main(second).getByRole("alert")).toContainText("不在审核中");
  });
}

test("a reviewer returns the report with a reason and a comment; the author sees both and can edit again", async ({ browser }) => {
  const { author, reportId } = await submittedReport(browser, "jiangnan", 2023);
  const first = await reviewer(browser, "jiangnan.review1");
  await first.goto(`/reports/${reportId}/review`);
  const comment = first.locator("form", { has: first.getByRole("button", { name: "添加意见" }) });
  await comment.getByLabel("部分").selectOption({ label: "五、存在的主要问题及改进情况" });
  await comment.getByLabel("意见", { exact: true }).fill("请补充本年度整改的具体措施。");
  await comment.getByRole("button", { name: "添加意见" }).click();
  await expect(comment.getByRole("status")).toHaveText("意见已添加。");

  await first.getByRole("button", { name: "退回撰稿人" }).click();
  await expect(first.locator("#decision-comment-error")).toHaveText("退回时必须填写理由。");
  await first.getByLabel("意见（退回时必填）").fill("第五部分需要补充整改措施");
  await first.getByRole("button", { name: "退回撰稿人" }).click();
  await expect(main(first).getByRole("status").first()).toContainText("已退回撰稿人");

  // The author is told: the header counts it, and 待办 lists it with the reason.
  await author.goto("/workspace");
  await expect(author.getByTestId("inbox-link")).toContainText(/\d/);
  await author.getByTestId("inbox-link").click();
  await expect(author.getByRole("list", { name: "退回列表" })).toContainText("第五部分需要补充整改措施");
  await author.goto(`/reports/${reportId}`);
  await expect(author.getByTestId("report-status")).toHaveText("草稿");
  await expect(author.locator(".review-history")).toContainText("退回：第五部分需要补充整改措施");
  await expect(author.getByTestId("review-comments")).toContainText("请补充本年度整改的具体措施。");
  await author.goto(`/reports/${reportId}/sections/problems`);
  await expect(author.getByLabel("五、存在的主要问题及改进情况")).not.toHaveAttribute("readonly", "");
});
