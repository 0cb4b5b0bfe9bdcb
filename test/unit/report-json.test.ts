import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { checkReportFile } from "@/lib/report-files/check-report-file";
import { withComputedTotals } from "@/lib/report-format/cells";
import { parseReportJson, toReportJson, type ReportJson } from "@/lib/report-files/report-json";
import { setCell, validDraft } from "./report-fixtures";

const run = promisify(execFile);
const organ = { name: "青石镇", code: "001008004005001", kind: "TOWNSHIP" as const };
const exported = () => toReportJson({ organ, year: 2024, title: "青石镇2024年度政府信息公开工作年度报告", sections: validDraft() });

describe("nianbao.report/1", () => {
  it("exports every cell of the form with totals, and reads back to the same report", () => {
    const file = exported();
    const requests = file.sections[2] as { cells: Record<string, string> };
    expect(requests.cells["newRequests.total"]).toBe("5");
    expect(requests.cells["resultsTotal.natural"]).toBe("5");
    const back = parseReportJson(JSON.parse(JSON.stringify(file)));
    expect(back.ok && back.sections).toEqual(withComputedTotals(validDraft()));
    expect(back.ok && back.findings).toEqual([]);
  });

  it("reports structure problems in Chinese with their place", () => {
    const result = parseReportJson({ schema: "other/9", organ, year: "2024", sections: [] });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toContain('schema：schema 应为 "nianbao.report/1"');
      expect(result.problems.some((p) => p.startsWith("year："))).toBe(true);
    }
  });

  it("refuses unknown cells, and names a 2019-format item as a FORMAT error", () => {
    const file = exported();
    (file.sections[1] as { cells: Record<string, string> }).cells["regulations.本年新制作数量"] = "1";
    const result = parseReportJson(file);
    expect(result.ok && result.findings.map((f) => f.id)).toEqual(["FORMAT"]);
    (file.sections[1] as { cells: Record<string, string> }).cells["nonsense.cell"] = "1";
    expect(parseReportJson(file)).toEqual({ ok: false, problems: ["sections.1.cells：未知单元格“nonsense.cell”"] });
  });

  it("flags a missing, misplaced or misnamed section as SECTIONS", () => {
    const file = exported();
    const [overview, proactive, ...rest] = file.sections;
    file.sections = [proactive!, overview!, ...rest.slice(0, -1)];
    file.sections[2]!.title = "三、依申请公开情况";
    const result = parseReportJson(file);
    expect(result.ok && result.findings.map((f) => f.message)).toEqual([
      "二、主动公开政府信息情况：位置不对，应为第 2 部分",
      "一、总体情况：位置不对，应为第 1 部分",
      "第 3 部分标题为“三、依申请公开情况”，应为“三、收到和处理政府信息公开申请情况”",
      "缺少“六、其他需要报告的事项”",
    ]);
  });

  it("checks printed totals in a file, which the editor would compute", () => {
    const file = exported();
    (file.sections[2] as { cells: Record<string, string> }).cells["disclosed.total"] = "9";
    const result = checkReportFile(file);
    // The 总计 column then also fails its own （七） sum.
    expect(result.ok && result.findings.map((f) => f.id)).toEqual(["T3-RESULTS", "T3-ROWTOTAL"]);
  });
});

describe("npm run report:check", () => {
  async function check(file: ReportJson | string) {
    const dir = await mkdtemp(path.join(os.tmpdir(), "nianbao-check-"));
    const target = path.join(dir, "report.json");
    await writeFile(target, typeof file === "string" ? file : JSON.stringify(file));
    return run("npm", ["run", "--silent", "report:check", "--", target]).then(
      ({ stdout }) => ({ code: 0, out: stdout }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, out: error.stdout + error.stderr }),
    );
  }

  it("exits 0 for a clean report and says so", async () => {
    const { code, out } = await check(exported());
    expect(code).toBe(0);
    expect(out).toContain("0 个错误，0 个提醒");
  });

  it("prints every finding and exits 1 when there is an error", async () => {
    const sections = setCell(validDraft(), "requests", "carriedOut.natural", "0");
    setCell(sections, "proactive", "regulations.made", "1");
    const { code, out } = await check(toReportJson({ organ, year: 2024, title: "t", sections }));
    expect(code).toBe(1);
    expect(out).toContain("错误 [T3-BALANCE] 表三 自然人列：一+二=6，（七）总计+四=5，两者应相等");
    expect(out).toContain("提醒 [REGULATION]");
  });

  it("refuses a file that is not JSON or not a report", async () => {
    expect((await check("{ not json")).out).toContain("不是有效的 JSON");
    const notReport = await check(JSON.stringify({ hello: 1 }));
    expect(notReport.code).toBe(1);
    expect(notReport.out).toContain("不符合报告文件格式");
  });
});
