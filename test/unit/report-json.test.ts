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
const cellsOf = (file: ReportJson, index: number) => (file.sections[index] as { cells: Record<string, string> }).cells;
const exported = (): ReportJson => structuredClone(toReportJson({ organ, year: 2024, title: "青石镇2024年度政府信息公开工作年度报告", sections: validDraft() }));

describe("nianbao.report/2", () => {
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
    expect(result).toEqual({
      ok: false,
      problems: ['schema：应为 "nianbao.report/2" 或 "nianbao.report/1"（现为 "other/9"）', "年度（year）：应为数字", "标题（title）：缺少此项"],
    });
  });

  it.each<[string, (file: Record<string, unknown> & ReportJson) => void, string]>([
    ["a cell too long", (f) => (cellsOf(f, 2)["newRequests.natural"] = "1".repeat(25)), "表三 一、本年新收政府信息公开申请数量 / 自然人：不能超过 20 个字符（现为 25 个）"],
    ["a cell that is neither text nor number", (f) => ((cellsOf(f, 3) as Record<string, unknown>)["review.upheld"] = true), "表四 行政复议 / 结果维持：应为文字或数字"],
    ["a title that is a number", (f) => ((f as Record<string, unknown>).title = 2024), "标题（title）：应为文字"],
    ["an organ kind unknown", (f) => ((f.organ as Record<string, unknown>).kind = "VILLAGE"), '机关类型（organ.kind）：为 "VILLAGE"，应为 PROVINCE（省）、CITY（市）'],
    ["an organ name missing", (f) => ((f.organ as Record<string, unknown>).name = undefined), "机关名称（organ.name）：缺少此项"],
    ["a year out of range", (f) => (f.year = 1990), "年度（year）：不能小于 2,008"],
    ["a fractional year", (f) => (f.year = 2024.5), "年度（year）：应为整数"],
    [
      "a section key unknown",
      (f) => ((f.sections[4] as Record<string, unknown>).key = "issues"),
      '第 5 部分：key 为 "issues"，应为 intro、overview、proactive、requests、appeals、problems、other 之一',
    ],
    ["narrative text with HTML", (f) => ((f.sections[0] as { text: string }).text = "<b>加粗</b>"), "第 1 部分“一、总体情况”的正文（text）：不接受 HTML 标签，请输入纯文本。"],
    [
      "narrative text too long",
      (f) => ((f.sections[5] as { text: string }).text = "字".repeat(20_001)),
      "第 6 部分“六、其他需要报告的事项”的正文（text）：不能超过 20,000 个字符（现为 20,001 个）",
    ],
    ["a note that is not text", (f) => ((f.sections[1] as Record<string, unknown>).note = ["说明"]), "第 2 部分“二、主动公开政府信息情况”的表格说明（note）：应为文字"],
    [
      "cells that are a list",
      (f) => ((f.sections[3] as Record<string, unknown>).cells = []),
      "第 4 部分“四、政府信息公开行政复议、行政诉讼情况”的单元格（cells，表四）：应为对象（{…}）",
    ],
    ["a section that is not an object", (f) => ((f.sections as unknown[])[2] = "三"), "第 3 部分：应为对象（{…}）"],
    ["a file that is a list", () => undefined, ""],
  ])("names the place in the form's words for %s", (_what, breakIt, message) => {
    const file = exported() as Record<string, unknown> & ReportJson;
    breakIt(file);
    const result = parseReportJson(_what === "a file that is a list" ? [file] : JSON.parse(JSON.stringify(file)));
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(message || "文件：应为一个 JSON 对象");
    expect(problems[0]).not.toMatch(/Invalid|expected|Too big|Too small|Required/i);
  });

  it("refuses an unknown cell, naming the table and what it has", () => {
    const file = exported();
    cellsOf(file, 1)["nonsense.cell"] = "1";
    expect(parseReportJson(file)).toEqual({
      ok: false,
      problems: ["二、主动公开政府信息情况：表二没有单元格“nonsense.cell”（行名应为 regulations、normativeDocuments、licensing、punishment、enforcement、fees 之一）"],
    });
    delete cellsOf(file, 1)["nonsense.cell"];
    cellsOf(file, 2)["disclosed.private"] = "1";
    expect(parseReportJson(file)).toEqual({
      ok: false,
      problems: ["三、收到和处理政府信息公开申请情况：表三 （一）予以公开 没有“private”这一列（应为 natural、commercial、research、social、legal、other、total 之一）"],
    });
  });

  it("reads a 1234567890 or 1,234 in a cell and tells the cell what is wrong", () => {
    const file = exported();
    cellsOf(file, 1)["licensing.decisions"] = 1234567890 as unknown as string;
    cellsOf(file, 1)["punishment.decisions"] = "1,234";
    const result = checkReportFile(file);
    expect(result.ok && result.findings.map((f) => f.message)).toEqual([
      "表二 行政许可 / 本年处理决定数量：数字过长（最多 9 位）（现为“1234567890”）",
      "表二 行政处罚 / 本年处理决定数量：请去掉千位分隔符（现为“1,234”）",
    ]);
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

describe("2019-format items in a file", () => {
  const withOldItems = (year: number) => {
    const file = toReportJson({ organ, year, title: `青石镇${year}年度政府信息公开工作年度报告`, sections: validDraft() });
    (file.sections[5] as { text: string }).text = `${year}年，本机关未收取政府信息公开信息处理费。`;
    Object.assign(cellsOf(file, 1), {
      "regulations.本年新制作数量": "0",
      "normativeDocuments.对外公开总数量": "12",
      "规范性文件.本年新制作数量": "2",
      "licensing.上一年项目数量": "30",
      "其他对外管理服务事项.处理决定数量": "5",
      "政府集中采购.采购总金额": "12.5",
    });
    cellsOf(file, 2)["otherHandling.natural"] = "0";
    return file;
  };

  it("are FORMAT findings naming the 2021 replacement in a report of 2021 or later, never a refusal", () => {
    const result = parseReportJson(withOldItems(2024));
    expect(result.ok).toBe(true);
    const messages = result.ok ? result.findings.map((f) => [f.id, f.message]) : [];
    expect(messages).toEqual([
      [
        "FORMAT",
        "二、主动公开政府信息情况：“regulations.本年新制作数量”是 2019 年格式的项目（表二 规章 / 本年新制作数量），2024 年度报告应使用 2021 年格式：改为“表二 规章 / 本年制发件数”；此项的值“0”未读入",
      ],
      [
        "FORMAT",
        "二、主动公开政府信息情况：“normativeDocuments.对外公开总数量”是 2019 年格式的项目（表二 行政规范性文件 / 对外公开总数量），2024 年度报告应使用 2021 年格式：改为“表二 行政规范性文件 / 现行有效件数”；此项的值“12”未读入",
      ],
      [
        "FORMAT",
        "二、主动公开政府信息情况：“规范性文件.本年新制作数量”是 2019 年格式的项目（表二 规范性文件 / 本年新制作数量），2024 年度报告应使用 2021 年格式：改为“表二 行政规范性文件 / 本年制发件数”；此项的值“2”未读入",
      ],
      [
        "FORMAT",
        "二、主动公开政府信息情况：“licensing.上一年项目数量”是 2019 年格式的项目（表二 行政许可 / 上一年项目数量），2024 年度报告应使用 2021 年格式：2021 年格式已取消此项；此项的值“30”未读入",
      ],
      [
        "FORMAT",
        "二、主动公开政府信息情况：“其他对外管理服务事项.处理决定数量”是 2019 年格式的项目（表二 其他对外管理服务事项 / 处理决定数量），2024 年度报告应使用 2021 年格式：2021 年格式已取消此项；此项的值“5”未读入",
      ],
      [
        "FORMAT",
        "二、主动公开政府信息情况：“政府集中采购.采购总金额”是 2019 年格式的项目（表二 政府集中采购 / 采购总金额），2024 年度报告应使用 2021 年格式：2021 年格式已取消此项；此项的值“12.5”未读入",
      ],
      [
        "FORMAT",
        "三、收到和处理政府信息公开申请情况：“otherHandling.natural”是 2019 年格式的项目（表三 （六）其他处理 / natural（2019 年格式为一行）），2024 年度报告应使用 2021 年格式：改为“（六）其他处理 1.至 3. 三行（otherHandling1–otherHandling3）”；此项的值“0”未读入",
      ],
    ]);
    expect(result.ok && result.findings[0]!.cells).toEqual([{ table: 2, cell: "regulations.made" }]);
  });

  it("in a report of 2019 or 2020 are no finding, and are listed as not read", () => {
    const result = checkReportFile(withOldItems(2020));
    expect(result.ok && result.findings.filter((f) => f.id === "FORMAT")).toEqual([]);
    expect(result.ok && result.notes).toHaveLength(7);
    expect(result.ok && result.notes[5]).toBe(
      "二、主动公开政府信息情况：“政府集中采购.采购总金额”是 2019 年格式的项目（表二 政府集中采购 / 采购总金额），本系统按 2021 年格式保存报告，此项的值“12.5”未读入（2021 年格式无对应项目）",
    );
  });
});

describe("npm run report:check", () => {
  /** Runs the command on files written to a temporary folder: `files` maps a name to its content. */
  async function runCheck(files: Record<string, ReportJson | string>, args: (paths: Record<string, string>) => string[]) {
    const dir = await mkdtemp(path.join(os.tmpdir(), "nianbao-check-"));
    const paths: Record<string, string> = {};
    for (const [name, content] of Object.entries(files)) {
      paths[name] = path.join(dir, name);
      await writeFile(paths[name], typeof content === "string" ? content : JSON.stringify(content));
    }
    return run("npm", ["run", "--silent", "report:check", "--", ...args(paths)]).then(
      ({ stdout }) => ({ code: 0, out: stdout }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, out: error.stdout + error.stderr }),
    );
  }
  const check = (file: ReportJson | string) => runCheck({ "report.json": file }, (p) => [p["report.json"]!]);

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
    expect(out).toContain("提醒 [YEAR] 报告标题“t”中没有年份");
  });

  it("exits 2, checking nothing, for a file that is not JSON or not a report, and for wrong arguments", async () => {
    const notJson = await check("{ not json");
    expect(notJson).toEqual({ code: 2, out: expect.stringContaining("不是有效的 JSON") });
    const notReport = await check(JSON.stringify({ hello: 1 }));
    expect(notReport.code).toBe(2);
    expect(notReport.out).toContain("不符合报告文件格式");
    expect(notReport.out).toContain('schema：应为 "nianbao.report/2" 或 "nianbao.report/1"');
    const usage = await runCheck({}, () => ["--frobnicate"]);
    expect(usage.code).toBe(2);
    expect(usage.out).toContain("用法：npm run report:check -- 报告.json [--previous 上一年度报告.json] [--json]");
  });

  it("with --previous, runs the rules that compare two years: CARRYOVER, T2-CONTINUITY, SECTION5 and COPY", async () => {
    const last = validDraft();
    setCell(last, "requests", "carriedOut.natural", "2");
    setCell(last, "requests", "unavailable1.natural", "0");
    setCell(last, "proactive", "normativeDocuments.current", "5");
    const previous = toReportJson({ organ, year: 2023, title: "青石镇2023年度政府信息公开工作年度报告", sections: last });
    const files = { "2024.json": exported(), "2023.json": previous };
    const { code, out } = await runCheck(files, (p) => [p["2024.json"]!, "--previous", p["2023.json"]!]);
    expect(code).toBe(0);
    expect(out).toContain("提醒 [CARRYOVER] 表三 自然人列：二、上年结转为 1，但上一年度报告的四、结转下年度继续办理为 2");
    expect(out).toContain("提醒 [T2-CONTINUITY] 表二 行政规范性文件：现行有效件数为 0，但上一年度报告的现行有效件数 5 + 本年制发 0 − 本年废止 0 = 5");
    expect(out).toContain("提醒 [SECTION5] 五、存在的主要问题及改进情况：与上一年度报告基本相同");
    expect(out).toContain("提醒 [COPY] 一、总体情况：与上一年度报告的相似度为 100%");
    expect(out).toContain("已与上一年度报告");
    // Without it, none of them.
    expect((await runCheck(files, (p) => [p["2024.json"]!])).out).not.toMatch(/CARRYOVER|T2-CONTINUITY|SECTION5|COPY/);
  });

  it("refuses a previous file of another year or organ", async () => {
    const other = toReportJson({ organ, year: 2022, title: "青石镇2022年度政府信息公开工作年度报告", sections: validDraft() });
    const { code, out } = await runCheck({ "a.json": exported(), "b.json": other }, (p) => [p["a.json"]!, "--previous", p["b.json"]!]);
    expect(code).toBe(2);
    expect(out).toContain("上一年度报告文件是 2022 年度的报告，应为 2023 年度");
  });

  it("with --json, prints the findings with ids, cells and the offsets of the words for other tools", async () => {
    const sections = validDraft();
    sections.overview = { kind: "narrative", text: "（二）依申请公开\n本年度共收到政府信息公开申请６件，均已答复。" };
    setCell(sections, "requests", "carriedOut.natural", "0");
    const file = toReportJson({ organ, year: 2024, title: "青石镇2024年度政府信息公开工作年度报告", sections });
    const { code, out } = await runCheck({ "report.json": file }, (p) => [p["report.json"]!, "--json"]);
    expect(code).toBe(1);
    const report = JSON.parse(out);
    expect(report).toMatchObject({ ok: true, errors: 2, warnings: 1, notes: [] });
    const narrative = report.findings.find((f: { id: string }) => f.id === "NARRATIVE");
    expect(narrative).toEqual({
      id: "NARRATIVE",
      severity: "warning",
      section: "overview",
      sectionTitle: "一、总体情况",
      message: "一、总体情况：文中写“共收到政府信息公开申请６件”，但表三 一、本年新收政府信息公开申请数量 总计为 5",
      cells: [{ table: 3, cell: "newRequests.total", label: "表三 一、本年新收政府信息公开申请数量 / 总计" }],
      field: "text",
      quote: { start: 12, end: 25, text: "共收到政府信息公开申请６件" },
      sentence: { start: 9, end: 31, text: "本年度共收到政府信息公开申请６件，均已答复。" },
    });
    expect(report.findings.filter((f: { id: string }) => f.id === "T3-BALANCE")).toHaveLength(2);
    const refused = JSON.parse((await runCheck({ "report.json": "[]" }, (p) => ["--json", p["report.json"]!])).out);
    expect(refused).toEqual({ file: expect.any(String), ok: false, problems: ["文件：应为一个 JSON 对象（{…}）"] });
  });
});
