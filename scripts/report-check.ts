// npm run report:check -- FILE.json: prints every finding of the checks for a
// report file (schema nianbao.report/1) and exits 1 when there is any error.
import { readFile } from "node:fs/promises";
import { checkReportFile } from "@/lib/report-files/check-report-file";

const file = process.argv[2];
if (!file) {
  console.error("用法：npm run report:check -- 报告.json");
  process.exit(2);
}
let raw: unknown;
try {
  raw = JSON.parse(await readFile(file, "utf8"));
} catch (error) {
  console.error(`无法读取 ${file}：${error instanceof SyntaxError ? "不是有效的 JSON" : (error as Error).message}`);
  process.exit(2);
}
const result = checkReportFile(raw);
if (!result.ok) {
  console.error(`${file} 不符合报告文件格式：`);
  for (const problem of result.problems) console.error(`  - ${problem}`);
  process.exit(1);
}
const errors = result.findings.filter((f) => f.severity === "error");
for (const f of result.findings) console.log(`${f.severity === "error" ? "错误" : "提醒"} [${f.id}] ${f.message}`);
console.log(`\n${file}：${errors.length} 个错误，${result.findings.length - errors.length} 个提醒。`);
process.exit(errors.length ? 1 : 0);
