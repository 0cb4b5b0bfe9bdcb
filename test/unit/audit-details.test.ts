// The audit log's details as its readers see them: Chinese names and labels, never codes.
import { describe, expect, it } from "vitest";
import { describeAuditDetails } from "@/lib/audit/audit-details";

describe("describeAuditDetails", () => {
  it("names each field and labels each code in Chinese", () => {
    expect(describeAuditDetails({ attempt: "section.save", code: "CONFLICT", reason: "报告已提交审核，内容已冻结，不能再修改。" })).toBe(
      "所做操作：保存内容；代码：与当前状态冲突；原因：报告已提交审核，内容已冻结，不能再修改。",
    );
    expect(describeAuditDetails({ attempt: "page.report.view", code: "NOT_FOUND" })).toBe("所做操作：打开页面；代码：不存在或无权访问");
    expect(describeAuditDetails({ reason: "wrong_password" })).toBe("原因：密码不正确");
    expect(describeAuditDetails({ username: "qs.new", role: "FIRST_REVIEWER" })).toBe("用户名：qs.new；角色：初审人");
    expect(describeAuditDetails({ section: "requests", version: 3, kind: "correction" })).toBe("部分：三、收到和处理政府信息公开申请情况；版本：3；类型：校对修改");
    expect(describeAuditDetails({ scope: "address", until: "2026-12-03T02:00:00.000Z", maxFailures: 100 })).toMatch(
      /^限制方式：按地址；限制至：2026\/12\/03 10:00；允许失败次数：100$/,
    );
    expect(describeAuditDetails({ reason: "content_changed" })).toBe("原因：内容在审核规则之外被改动");
  });

  it("summarises lists and leaves no English name of a field or code", () => {
    const text = describeAuditDetails({
      stages: [
        { name: "一校·初审", role: "FIRST_REVIEWER", isConfidentialityReview: false },
        { name: "二校·复审", role: "SECOND_REVIEWER", isConfidentialityReview: true },
      ],
      sensitiveWords: 4,
      warnings: [{ key: "a", message: "m", reason: "r" }],
      scan: [],
      mystery: "x",
      comment: null,
    });
    expect(text).toBe("审核环节：一校·初审、二校·复审；敏感词数：4；说明理由的提醒：1 条；保留的保密检查结果：0 条；其他：x；意见：—");
    expect(text).not.toMatch(/[A-Za-z_]{3,}/);
    expect(describeAuditDetails(null)).toBe("");
  });
});
