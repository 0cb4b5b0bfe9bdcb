// The public listings' paging and the home page's organ tree (lib/publish/listings.ts), and how
// the pages show them (components/public/listing-pages.tsx).
import { describe, expect, it } from "vitest";
import { containsPattern, MAX_PAGE, pageWithin, readPageNumber, topOrgans } from "@/lib/publish/listings";
import { renderHomePage, renderOrganPage } from "@/lib/publish/render-pages";

describe("public listings", () => {
  it("reads a page number from the address, page 1 for anything else", () => {
    expect(readPageNumber("3")).toBe(3);
    for (const text of [null, undefined, "", "0", "-2", "1.5", "abc", "12345", " "]) expect(readPageNumber(text)).toBe(1);
    expect(readPageNumber("9999")).toBe(MAX_PAGE);
  });

  it("keeps a page within the pages there are", () => {
    expect(pageWithin(0, 50, 1)).toEqual({ page: 1, pages: 1, offset: 0 });
    expect(pageWithin(120, 50, 2)).toEqual({ page: 2, pages: 3, offset: 50 });
    expect(pageWithin(120, 50, 9)).toEqual({ page: 3, pages: 3, offset: 100 });
    expect(pageWithin(100, 50, 2)).toEqual({ page: 2, pages: 2, offset: 50 });
  });

  it("takes a search's LIKE wildcards literally", () => {
    expect(containsPattern("镇")).toBe("%镇%");
    expect(containsPattern("50%_a\\b")).toBe("%50\\%\\_a\\\\b%");
  });

  it("groups the home page's organs under the top ones, the first few of each", () => {
    const rows = [
      { code: "A", name: "甲市", children: 3, parentCode: null },
      { code: "A1", name: "甲一县", children: 0, parentCode: "A" },
      { code: "A2", name: "甲二县", children: 7, parentCode: "A" },
      { code: "A3", name: "甲三县", children: 0, parentCode: "A" },
      { code: "B", name: "乙市", children: 0, parentCode: null },
    ];
    expect(topOrgans(rows, 2)).toEqual([
      {
        code: "A",
        name: "甲市",
        children: 3,
        below: [
          { code: "A1", name: "甲一县", children: 0 },
          { code: "A2", name: "甲二县", children: 7 },
        ],
      },
      { code: "B", name: "乙市", children: 0, below: [] },
    ]);
  });

  it("links the rest of an organ's list from the home page, and pages search results and organs below", () => {
    const home = renderHomePage(
      {
        organs: { top: [{ code: "A", name: "甲市", children: 40, below: [{ code: "A1", name: "甲一县", children: 12 }] }], more: 3 },
        latest: [],
        results: { items: [], total: 120, page: 2, pages: 3 },
        query: { q: "镇", year: "2024" },
      },
      "hans",
    );
    expect(home).toContain('<a href="/gk/A1">甲一县</a><span>（下级机关 12 个）</span>');
    expect(home).toContain('<a href="/gk/A">查看甲市的全部 40 个下级机关</a>');
    expect(home).toContain("另有 3 个机关，请按名称搜索。");
    expect(home).toContain("搜索结果（共 120 份）");
    expect(home).toContain(`<a href="/gk?q=${encodeURIComponent("镇")}&amp;year=2024">上一页</a>`);
    expect(home).toContain(`<a href="/gk?q=${encodeURIComponent("镇")}&amp;year=2024&amp;page=3">下一页</a>`);

    const organ = renderOrganPage(
      {
        organ: { name: "甲一县", code: "A1" },
        above: [{ code: "A", name: "甲市" }],
        reports: [],
        below: { items: [{ code: "A1X", name: "某镇", children: 0 }], total: 101, page: 1, pages: 2 },
      },
      "hant",
    );
    expect(organ).toContain('<a href="/gk/A/hant">甲市</a>');
    expect(organ).toContain('<a href="/gk/A1X/hant">某镇</a>');
    expect(organ).toContain('<a href="/gk/A1/hant?page=2">下一页</a>');
    expect(organ).not.toContain("上一页");
  });
});
