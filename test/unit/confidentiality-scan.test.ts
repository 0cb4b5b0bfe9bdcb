import { describe, expect, it } from "vitest";
import { isValidIdNumber, maskIdNumber, maskMobile, scanText } from "@/lib/review/confidentiality-scan";

// A made-up number with a valid check digit (the standard's published example pattern).
const VALID_ID = "11010519491231002X";

describe("confidentiality scan", () => {
  it("validates the ID check digit", () => {
    expect(isValidIdNumber(VALID_ID)).toBe(true);
    expect(isValidIdNumber("110105194912310021")).toBe(false);
    expect(isValidIdNumber("11010519491231002")).toBe(false);
  });

  it("finds a valid ID number with its masked form, and ignores an invalid one or a longer digit run", () => {
    const text = `申请人张三（身份证号${VALID_ID}）；编号110105194912310021；流水号1${VALID_ID.slice(0, 17)}`;
    const found = scanText(text, "overview");
    expect(found.map((f) => [f.kind, f.match, f.suggestion])).toEqual([["id-number", VALID_ID, maskIdNumber(VALID_ID)]]);
    expect(maskIdNumber(VALID_ID)).toBe("11*************02X");
  });

  it("finds mainland mobile numbers and masks them", () => {
    const found = scanText("联系电话13812345678，座机0591-12345678，号码12345678901，长串213812345678", "other");
    expect(found.map((f) => [f.kind, f.match, f.suggestion])).toEqual([["mobile", "13812345678", "138****5678"]]);
    expect(maskMobile("19912345678")).toBe("199****5678");
  });

  it("finds classification words once each, longest first", () => {
    const found = scanText("本文件为机密，属内部资料，不得外传；另有秘密事项。", "problems");
    expect(found.map((f) => f.match)).toEqual(["机密", "内部资料", "不得外传", "秘密"]);
  });

  it("finds the organ's sensitive words and wrong terms, suggesting the right term", () => {
    const found = scanText("镇长书记张某出席。", "overview", { sensitiveWords: ["张某"], wrongTerms: [{ wrong: "镇长书记", right: "镇党委书记" }] });
    expect(found.map((f) => [f.kind, f.match, f.suggestion])).toEqual([
      ["wrong-term", "镇长书记", "镇党委书记"],
      ["sensitive", "张某", null],
    ]);
  });

  it("gives each finding a stable key for acceptances", () => {
    const a = scanText("电话13812345678", "other")[0]!;
    const b = scanText("新的开头。电话13812345678", "other")[0]!;
    expect(a.key).toBe(b.key);
    expect(a.key).toBe("other|mobile|13812345678");
  });

  it("finds nothing in clean text", () => {
    expect(scanText("2024年，本机关未收取政府信息公开信息处理费。", "other")).toEqual([]);
  });
});
