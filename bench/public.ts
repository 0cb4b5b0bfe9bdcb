// npm run bench:public — the public report page under load, side by side with nginx
// serving the very same bytes from a file, and with the shipped nginx cache in front
// of the app. Needs Debian's nginx (apt-get install nginx); uses Debian's wrk for the
// throughput runs when installed (autocannon, in Node, tops out near 20k req/s on one
// core, below nginx) and autocannon for the fixed-rate run. Method: the app (npm
// start's path) and nginx each run one worker pinned to core 0 when taskset exists;
// the load comes from core 1 over loopback, asking for gzip.
import { execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { toReportJson } from "@/lib/report/report-json";
import { validDraft } from "../test/unit/report-fixtures";
import { startApp } from "./app-server";

const NGINX = ["/usr/sbin/nginx", "/usr/bin/nginx"].find((p) => existsSync(p));
if (!NGINX) {
  console.error("bench:public needs nginx: apt-get install -y nginx");
  process.exit(2);
}
const DURATION = 10;
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
  const organ = await createOrgan({ actor: admin, clientAddress: null, input: { name: "压测街道", shortName: "压测", kind: "STREET", code: "BENCHPUB", parentId: null, deadlineMonth: 1, deadlineDay: 31 } });
  const actor = async (role: "AUTHOR" | "FIRST_REVIEWER" | "SECOND_REVIEWER" | "FINAL_REVIEWER" | "PUBLISHER") => {
    const user = await createUser({ actor: admin, organId: organ.id, username: `pub.${role.toLowerCase()}`, displayName: role, password: "bench-password-2026", roles: [role], clientAddress: null });
    return { id: user.id, displayName: role, isPlatformAdmin: false, memberships: [{ organId: organ.id, role }] };
  };
  const author = await actor("AUTHOR");
  const reviewers = [await actor("FIRST_REVIEWER"), await actor("SECOND_REVIEWER"), await actor("FINAL_REVIEWER")];
  const publisher = await actor("PUBLISHER");
  const { id: reportId } = await createReport({ actor: author, organId: organ.id, year: 2025, clientAddress: null });
  await importReport({ actor: author, reportId, clientAddress: null, raw: toReportJson({ organ: { name: "压测街道", code: "BENCHPUB", kind: "STREET" }, year: 2025, title: "", sections: validDraft() }) });
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
  const [filePort, cachePort, ceilingPort] = [await freePort(), await freePort(), await freePort()];
  const cacheConf = (await import("node:fs/promises")).readFile(path.join("deploy", "nginx-cache.conf"), "utf8");
  const cacheServer = (await cacheConf)
    .replace(/proxy_cache_path \S+/, `proxy_cache_path ${dir}/cache`)
    .replace("listen 80;", `listen 127.0.0.1:${cachePort};`)
    .replaceAll("http://app:3000", base.replace("localhost", "127.0.0.1"));
  await writeFile(path.join(dir, "nginx.conf"), `
${process.getuid?.() === 0 ? "user root;" : ""} worker_processes 1; daemon off; pid ${dir}/nginx.pid; error_log ${dir}/error.log;
events { worker_connections 1024; }
http {
  # As in the official nginx image's nginx.conf (docker-compose.yml uses that image).
  sendfile on; tcp_nopush on; keepalive_timeout 65; open_file_cache max=1000 inactive=60s;
  access_log off; client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fcgi; uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  server { listen 127.0.0.1:${filePort}; location /page { default_type "text/html; charset=utf-8"; add_header Content-Encoding gzip; alias ${dir}/page.html.gz; } }
  # The ceiling of any proxy cache here: the barest proxy_cache in front of that file server.
  proxy_cache_path ${dir}/ceiling keys_zone=ceiling:1m;
  server { listen 127.0.0.1:${ceilingPort}; location /page { proxy_pass http://127.0.0.1:${filePort}; proxy_cache ceiling; proxy_cache_valid 200 60s; } }
  ${cacheServer}
}`);
  nginx = spawn("taskset", ["-c", "0", NGINX, "-c", path.join(dir, "nginx.conf")], { stdio: "inherit" });
  await new Promise((r) => setTimeout(r, 500));

  const WRK = ["/usr/bin/wrk", "/usr/local/bin/wrk"].find((p) => existsSync(p));
  const load = async (target: string, rate?: number) => {
    if (WRK && !rate) {
      const out = execFileSync("taskset", ["-c", "1", WRK, "-t1", `-c${CONNECTIONS}`, `-d${DURATION}s`, "--latency", "-H", "Accept-Encoding: gzip", target], { encoding: "utf8" });
      const p99 = out.match(/99%\s+([\d.]+)(us|ms|s)/);
      const p99ms = p99 ? Number(p99[1]) * (p99[2] === "us" ? 0.001 : p99[2] === "s" ? 1000 : 1) : NaN;
      const errors = Number(out.match(/Non-2xx or 3xx responses: (\d+)/)?.[1] ?? 0) + Number(out.match(/Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/)?.slice(1).reduce((a, b) => a + Number(b), 0) ?? 0);
      return { rps: Math.round(Number(out.match(/Requests\/sec:\s+([\d.]+)/)?.[1] ?? 0)), p99: Number(p99ms.toFixed(2)), errors };
    }
    const result = await autocannon({
      url: target, connections: rate ? 20 : CONNECTIONS, duration: DURATION, headers: { "accept-encoding": "gzip" }, ...(rate ? { overallRate: rate } : {}),
    });
    return { rps: Math.round(result.requests.average), p99: result.latency.p99, errors: result.errors + result.non2xx };
  };
  await load(url); // warm-up
  const nginxFile = await load(`http://127.0.0.1:${filePort}/page`);
  if (nginxFile.errors) throw new Error(`nginx answered with errors (${nginxFile.errors}); see ${dir}/error.log`);
  const app = await load(url);
  const appAt500 = await load(url, 500);
  await load(`http://127.0.0.1:${cachePort}/gk/BENCHPUB/2025`); // fills the cache
  const cached = await load(`http://127.0.0.1:${cachePort}/gk/BENCHPUB/2025`);
  await load(`http://127.0.0.1:${ceilingPort}/page`); // fills the cache
  const ceiling = await load(`http://127.0.0.1:${ceilingPort}/page`);
  const ratio = (n: number) => `${((100 * n) / nginxFile.rps).toFixed(0)}%`;
  console.log(`Public report page (${page.gzip.byteLength} bytes gzip, ${Buffer.byteLength(page.html)} bytes HTML), ${DURATION} s per run, gzip requested, load from ${WRK ? "wrk" : "autocannon"}:`);
  console.log(`  nginx serving the same bytes from a file:   ${nginxFile.rps} req/s, p99 ${nginxFile.p99} ms, errors ${nginxFile.errors}`);
  console.log(`  the app alone (${CONNECTIONS} connections):             ${app.rps} req/s, p99 ${app.p99} ms, errors ${app.errors} — ${ratio(app.rps)} of nginx`);
  console.log(`  the app alone at 500 req/s:                  p99 ${appAt500.p99} ms (${appAt500.rps} req/s), errors ${appAt500.errors}`);
  console.log(`  the app behind the shipped nginx cache:      ${cached.rps} req/s, p99 ${cached.p99} ms, errors ${cached.errors} — ${ratio(cached.rps)} of nginx`);
  console.log(`  the barest nginx proxy cache, same file:    ${ceiling.rps} req/s, p99 ${ceiling.p99} ms, errors ${ceiling.errors} — ${ratio(ceiling.rps)} of nginx`);
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
