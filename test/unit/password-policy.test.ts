import { describe, expect, it } from "vitest";
import { checkPassword } from "@/lib/auth/password-policy";

describe("checkPassword", () => {
  it("accepts a password of ten or more characters that is not the username", () => {
    expect(checkPassword("ten-chars!", "qingshi.author")).toBeNull();
  });

  it("refuses a short password with the minimum in the message", () => {
    expect(checkPassword("short", "someone")).toBe("密码至少需要 10 个字符。");
  });

  it("counts Chinese characters as characters", () => {
    expect(checkPassword("年报工作台年报工作台", "someone")).toBeNull();
  });

  it("refuses the username as password, whatever its case", () => {
    expect(checkPassword("Qingshi.Author", "qingshi.author")).toBe("密码不能与用户名相同。");
  });

  it("follows a configured minimum length", () => {
    expect(checkPassword("twelve-chars", "x", { minLength: 14 })).toBe("密码至少需要 14 个字符。");
  });

  it("refuses an absurdly long password", () => {
    expect(checkPassword("x".repeat(10_000), "someone")).toMatch(/不能超过/);
  });
});
