// npm run bench:checks — the cost of the in-browser checks per keystroke on a
// full table 3: the checks module bundled with esbuild and run inside Debian's
// Chromium (as the editor runs it), and the same in Node for comparison.
import { build } from "esbuild";
import path from "node:path";
import { chromium } from "@playwright/test";
import { summarise } from "./percentiles";

const ITERATIONS = 2_000;
const entry = path.join(import.meta.dirname, "checks-workload.ts");

async function inNode() {
  const { runKeystrokes } = await import("./checks-workload");
  return runKeystrokes(ITERATIONS);
}

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
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
  try {
    const page = await browser.newPage();
    await page.setContent("<!doctype html><title>bench</title>");
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
    return await page.evaluate((n) => (window as unknown as { workload: { runKeystrokes(n: number): number[] } }).workload.runKeystrokes(n), ITERATIONS);
  } finally {
    await browser.close();
  }
}

console.log(`In-browser checks of a full report (table 3 filled, all six sections), one run per keystroke, ${ITERATIONS} keystrokes:`);
console.log("  Chromium:", summarise(await inChromium()));
console.log("  Node:    ", JSON.stringify(summarise(await inNode())));
