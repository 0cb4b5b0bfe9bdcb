// npm run bench:scale — the pages of bench/scale-pages.ts at the size of a city (50 organs)
// and of a province (5,000), in a throwaway database (npm start's path on an embedded
// PostgreSQL; needs a build: npm run build). The province is written by SQL (bench/province.ts):
// an organ tree, and three published years per organ. One organ's report goes through the
// whole pipeline first: its snapshot is what every other publication copies, and its pages are
// the public report page measured. Each page is asked for REQUESTS times in a row, as a
// browser asks (brotli or gzip accepted), over loopback: the times are the client's, an upper
// bound of the server's. "Cache miss" pages have every instance drop its public page cache
// first (the NOTIFY that publishing sends), so each request renders; pages marked with a progress
// change have it announced first (the NOTIFY PostgreSQL's triggers send), so that the dashboard or
// 汇总 reads again what a real change would make it read. Last, how long a cached
// report page takes while cold searches run, the cost the event loop used to pass on.
import http from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import pg from "pg";
import { toReportJson } from "@/lib/report-files/report-json";
import { validDraft } from "../test/unit/report-fixtures";
import { startApp } from "./app-server";
import { signIn } from "./http-session";
import { summarise } from "./percentiles";
import { growProvince, organId } from "./province";
import { PAGES, type PageToMeasure, type ScaleContext } from "./scale-pages";

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 30);
const SIZES = (process.env.BENCH_SIZES ?? "50,5000").split(",").map(Number);
/** Only the pages whose name matches this regular expression (all when unset), e.g. BENCH_PAGES='open data|汇总'. */
const pages = PAGES.filter((page) => new RegExp(process.env.BENCH_PAGES ?? "").test(page.name));
const YEARS = [2022, 2023, 2024];
const PASSWORD = "bench-password-2026";

// The benchmark's client asks many searches from one address.
process.env.PUBLIC_SEARCH_PER_MINUTE = "1000000";
const { base, stop } = await startApp();
const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });

/**
 * One GET: time to the last byte, and what was sent. The body is decompressed only when its size
 * is asked for (`html()`), after the timing and off the next request's: decompressing a 5 MB file
 * after each request made this client's own garbage collection land in the following requests' times.
 */
function get(path: string, cookie?: string): Promise<{ ms: number; status: number; sent: number; html: () => number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const request = http.get(`${base}${path}`, { agent, headers: { "accept-encoding": "br, gzip", ...(cookie ? { cookie } : {}) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const ms = performance.now() - started;
        const coding = res.headers["content-encoding"];
        const sent = chunks.reduce((sum, c) => sum + c.byteLength, 0);
        const html = () => {
          const body = Buffer.concat(chunks);
          return (coding === "br" ? brotliDecompressSync(body) : coding === "gzip" ? gunzipSync(body) : body).byteLength;
        };
        resolve({ ms, status: res.statusCode!, sent, html });
      });
    });
    request.on("error", reject);
  });
}

