// npm run bench:checks — the cost of the in-browser checks per keystroke on a full report: the
// checks module bundled with esbuild and run inside Debian's Chromium (as the editor runs it), and
// the same in Node for comparison. Workloads: a table-3 cell typed into the report of the first
// measurements (table 3 filled, a short narrative repeated), and a character typed into an
// overview of about 18,000 characters full of figures — at the end of a paragraph, inside one
// text without line breaks (read whole on every keystroke), and the same in 繁體.
import { build } from "esbuild";
import path from "node:path";
import * as OpenCC from "opencc-js";
import { chromium } from "@playwright/test";
import { longNarrative } from "./checks-workload";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../scripts/chromium";
import { summarise } from "./percentiles";

const ITERATIONS = 2_000;
const NARRATIVE_ITERATIONS = 500;
const entry = path.join(import.meta.dirname, "checks-workload.ts");
const toTraditional = OpenCC.Converter({ from: "cn", to: "tw" });

type Workload = { name: string; run: { kind: "table"; count: number } | { kind: "narrative"; count: number; text: string } };
const WORKLOADS: Workload[] = [
  { name: "table 3 cell, short narrative", run: { kind: "table", count: ITERATIONS } },
  { name: "narrative, 18,000 characters in paragraphs", run: { kind: "narrative", count: NARRATIVE_ITERATIONS, text: longNarrative("paragraphs") } },
  { name: "narrative, 18,000 characters in one paragraph", run: { kind: "narrative", count: NARRATIVE_ITERATIONS, text: longNarrative("one paragraph") } },
  { name: "narrative in 繁體, in paragraphs", run: { kind: "narrative", count: NARRATIVE_ITERATIONS, text: toTraditional(longNarrative("paragraphs")) } },
  { name: "narrative in 繁體, one paragraph", run: { kind: "narrative", count: NARRATIVE_ITERATIONS, text: toTraditional(longNarrative("one paragraph")) } },
];

type Api = { runKeystrokes(n: number): number[]; runNarrativeKeystrokes(n: number, text: string): number[] };
const runOn = (api: Api, run: Workload["run"]) => (run.kind === "table" ? api.runKeystrokes(run.count) : api.runNarrativeKeystrokes(run.count, run.text));

async function inChromium() {
  const bundle = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: "iife",
    globalName: "workload",
    platform: "browser",
    alias: { "@": path.join(import.meta.dirname, "..") },
    minify: true,
  });
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage();
    await page.setContent("<!doctype html><title>bench</title>");
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
    const results: Array<[string, ReturnType<typeof summarise>]> = [];
    for (const { name, run } of WORKLOADS) {
      const durations = await page.evaluate((r) => {
        const api = (window as unknown as { workload: Api }).workload;
        return r.kind === "table" ? api.runKeystrokes(r.count) : api.runNarrativeKeystrokes(r.count, r.text);
      }, run);
      results.push([name, summarise(durations)]);
    }
    return { results, bundleBytes: bundle.outputFiles[0]!.contents.length };
  } finally {
    await browser.close();
  }
}

console.log("In-browser checks of a full report, one run of every check per keystroke:");
const chromiumRun = await inChromium();
console.log(`  Chromium (checks bundle ${Math.round(chromiumRun.bundleBytes / 1024)} KiB minified):`);
for (const [name, summary] of chromiumRun.results) console.log(`    ${name.padEnd(48)} ${JSON.stringify(summary)}`);
const api = (await import("./checks-workload")) as Api;
console.log("  Node:");
for (const { name, run } of WORKLOADS) console.log(`    ${name.padEnd(48)} ${JSON.stringify(summarise(runOn(api, run)))}`);
