import { describe, expect, it } from "vitest";
import { safeCallbackPath, loginMessageFor } from "@/lib/auth/login-messages";
import { organInputSchema } from "@/lib/organs/organ-input";
import { CLIENT_ADDRESS_HEADER, clientAddressFrom, parseTrustProxy, resolveClientAddress } from "@/lib/auth/client-address";
import { decisionSchema } from "@/lib/review/decision-input";
import { fieldErrorsOf, usernameField } from "@/lib/validation/fields";

const organ = {
  name: "洲泉镇",
  shortName: "洲泉",
  kind: "TOWNSHIP",
  code: "001008004005097",
  parentId: "",
  deadlineMonth: "1",
  deadlineDay: "31",
};

describe("organ input", () => {
  it("accepts a valid organ, with an empty parent meaning a top-level organ", () => {
    const parsed = organInputSchema.parse(organ);
    expect(parsed).toMatchObject({ parentId: null, deadlineMonth: 1, deadlineDay: 31, kind: "TOWNSHIP" });
  });

  it("refuses a deadline day that does not exist in its month, at the day field", () => {
    const result = organInputSchema.safeParse({ ...organ, deadlineMonth: "2", deadlineDay: "30" });
    expect(result.success).toBe(false);
    if (!result.success) expect(fieldErrorsOf(result.error)).toEqual({ deadlineDay: "该月份没有这一天。" });
  });

  it("gives Chinese messages per field for an empty form", () => {
    const result = organInputSchema.safeParse({ ...organ, name: "", code: "含有 空格", kind: "VILLAGE" });
    expect(result.success).toBe(false);
    if (!result.success) {
      const errors = fieldErrorsOf(result.error);
      expect(errors.name).toBe("请输入机关名称。");
      expect(errors.code).toMatch(/只能包含数字和字母/);
      expect(errors.kind).toBe("请选择机关类型。");
    }
  });
});

describe("username", () => {
  it("is trimmed and lower-cased", () => {
    expect(usernameField.parse("  QingShi.Author ")).toBe("qingshi.author");
  });

  it("refuses a 10,000-character name with a message, not an exception", () => {
    const result = usernameField.safeParse("a".repeat(10_000));
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues[0]?.message).toBe("用户名不能超过 64 个字符。");
  });

  it("refuses characters outside the allowed set", () => {
    expect(usernameField.safeParse("张三").success).toBe(false);
    expect(usernameField.safeParse("a b").success).toBe(false);
  });
});

describe("login page helpers", () => {
  it("keeps a login's return address on this site", () => {
    expect(safeCallbackPath("/organs/abc")).toBe("/organs/abc");
    expect(safeCallbackPath("https://evil.example/")).toBe("/workspace");
    expect(safeCallbackPath("//evil.example/")).toBe("/workspace");
    expect(safeCallbackPath("/\\evil.example")).toBe("/workspace");
    expect(safeCallbackPath(undefined)).toBe("/workspace");
    // Browsers drop tabs and newlines from addresses: "/<TAB>/evil" would be "//evil".
    for (const sneaky of ["/\t/evil.example", "/\n/evil.example", "/\r\n/evil.example", "/%09/evil.example/../..//evil.example", "/\u0000/evil"]) {
      const kept = safeCallbackPath(sneaky);
      expect(new URL(kept, "https://nianbao.example").origin).toBe("https://nianbao.example");
    }
    expect(safeCallbackPath("/\t/evil.example")).toBe("/workspace");
    expect(safeCallbackPath("/reports/1?tab=review#c2")).toBe("/reports/1?tab=review#c2");
  });

  it("maps every failure code to a Chinese message and unknown codes to a generic one", () => {
    expect(loginMessageFor("LOCKED")).toMatch(/锁定/);
    expect(loginMessageFor("INVALID_CREDENTIALS")).toBe("用户名或密码不正确。");
    expect(loginMessageFor("SomethingElse")).toBe("登录未成功，请稍后重试。");
    expect(loginMessageFor(null)).toBeNull();
  });
});