try {
  const superuser = process.env.DATABASE_URL!;
  /** One statement on its own connection, then a pause: what it announces is delivered within a few milliseconds. */
  const announce = async (text: string, values: unknown[]) => {
    const client = new pg.Client({ connectionString: superuser });
    await client.connect();
    await client.query(text, values);
    await client.end();
    await new Promise((r) => setTimeout(r, 30));
  };
  const notify = (change: object, channel = "nianbao_public_changes") => announce("SELECT pg_notify($1, $2)", [channel, JSON.stringify(change)]);

  const { createOrgan } = await import("@/lib/organs/save-organ");
  const { createUser } = await import("@/lib/users/create-user");
  const { createReport } = await import("@/lib/reports/create-report");
  const { importReport } = await import("@/lib/reports/import-report");
  const { submitReport } = await import("@/lib/reports/submit-report");
  const { decideStage } = await import("@/lib/reports/decide-stage");
  const { publishReport } = await import("@/lib/publish/publish-report");
  const { db } = await import("@/lib/db/client");
  const admin = { id: "bench", displayName: "bench", isPlatformAdmin: true, memberships: [] };

  // The province's upper levels, then one organ published through the whole pipeline.
  await growProvince(superuser, 16, { years: [], snapshot: null, publisherId: "" });
  const sample = { name: "压测样本镇", code: "BSAMPLE" };
  const organ = await createOrgan({
    actor: admin,
    clientAddress: null,
    input: { name: sample.name, shortName: "样本", kind: "TOWNSHIP", code: sample.code, parentId: await organId(superuser, 15), deadlineMonth: 1, deadlineDay: 31 },
  });
  type Role = "AUTHOR" | "FIRST_REVIEWER" | "SECOND_REVIEWER" | "FINAL_REVIEWER" | "PUBLISHER" | "SUPERVISOR";
  const person = async (role: Role, organIdOf = organ.id) => {
    const username = `scale.${role.toLowerCase()}`;
    const user = await createUser({ actor: admin, organId: organIdOf, username, displayName: role, password: PASSWORD, roles: [role], clientAddress: null });
    await db().user.update({ where: { id: user.id }, data: { mustChangePassword: false } });
    return { username, actor: { id: user.id, displayName: role, isPlatformAdmin: false, memberships: [{ organId: organIdOf, role }] } };
  };
  const author = await person("AUTHOR");
  const reviewers = [await person("FIRST_REVIEWER"), await person("SECOND_REVIEWER"), await person("FINAL_REVIEWER")];
  const publisher = await person("PUBLISHER");
  const supervisor = await person("SUPERVISOR", await organId(superuser, 0));
  const year = 2024;
  const { id: reportId } = await createReport({ actor: author.actor, organId: organ.id, year, clientAddress: null });
  await importReport({
    actor: author.actor,
    reportId,
    clientAddress: null,
    raw: toReportJson({ organ: { ...sample, kind: "TOWNSHIP" }, year, title: "", sections: validDraft() }),
  });
  const round = await submitReport({ actor: author.actor, reportId, clientAddress: null });
  for (const [stageIndex, reviewer] of reviewers.entries()) {
    await decideStage({
      actor: reviewer.actor,
      reportId,
      roundId: round.id,
      stageIndex,
      verdict: "approve",
      comment: "",
      warningReasons: {},
      scanReasons: {},
      clientAddress: null,
    });
  }
  await publishReport({ actor: publisher.actor, reportId, correctionNote: "", clientAddress: null });
  const { snapshot } = await db().publication.findFirstOrThrow({ where: { reportId }, select: { snapshot: true } });
  const draft = await createReport({ actor: author.actor, organId: organ.id, year: 2025, clientAddress: null });
  await db().$disconnect();

  const context: ScaleContext = { published: { code: sample.code, year }, draftId: draft.id, provinceId: await organId(superuser, 0), sampleOrganId: organ.id };
  const cookies = { supervisor: await signIn(base, supervisor.username, PASSWORD), author: await signIn(base, author.username, PASSWORD) };

  /** A rename of the sample organ, as an administrator's edit would make it (the trigger announces it). */
  const renameSample = (name: string) => announce(`UPDATE "Organ" SET name = $1 WHERE id = $2`, [name, organ.id]);

  const measure = async (page: PageToMeasure) => {
    const path = page.path(context);
    const cookie = page.as ? cookies[page.as] : undefined;
    const times: number[] = [];
    let last = { status: 0, sent: 0, html: () => 0 };
    for (let i = -3; i < REQUESTS; i++) {
      if (page.cold) await notify({ all: true });
      if (page.progressChange) await notify(page.progressChange(context), "nianbao_progress_changes");
      if (page.renameOrgan) await renameSample(i % 2 === 0 ? `${sample.name}甲` : sample.name);
      const result = await get(path, cookie);
      if (result.status !== 200) throw new Error(`${path}: ${result.status}`);
      if (i >= 0) times.push(result.ms);
      last = result;
    }
    if (page.renameOrgan) await renameSample(sample.name);
    const { p50, p95 } = summarise(times);
    return { page: page.name, p50, p95, html: `${(last.html() / 1024).toFixed(0)} KB`, sent: `${(last.sent / 1024).toFixed(0)} KB` };
  };

  /** A cached report page, asked for while cold searches run one after another. */
  const duringColdSearches = async () => {
    const reportPage = `/gk/${sample.code}/${year}`;
    await get(reportPage);
    let searching = true;
    const searches = (async () => {
      let n = 0;
      while (searching) {
        // Drops the listings (a change to no organ's pages), so the search renders; the report page stays cached.
        await notify({ organCode: "NONE", year: 0 });
        await get(`/gk?q=${encodeURIComponent("镇")}&year=2024`);
        n++;
      }
      return n;
    })();
    const times: number[] = [];
    for (let i = 0; i < 200; i++) {
      times.push((await get(reportPage)).ms);
      await new Promise((r) => setTimeout(r, 10));
    }
    searching = false;
    const n = await searches;
    const { p50, p95, max } = summarise(times);
    return { page: `cached report page during ${n} cold searches`, p50, p95, max };
  };

  const bySize: Array<Array<{ page: string; p50: string; p95: string }>> = [];
  for (const size of SIZES) {
    const took = await growProvince(superuser, size, { years: YEARS, snapshot, publisherId: publisher.actor.id });
    console.log(`\n${size} organs in the province (${YEARS.length} published years each; written in ${(took / 1000).toFixed(1)} s), ${REQUESTS} requests per page:`);
    const rows = [];
    for (const page of pages) rows.push(await measure(page));
    console.table(rows);
    bySize.push(rows);
    console.log(JSON.stringify(await duringColdSearches()));
  }
  // The last target: no page more than 2× slower at the largest size than at the smallest.
  if (bySize.length > 1) {
    const ms = (text: string) => Number.parseFloat(text);
    // Both percentiles: a page served in under a millisecond has its p95 set by a few pauses of the machine.
    console.log(`\nat ${SIZES.at(-1)} organs ÷ at ${SIZES[0]}:`);
    console.table(
      bySize[0]!.map((small, i) => ({
        page: small.page,
        p95: (ms(bySize.at(-1)![i]!.p95) / ms(small.p95)).toFixed(2),
        p50: (ms(bySize.at(-1)![i]!.p50) / ms(small.p50)).toFixed(2),
      })),
    );
  }
} finally {
  agent.destroy();
  await stop();
}
process.exit(0);
