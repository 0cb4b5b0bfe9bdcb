// npm test: the whole suite. A type check of everything (benchmarks and scripts
// included), the lint, unit and database tests (vitest, on a throwaway
// embedded PostgreSQL), a fresh production build, then the browser tests
// (Playwright in Debian's Chromium, against `npm start` on its own throwaway
// database). Ends with one line "N passed, N failed" over everything.
import { spawn } from "node:child_process";
import { mkdtemp, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

const bin = (name: string) => path.join(process.cwd(), "node_modules", ".bin", name);

function run(command: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
    child.once("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

type Counts = { passed: number; failed: number; skipped: number };

async function vitestCounts(file: string): Promise<Counts> {
  const report = JSON.parse(await readFile(file, "utf8")) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  return { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + report.numTodoTests };
}

async function playwrightCounts(file: string): Promise<Counts> {
  const report = JSON.parse(await readFile(file, "utf8")) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
  return { passed: report.stats.expected, failed: report.stats.unexpected + report.stats.flaky, skipped: report.stats.skipped };
}

const reports = await mkdtemp(path.join(os.tmpdir(), "nianbao-test-reports-"));
const totals: Counts = { passed: 0, failed: 0, skipped: 0 };
const add = (c: Counts) => {
  totals.passed += c.passed;
  totals.failed += c.failed;
  totals.skipped += c.skipped;
};
let failedStep: string | null = null;

const typecheck = await run(bin("tsc"), ["--noEmit"]);
if (typecheck !== 0) {
  console.error("\n[test] Failed at: type check");
  console.log("\n0 passed, 1 failed");
  process.exit(1);
}

// The layering and the style stay true: ESLint (Next's and TypeScript's rules, no import cycles in lib/) and Prettier.
const lint = await run("npm", ["run", "--silent", "lint"]);
if (lint !== 0) {
  console.error("\n[test] Failed at: lint (npm run lint; npm run format fixes what it can)");
  console.log("\n0 passed, 1 failed");
  process.exit(1);
}

// DATABASE_URL is cleared so that no test ever writes into a configured database.
const vitestJson = path.join(reports, "vitest.json");
const unit = await run(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`], { DATABASE_URL: "" });
await vitestCounts(vitestJson).then(add, () => undefined);
if (unit !== 0) failedStep = "unit and database tests";

if (!failedStep) {
  console.log("\n[test] Building the app for the browser tests…");
  const build = await run("npm", ["run", "build"]);
  if (build !== 0) failedStep = "next build";
}

if (!failedStep) {
  const playwrightJson = path.join(reports, "playwright.json");
  const e2e = await run(bin("playwright"), ["test", "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson, DATABASE_URL: "" });
  await playwrightCounts(playwrightJson).then(add, () => undefined);
  if (e2e !== 0) failedStep = "browser tests";
}

if (failedStep) console.error(`\n[test] Failed at: ${failedStep}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`);
process.exit(failedStep || totals.failed > 0 ? 1 : 0);
