import { describe, expect, it } from "vitest";
import { chooseCoding, ifNoneMatchMatches } from "@/lib/publish/http-negotiation";

describe("conditional requests (RFC 9110 §13.1.2)", () => {
  const etag = '"abc123"';
  it("matches the tag itself, weakly, in a list, and *", () => {
    expect(ifNoneMatchMatches(etag, etag)).toBe(true);
    expect(ifNoneMatchMatches('W/"abc123"', etag)).toBe(true);
    expect(ifNoneMatchMatches('"other", W/"abc123"', etag)).toBe(true);
    expect(ifNoneMatchMatches("*", etag)).toBe(true);
  });
  it("does not match other tags or no header", () => {
    expect(ifNoneMatchMatches('"other"', etag)).toBe(false);
    expect(ifNoneMatchMatches(undefined, etag)).toBe(false);
    expect(ifNoneMatchMatches('"abc12"', etag)).toBe(false);
  });
});

describe("content coding (RFC 9110 §12.5.3)", () => {
  it("takes what browsers send", () => {
    expect(chooseCoding("gzip, deflate, br, zstd")).toBe("br");
    expect(chooseCoding("gzip, deflate")).toBe("gzip");
    expect(chooseCoding(undefined)).toBeNull();
    expect(chooseCoding("identity")).toBeNull();
  });
  it("honours q-values: q=0 refuses a coding, the higher weight wins, br on a tie", () => {
    expect(chooseCoding("br;q=0, gzip")).toBe("gzip");
    expect(chooseCoding("br;q=0")).toBeNull();
    expect(chooseCoding("gzip;q=0, br;q=0")).toBeNull();
    expect(chooseCoding("br;q=0.5, gzip;q=0.8")).toBe("gzip");
    expect(chooseCoding("br;q=0.8, gzip;q=0.8")).toBe("br");
    expect(chooseCoding("*;q=0.1, gzip;q=0")).toBe("br");
    expect(chooseCoding("*;q=0")).toBeNull();
    expect(chooseCoding("gzip;q=1.0")).toBe("gzip");
  });
});

describe("CSV for Excel and WPS", () => {
  it("quotes every value, doubles quotes, keeps formulas as text, and starts with a BOM", async () => {
    const { csvDocument } = await import("@/lib/csv");
    expect(
      csvDocument([
        ["机关", "数值"],
        ['=HYPERLINK("x")', 5],
        ["-1", null],
        ['他说"好"', { a: 1 }],
      ]),
    ).toBe('\uFEFF"机关","数值"\r\n"\'=HYPERLINK(""x"")","5"\r\n"\'-1",""\r\n"他说""好""","{""a"":1}"\r\n');
    expect(csvDocument([["表头"]])).toBe('\uFEFF"表头"\r\n');
  });
});