describe("a review decision (one schema for the review form's action and POST /api/reports/:id/decision)", () => {
  const decision = { roundId: "1c4a6a55-7c39-4c57-9a38-1a2b3c4d5e6f", stageIndex: 0, verdict: "approve", comment: "", warningReasons: {}, scanReasons: {} };
  const errors = (input: unknown) => {
    const result = decisionSchema.safeParse(input);
    return result.success ? null : fieldErrorsOf(result.error);
  };

  it("accepts 通过 without a comment, and fills in what may be left out", () => {
    expect(decisionSchema.parse({ roundId: decision.roundId, stageIndex: 1, verdict: "approve" })).toEqual({ ...decision, stageIndex: 1 });
  });

  it("refuses 退回 without a reason, at the comment field", () => {
    expect(errors({ ...decision, verdict: "return", comment: "  " })).toEqual({ comment: "退回时必须填写理由。" });
  });

  it("refuses over-long text instead of cutting it, in Chinese", () => {
    expect(errors({ ...decision, comment: "意".repeat(2_001) })).toEqual({ comment: "意见不能超过 2,000 个字符。" });
    expect(errors({ ...decision, warningReasons: { "REGULATION|x": "理".repeat(501) } })).toEqual({ warningReasons: "每条理由不能超过 500 个字符。" });
    expect(errors({ ...decision, scanReasons: { k: "理".repeat(501) } })).toEqual({ scanReasons: "每条理由不能超过 500 个字符。" });
  });

  it("says in Chinese what is wrong with a forged request", () => {
    const messages = Object.values(errors({ roundId: "x", stageIndex: -1, verdict: "maybe", comment: 5, warningReasons: { a: 1 } }) ?? {});
    expect(messages.length).toBeGreaterThan(3);
    for (const message of messages) expect(message).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe("the client's address (TRUST_PROXY)", () => {
  const resolve = (trustProxy: string | undefined, forwardedFor: string | undefined, socketAddress = "10.0.0.5") =>
    resolveClientAddress({ socketAddress, forwardedFor, trust: parseTrustProxy(trustProxy) });

  it("ignores X-Forwarded-For unless a proxy is trusted (S9: failures were logged from any address a client named)", () => {
    expect(resolve(undefined, "6.6.6.6")).toBe("10.0.0.5");
    expect(resolve("0", "6.6.6.6")).toBe("10.0.0.5");
    expect(resolve(undefined, undefined, "::ffff:127.0.0.1")).toBe("127.0.0.1");
  });

  it("takes the entry the trusted hops vouch for, not one a client prepended", () => {
    // nginx appends the address it saw: "<forged by the client>, <real client>".
    expect(resolve("1", "6.6.6.6, 203.0.113.7")).toBe("203.0.113.7");
    expect(resolve("2", "203.0.113.7, 172.16.0.2")).toBe("203.0.113.7");
    expect(resolve("1", undefined)).toBe("10.0.0.5");
  });

  it("walks back over a list of trusted proxy addresses", () => {
    expect(resolve("10.0.0.5,172.16.0.2", "6.6.6.6, 203.0.113.7, 172.16.0.2")).toBe("203.0.113.7");
    expect(resolve("172.16.0.9", "6.6.6.6", "10.0.0.5")).toBe("10.0.0.5"); // the peer is not a trusted proxy
  });

  it("reads only the server's own header", () => {
    expect(clientAddressFrom(new Headers({ "x-forwarded-for": "6.6.6.6" }))).toBeNull();
    expect(clientAddressFrom(new Headers({ [CLIENT_ADDRESS_HEADER]: "203.0.113.7" }))).toBe("203.0.113.7");
    expect(clientAddressFrom({ [CLIENT_ADDRESS_HEADER]: "203.0.113.7" })).toBe("203.0.113.7");
  });
});
