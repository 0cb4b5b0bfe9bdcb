import { expect, test } from "@playwright/test";
import { PHONE, reviewer, submittedReport } from "./review-support";
import { main } from "./support";

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
    await first
      .getByRole("list", { name: "待办列表" })
      .getByRole("link", { name: new RegExp(`${year}年度`) })
      .click();
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
