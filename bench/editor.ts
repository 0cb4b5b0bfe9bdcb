// npm run bench:editor — how long a fresh browser takes until the section editor's fields can
// be typed into, and how much JavaScript it downloads. Method: the real app (npm start's path,
// on a throwaway embedded database; needs a build: npm run build), one signed-in 撰稿人, and
// Debian's Chromium; each load is a new browser context (empty cache, like a first visit),
// timed by the page itself from navigation start (a script run before the page's own): until
// the frame in which the field is first painted taking input
// (is not read-only; what is typed before React takes the field over is kept, see
// components/report/early-input.ts), and until React has taken it over (hydrated: checks,
// keyboard grid and autosave live). The server is warmed first.
import { chromium } from "@playwright/test";
import { startApp } from "./app-server";
import { signIn } from "./http-session";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../scripts/chromium";
import { summarise } from "./percentiles";

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const PASSWORD = "bench-password-2026";
// The narrative editor and the biggest table (table 3): the field each waits for.
const SECTIONS = [
  { key: "overview", field: "#narrative" },
  { key: "requests", field: "#table-note" },
] as const;

const { base, stop } = await startApp();
try {
  const { createOrgan } = await import("@/lib/organs/save-organ");
  const { createUser } = await import("@/lib/users/create-user");
  const { createReport } = await import("@/lib/reports/create-report");
  const { db } = await import("@/lib/db/client");
  const admin = { id: "bench", displayName: "bench", isPlatformAdmin: true, memberships: [] };
  const organ = await createOrgan({
    actor: admin,
    clientAddress: null,
    input: { name: "编辑压测镇", shortName: "编辑", kind: "TOWNSHIP", code: "BENCHEDIT", parentId: null, deadlineMonth: 1, deadlineDay: 31 },
  });
  const user = await createUser({ actor: admin, organId: organ.id, username: "bench.editor", displayName: "压测", password: PASSWORD, roles: ["AUTHOR"], clientAddress: null });
  await db().user.update({ where: { id: user.id }, data: { mustChangePassword: false } });
  const author = { id: user.id, displayName: "压测", isPlatformAdmin: false, memberships: [{ organId: organ.id, role: "AUTHOR" as const }] };
  const report = await createReport({ actor: author, organId: organ.id, year: 2025, clientAddress: null });
  await db().$disconnect();
  const [name, value] = (await signIn(base, "bench.editor", PASSWORD)).split("=") as [string, string];

  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    for (const section of SECTIONS) {
      const url = `${base}/reports/${report.id}/sections/${section.key}`;
      const times: number[] = [];
      const hydration: number[] = [];
      const firstByte: number[] = [];
      let js = { files: 0, transferred: 0, decoded: 0 };
      for (let run = -2; run < RUNS; run++) {
        const context = await browser.newContext();
        await context.addCookies([{ name, value, url: base }]);
        const page = await context.newPage();
        const scripts: Array<Promise<{ transferred: number; decoded: number }>> = [];
        page.on("requestfinished", (request) => {
          if (request.resourceType() !== "script") return;
          scripts.push(
            Promise.all([request.sizes(), request.response().then((r) => r?.body())]).then(([sizes, body]) => ({
              transferred: sizes.responseBodySize,
              decoded: body?.byteLength ?? 0,
            })),
          );
        });
        // Recorded by the page itself from its first byte on: the frame in which the field was
        // first painted taking input, and the first frame after React had taken it over.
        // (A string: tsx would wrap named functions in a helper the page does not have.)
        await page.addInitScript(`(() => {
          const selector = ${JSON.stringify(section.field)};
          const marks = (window.__bench = {});
          const look = () => {
            const field = document.querySelector(selector);
            if (field && !field.readOnly && marks.editable === undefined) requestAnimationFrame(() => (marks.editable ??= performance.now()));
            if (field && Object.keys(field).some((k) => k.startsWith("__reactFiber$"))) marks.hydrated ??= performance.now();
            if (marks.hydrated === undefined) requestAnimationFrame(look);
          };
          new MutationObserver((_, observer) => {
            if (!document.querySelector(selector)) return;
            observer.disconnect();
            look();
          }).observe(document, { childList: true, subtree: true });
        })();`);
        await page.goto(url, { waitUntil: "commit" });
        const marks = await page.waitForFunction(
          () => {
            const m = (window as unknown as { __bench?: { editable?: number; hydrated?: number } }).__bench;
            const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
            return m?.editable !== undefined && m.hydrated !== undefined && nav ? { ...m, firstByte: nav.responseStart } : false;
          },
          undefined,
          { polling: 50, timeout: 30_000 },
        );
        const { editable, hydrated, firstByte: ttfb } = (await marks.jsonValue()) as { editable: number; hydrated: number; firstByte: number };
        await page.waitForLoadState("load");
        const sizes = await Promise.all(scripts);
        js = { files: sizes.length, transferred: sizes.reduce((a, s) => a + s.transferred, 0), decoded: sizes.reduce((a, s) => a + s.decoded, 0) };
        if (run >= 0) {
          // the first two warm the server
          times.push(editable);
          firstByte.push(ttfb);
          hydration.push(hydrated);
        }
        await context.close();
      }
      const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
      console.log(`Section editor (${section.key}), ${RUNS} fresh browser contexts, from navigation start:`);
      console.log("  first byte of the page:     ", JSON.stringify(summarise(firstByte)));
      console.log("  field takes input (kept):   ", JSON.stringify(summarise(times)));
      console.log("  React has taken it over:    ", JSON.stringify(summarise(hydration)));
      console.log(`  JavaScript: ${js.files} files, ${kb(js.transferred)} transferred, ${kb(js.decoded)} uncompressed`);
    }
  } finally {
    await browser.close();
  }
} finally {
  await stop();
}
process.exit(0);
