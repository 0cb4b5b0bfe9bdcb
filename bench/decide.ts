// npm run bench:decide — stage decisions (通过) with 20 concurrent reviewers, through
// the real app (next start on a throwaway embedded database), over HTTP to
// POST /api/reports/:id/decision. Each of 20 organs has 10 submitted reports and
// three reviewers; for each organ one reviewer at a time decides its stage for all
// 10 reports, so 20 reviewers decide at once. Latency is measured by the client
// over loopback: an upper bound of the server time. Two load models, on separate
// halves of the reports: "paced" — each reviewer decides once a second (far more
// often than a person reads a report); "saturated" — each decides again as soon as
// the last decision returns, which measures capacity (latency there is queueing).
import { toReportJson } from "@/lib/report-files/report-json";
import { validDraft } from "../test/unit/report-fixtures";
import { startApp } from "./app-server";
import { signIn } from "./http-session";
import { summarise } from "./percentiles";

const ORGANS = 20;
const REPORTS_PER_ORGAN = 10;
const PASSWORD = "bench-password-2026";
const ROLES = ["FIRST_REVIEWER", "SECOND_REVIEWER", "FINAL_REVIEWER"] as const;

const { base, stop } = await startApp();
try {
  const { createOrgan } = await import("@/lib/organs/save-organ");
  const { createUser } = await import("@/lib/users/create-user");
  const { createReport } = await import("@/lib/reports/create-report");
  const { importReport } = await import("@/lib/reports/import-report");
  const { submitReport } = await import("@/lib/reports/submit-report");
  const { db } = await import("@/lib/db/client");
  const admin = { id: "bench", displayName: "bench", isPlatformAdmin: true, memberships: [] };

  const organs: Array<{ reports: Array<{ id: string; roundId: string }>; reviewers: string[] }> = [];
  for (let o = 0; o < ORGANS; o++) {
    const code = `DEC${o}`;
    const organ = await createOrgan({
      actor: admin,
      clientAddress: null,
      input: { name: `决定镇${o}`, shortName: `决定${o}`, kind: "TOWNSHIP", code, parentId: null, deadlineMonth: 1, deadlineDay: 31 },
    });
    const person = async (suffix: string, role: (typeof ROLES)[number] | "AUTHOR") => {
      const user = await createUser({
        actor: admin,
        organId: organ.id,
        username: `dec${o}.${suffix}`,
        displayName: `决定${o}${suffix}`,
        password: PASSWORD,
        roles: [role],
        clientAddress: null,
      });
      await db().user.update({ where: { id: user.id }, data: { mustChangePassword: false } });
      return { id: user.id, displayName: `决定${o}${suffix}`, isPlatformAdmin: false, memberships: [{ organId: organ.id, role }] };
    };
    const author = await person("author", "AUTHOR");
    const reports = [];
    for (let r = 0; r < REPORTS_PER_ORGAN; r++) {
      const year = 2040 + r * 2; // two years apart: no "last year's report", so no carry-over warnings to acknowledge
      const { id } = await createReport({ actor: author, organId: organ.id, year, clientAddress: null });
      await importReport({
        actor: author,
        reportId: id,
        clientAddress: null,
        raw: toReportJson({ organ: { name: `决定镇${o}`, code, kind: "TOWNSHIP" }, year, title: "", sections: validDraft() }),
      });
      reports.push({ id, roundId: (await submitReport({ actor: author, reportId: id, clientAddress: null })).id });
    }
    const reviewers = [];
    for (const [i, role] of ROLES.entries()) {
      await person(`r${i}`, role);
      reviewers.push(await signIn(base, `dec${o}.r${i}`, PASSWORD));
    }
    organs.push({ reports, reviewers });
  }

  async function run(pauseMs: number, slice: [number, number]) {
    const durations: number[] = [];
    const started = performance.now();
    await Promise.all(
      organs.map(async ({ reports, reviewers }, o) => {
        await new Promise((r) => setTimeout(r, (pauseMs * o) / ORGANS));
        for (const [stageIndex, cookie] of reviewers.entries()) {
          for (const report of reports.slice(...slice)) {
            const t0 = performance.now();
            const response = await fetch(`${base}/api/reports/${report.id}/decision`, {
              method: "POST",
              headers: { "content-type": "application/json", cookie, origin: base },
              body: JSON.stringify({ roundId: report.roundId, stageIndex, verdict: "approve" }),
            });
            if (!response.ok) throw new Error(`decision failed: ${response.status} ${await response.text()}`);
            durations.push(performance.now() - t0);
            if (pauseMs) await new Promise((r) => setTimeout(r, pauseMs));
          }
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    return { latency: summarise(durations), throughput: `${(durations.length / seconds).toFixed(0)} decisions/s` };
  }

  const half = REPORTS_PER_ORGAN / 2;
  console.log(`${ORGANS} concurrent reviewers, ${ORGANS * half * 3} decisions per load model (三审 of ${ORGANS * half} reports), over loopback:`);
  console.log("  paced (a decision a second each):", JSON.stringify(await run(1000, [0, half])));
  console.log("  saturated (no pause):            ", JSON.stringify(await run(0, [half, REPORTS_PER_ORGAN])));
  console.log(`  reports approved: ${await db().report.count({ where: { status: "APPROVED" } })} of ${ORGANS * REPORTS_PER_ORGAN}`);
  await db().$disconnect();
} finally {
  await stop();
}
process.exit(0);
