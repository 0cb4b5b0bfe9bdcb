// npm run bench:public — the public report page under load, side by side with nginx
// serving the very same bytes from a file (as packaged, and with sendfile off), and
// with the shipped nginx cache in front of the app. Needs Debian's nginx (apt-get
// install nginx); uses Debian's wrk for the throughput runs when installed
// (autocannon, in Node, tops out near 20k req/s on one core, below nginx) and
// autocannon for the fixed-rate runs. Method: the app (npm start's path) and nginx
// each run one worker pinned to core 0 when taskset exists; the load comes from
// core 1 over loopback, asking for gzip; the targets take turns in rounds.
import { execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { toReportJson } from "@/lib/report-files/report-json";
import { validDraft } from "../test/unit/report-fixtures";
import { startApp } from "./app-server";

const NGINX = ["/usr/sbin/nginx", "/usr/bin/nginx"].find((p) => existsSync(p));
if (!NGINX) {
  console.error("bench:public needs nginx: apt-get install -y nginx");
  process.exit(2);
}
const ROUNDS = 7;
const ROUND_SECONDS = 4;
const CONNECTIONS = 50;
const pinnedToLoadCore = () => {
  try {
    execFileSync("taskset", ["-pc", "1", String(process.pid)], { stdio: "ignore" });
  } catch {
    /* no taskset: the figures are then noisier, not wrong */
  }
};

const { base, stop, pid } = await startApp({ core: 0 });
let nginx: ReturnType<typeof spawn> | null = null;
try {
  pinnedToLoadCore();
  const { createOrgan } = await import("@/lib/organs/save-organ");
  const { createUser } = await import("@/lib/users/create-user");
  const { createReport } = await import("@/lib/reports/create-report");
  const { importReport } = await import("@/lib/reports/import-report");
  const { submitReport } = await import("@/lib/reports/submit-report");
  const { decideStage } = await import("@/lib/reports/decide-stage");
  const { publishReport } = await import("@/lib/publish/publish-report");
  const { db } = await import("@/lib/db/client");
  const admin = { id: "bench", displayName: "bench", isPlatformAdmin: true, memberships: [] };
  const organ = await createOrgan({
    actor: admin,
    clientAddress: null,
    input: { name: "压测街道", shortName: "压测", kind: "STREET", code: "BENCHPUB", parentId: null, deadlineMonth: 1, deadlineDay: 31 },
  });
  const actor = async (role: "AUTHOR" | "FIRST_REVIEWER" | "SECOND_REVIEWER" | "FINAL_REVIEWER" | "PUBLISHER") => {
    const user = await createUser({
      actor: admin,
      organId: organ.id,
      username: `pub.${role.toLowerCase()}`,
      displayName: role,
      password: "bench-password-2026",
      roles: [role],
      clientAddress: null,
    });
    return { id: user.id, displayName: role, isPlatformAdmin: false, memberships: [{ organId: organ.id, role }] };
  };
  const author = await actor("AUTHOR");
  const reviewers = [await actor("FIRST_REVIEWER"), await actor("SECOND_REVIEWER"), await actor("FINAL_REVIEWER")];
  const publisher = await actor("PUBLISHER");
  const { id: reportId } = await createReport({ actor: author, organId: organ.id, year: 2025, clientAddress: null });
  await importReport({
    actor: author,
    reportId,
    clientAddress: null,
    raw: toReportJson({ organ: { name: "压测街道", code: "BENCHPUB", kind: "STREET" }, year: 2025, title: "", sections: validDraft() }),
  });
  const round = await submitReport({ actor: author, reportId, clientAddress: null });
  for (const [stageIndex, reviewer] of reviewers.entries()) {
    await decideStage({ actor: reviewer, reportId, roundId: round.id, stageIndex, verdict: "approve", comment: "", warningReasons: {}, scanReasons: {}, clientAddress: null });
  }
  await publishReport({ actor: publisher, reportId, correctionNote: "", clientAddress: null });
  const url = `${base}/gk/BENCHPUB/2025`;
  const t0 = performance.now();
  const first = await fetch(url, { headers: { "accept-encoding": "gzip" } });
  await first.arrayBuffer();
  const ttfbAfterPublish = performance.now() - t0;
  const page = await db().publishedPage.findFirstOrThrow({ where: { publication: { reportId }, script: "hans", variant: "latest" } });
  await db().$disconnect();

  // nginx: the same gzip bytes from a file, and the shipped cache in front of the app.
  const dir = await mkdtemp(path.join(os.tmpdir(), "nianbao-nginx-"));
  await chmod(dir, 0o755); // nginx's workers must read the file and write the cache
  await writeFile(path.join(dir, "page.html.gz"), page.gzip, { mode: 0o644 });
  const [filePort, fileTunedPort, cachePort] = [await freePort(), await freePort(), await freePort()];
  const cacheServer = (await readFile(path.join("deploy", "nginx-cache.conf"), "utf8"))
    .replace(/proxy_cache_path \S+/, `proxy_cache_path ${dir}/cache`)
    .replace("listen 80;", `listen 127.0.0.1:${cachePort};`)
    // The shipped upstream's two instances become the one app under test.
    .replace(/upstream nianbao \{[^}]*\}/, `upstream nianbao { server ${new URL(base).host.replace("localhost", "127.0.0.1")}; keepalive 32; }`);
  const fileLocation = (extra: string) =>
    `location /page { default_type "text/html; charset=utf-8"; add_header Content-Encoding gzip; alias ${dir}/page.html.gz; open_file_cache max=1000 inactive=60s; ${extra} }`;
  await writeFile(
    path.join(dir, "nginx.conf"),
    `
${process.getuid?.() === 0 ? "user root;" : ""} worker_processes 1; daemon off; pid ${dir}/nginx.pid; error_log ${dir}/error.log;
events { worker_connections 1024; }
http {
  # As in the nginx.conf of Debian's package (sendfile, tcp_nopush) and of the official image
  # used by docker-compose.yml (sendfile), without the access log.
  sendfile on; tcp_nopush on; keepalive_timeout 65;
  access_log off; client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fcgi; uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  # The file as stock nginx serves it, and with the setting that serves this small file fastest.
  server { listen 127.0.0.1:${filePort}; ${fileLocation("")} }
  server { listen 127.0.0.1:${fileTunedPort}; ${fileLocation("sendfile off;")} }
  ${cacheServer}
}`,
  );
  nginx = spawn("taskset", ["-c", "0", NGINX, "-c", path.join(dir, "nginx.conf")], { stdio: "inherit" });
  await new Promise((r) => setTimeout(r, 500));

  const WRK = ["/usr/bin/wrk", "/usr/local/bin/wrk"].find((p) => existsSync(p));
  type Run = { rps: number; p99: number; errors: number };
  const load = async (target: string, seconds: number, rate?: number): Promise<Run> => {
    if (WRK && !rate) {
      const out = execFileSync("taskset", ["-c", "1", WRK, "-t1", `-c${CONNECTIONS}`, `-d${seconds}s`, "--latency", "-H", "Accept-Encoding: gzip", target], { encoding: "utf8" });
      const p99 = out.match(/99%\s+([\d.]+)(us|ms|s)/);
      const p99ms = p99 ? Number(p99[1]) * (p99[2] === "us" ? 0.001 : p99[2] === "s" ? 1000 : 1) : NaN;
      const errors =
        Number(out.match(/Non-2xx or 3xx responses: (\d+)/)?.[1] ?? 0) +
        Number(
          out
            .match(/Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/)
            ?.slice(1)
            .reduce((a, b) => a + Number(b), 0) ?? 0,
        );
      return { rps: Math.round(Number(out.match(/Requests\/sec:\s+([\d.]+)/)?.[1] ?? 0)), p99: Number(p99ms.toFixed(2)), errors };
    }
    const result = await autocannon({
      url: target,
      connections: rate ? 20 : CONNECTIONS,
      duration: seconds,
      headers: { "accept-encoding": "gzip" },
      ...(rate ? { overallRate: rate } : {}),
    });
    return { rps: Math.round(result.requests.average), p99: result.latency.p99, errors: result.errors + result.non2xx };
  };
  // Throughput on this shared machine drifts by ±10–20% within seconds, so the
  // targets take turns, ROUNDS times, and each figure is the median of its rounds.
  const targets = {
    nginxFile: `http://127.0.0.1:${filePort}/page`,
    nginxFileTuned: `http://127.0.0.1:${fileTunedPort}/page`,
    app: url,
    cached: `http://127.0.0.1:${cachePort}/gk/BENCHPUB/2025`,
  };
  for (const target of Object.values(targets)) await load(target, 2); // warm-up; fills the cache
  const runs = Object.fromEntries(Object.keys(targets).map((k) => [k, [] as Run[]])) as Record<keyof typeof targets, Run[]>;
  const at500: Run[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, target] of Object.entries(targets)) runs[name as keyof typeof targets].push(await load(target, ROUND_SECONDS));
    at500.push(await load(url, ROUND_SECONDS, 500));
  }
  const errors = Object.entries({ ...runs, at500 }).filter(([, r]) => r.some((run) => run.errors));
  if (errors.length) throw new Error(`errors from ${errors.map(([name]) => name).join(", ")}; see ${dir}/error.log`);
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const figure = (name: keyof typeof targets) => {
    const rps = runs[name].map((r) => r.rps);
    return { rps: median(rps), p99: median(runs[name].map((r) => r.p99)), range: `${Math.min(...rps)}–${Math.max(...rps)}` };
  };
  const [nginxFile, nginxFileTuned, app, cached] = [figure("nginxFile"), figure("nginxFileTuned"), figure("app"), figure("cached")];
  const ratio = (n: number, of = nginxFile.rps) => `${((100 * n) / of).toFixed(0)}%`;
  const line = (label: string, f: ReturnType<typeof figure>) => `  ${label.padEnd(44)} ${f.rps} req/s (rounds ${f.range}), p99 ${f.p99} ms`;
  console.log(`Public report page (${page.gzip.byteLength} bytes gzip, ${Buffer.byteLength(page.html)} bytes HTML), gzip requested, load from ${WRK ? "wrk" : "autocannon"};`);
  console.log(`medians of ${ROUNDS} interleaved rounds of ${ROUND_SECONDS} s, ${CONNECTIONS} connections:`);
  console.log(line("nginx serving the same bytes from a file:", nginxFile));
  console.log(line("the same with sendfile off (fastest found):", nginxFileTuned));
  console.log(`${line("the app alone:", app)} — ${ratio(app.rps)} of nginx`);
  const p99At500 = at500.map((r) => r.p99);
  console.log(`  ${"the app alone at 500 req/s:".padEnd(44)} p99 ${median(p99At500)} ms (rounds ${Math.min(...p99At500)}–${Math.max(...p99At500)} ms)`);
  console.log(`${line("the app behind the shipped nginx cache:", cached)} — ${ratio(cached.rps)} of nginx, ${ratio(cached.rps, nginxFileTuned.rps)} of nginx with sendfile off`);
  console.log(`  time to first byte of the first request after publishing: ${ttfbAfterPublish.toFixed(1)} ms (app pid ${pid})`);
} finally {
  nginx?.kill("SIGTERM");
  await stop();
}
process.exit(0);

async function freePort() {
  const { findFreePort } = await import("@/lib/db/embedded");
  return findFreePort();
}
