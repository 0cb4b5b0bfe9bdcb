// npm run report:check -- FILE.json [--previous LAST_YEAR.json] [--json]: every finding of the
// checks for a report file (schema nianbao.report/2 or /1), with last year's file the cross-year rules
// too. Exit codes (docs/report-json.md): 0 no error, 1 at least one error, 2 nothing checked
// (wrong arguments, a file unreadable, not JSON or not a report file).
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { checkReportFile } from "@/lib/report-files/check-report-file";
import type { Finding } from "@/lib/report-format/checks";
import { cellLabel, SECTION_TABLE, SECTION_TITLES } from "@/lib/report-format/format";

const USAGE = "用法：npm run report:check -- 报告.json [--previous 上一年度报告.json] [--json]";

// Read before the arguments are, so that even a wrong argument is answered in the format asked for.
const asJson = process.argv.slice(2).includes("--json");
const parse = () => parseArgs({ allowPositionals: true, options: { previous: { type: "string" }, json: { type: "boolean" } } });
let args: ReturnType<typeof parse>;
try {
  args = parse();
} catch (error) {
  stop([(error as Error).message, USAGE]);
}
const [file, ...extra] = args.positionals;
if (!file || extra.length) stop([USAGE]);

/** Nothing could be checked: says why and exits 2. */
function stop(problems: string[], target?: string): never {
  if (asJson) console.log(JSON.stringify({ file: target ?? null, ok: false, problems }, null, 2));
  else {
    if (target) console.error(`${target} 不符合报告文件格式：`);
    for (const problem of problems) console.error(target ? `  - ${problem}` : problem);
  }
  process.exit(2);
}

async function load(path: string): Promise<unknown> {
  let content: string;
  try {
    content = new TextDecoder("utf-8", { fatal: true }).decode(await readFile(path));
  } catch (error) {
    stop([`无法读取 ${path}：${error instanceof TypeError ? "不是 UTF-8 编码的文字" : (error as Error).message}`]);
  }
  try {
    return JSON.parse(content);
  } catch {
    stop([`无法读取 ${path}：不是有效的 JSON`]);
  }
}

const raw = await load(file!);
const previousPath = args.values.previous;
const result = checkReportFile(raw, previousPath === undefined ? {} : { previous: await load(previousPath) });
if (!result.ok) stop(result.problems, file);

const findings = result.findings;
const errors = findings.filter((f) => f.severity === "error").length;
if (asJson) {
  const sections = (raw as { sections: Array<{ key: string; text?: string; note?: string }> }).sections;
  const words = (f: Finding, span: { start: number; end: number } | undefined) => {
    if (!span) return null;
    const section = sections.find((s) => s.key === f.section);
    const body = section?.text ?? section?.note ?? "";
    return { start: span.start, end: span.end, text: body.slice(span.start, span.end) };
  };
  const out = {
    file,
    previous: previousPath ?? null,
    ok: true,
    errors,
    warnings: findings.length - errors,
    findings: findings.map((f) => ({
      id: f.id,
      severity: f.severity,
      section: f.section,
      sectionTitle: SECTION_TITLES[f.section],
      message: f.message,
      cells: f.cells.map((c) => ({ table: c.table, cell: c.cell, label: cellLabel(c.table, c.cell) })),
      ...(f.quote ? { field: SECTION_TABLE[f.section] ? "note" : "text", quote: words(f, f.quote), sentence: words(f, f.sentence) } : {}),
    })),
    notes: result.notes,
  };
  console.log(JSON.stringify(out, null, 2));
} else {
  for (const f of findings) console.log(`${f.severity === "error" ? "错误" : "提醒"} [${f.id}] ${f.message}`);
  for (const note of result.notes) console.log(`说明 ${note}`);
  console.log(`\n${file}：${errors} 个错误，${findings.length - errors} 个提醒${previousPath ? `（已与上一年度报告 ${previousPath} 对照）` : ""}。`);
}
process.exit(errors ? 1 : 0);
