// npm run bench:save — section saves with 20 concurrent editors, through the real
// app: `npm start`'s path (next start, embedded PostgreSQL on a throwaway folder),
// 20 signed-in 撰稿人 of 20 organs, each saving its section as fast as the server
// answers. Latency is measured by the client over loopback, so it is an upper
// bound of the server time (it includes HTTP and JSON on both sides).
// Two load models: "autosave pace" — each editor saves about once a second, the
// fastest the editor's autosave (1.2 s after typing stops) produces; and
// "saturated" — each editor saves again as soon as the last save returns, which
// measures the machine's capacity (latency there is mostly queueing).
import { startApp } from "./app-server";
import { signIn } from "./http-session";
import { summarise } from "./percentiles";

const EDITORS = 20;
const SAVES_PER_EDITOR = 60;
const PASSWORD = "bench-password-2026";

const { base, stop } = await startApp();

try {
  const { createOrgan } = await import("@/lib/organs/save-organ");
  const { createUser } = await import("@/lib/users/create-user");
  const { createReport } = await import("@/lib/reports/create-report");
  const { db } = await import("@/lib/db/client");
  const admin = { id: "bench", displayName: "bench", isPlatformAdmin: true, memberships: [] };

  const editors: Array<{ username: string; reportId: string; cookie: string }> = [];
  for (let i = 0; i < EDITORS; i++) {
    const organ = await createOrgan({
      actor: admin,
      clientAddress: null,
      input: { name: `压测镇${i}`, shortName: `压测${i}`, kind: "TOWNSHIP", code: `BENCH${i}`, parentId: null, deadlineMonth: 1, deadlineDay: 31 },
    });
    const user = await createUser({ actor: admin, organId: organ.id, username: `bench.${i}`, displayName: `压测${i}`, password: PASSWORD, roles: ["AUTHOR"], clientAddress: null });
    await db().user.update({ where: { id: user.id }, data: { mustChangePassword: false } });
    const author = { id: user.id, displayName: `压测${i}`, isPlatformAdmin: false, memberships: [{ organId: organ.id, role: "AUTHOR" as const }] };
    const report = await createReport({ actor: author, organId: organ.id, year: 2025, clientAddress: null });
    editors.push({ username: `bench.${i}`, reportId: report.id, cookie: await signIn(base, `bench.${i}`, PASSWORD) });
  }

  const text = "本年度，我镇认真贯彻落实《中华人民共和国政府信息公开条例》，不断加强政务公开工作。".repeat(40);
  const versions = new Map(editors.map((e) => [e.reportId, 1]));

  async function run(pauseMs: number) {
    const durations: number[] = [];
    let conflicts = 0;
    const started = performance.now();
    await Promise.all(
      editors.map(async (editor, e) => {
        await new Promise((r) => setTimeout(r, (pauseMs * e) / EDITORS)); // editors do not all start at once
        for (let i = 0; i < SAVES_PER_EDITOR; i++) {
          const t0 = performance.now();
          const response = await fetch(`${base}/api/reports/${editor.reportId}/sections/overview`, {
            method: "PUT",
            headers: { "content-type": "application/json", cookie: editor.cookie, origin: base },
            body: JSON.stringify({ baseVersion: versions.get(editor.reportId), content: { kind: "narrative", text: `${text}${e}-${i}-${pauseMs}` } }),
          });
          const body = await response.json();
          if (i >= 3) durations.push(performance.now() - t0); // the first saves warm the server up
          if (response.status === 409) conflicts++;
          else if (!response.ok) throw new Error(`save failed: ${response.status} ${JSON.stringify(body)}`);
          else versions.set(editor.reportId, body.version);
          if (pauseMs) await new Promise((r) => setTimeout(r, pauseMs));
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    return { latency: summarise(durations), throughput: `${((EDITORS * SAVES_PER_EDITOR) / seconds).toFixed(0)} saves/s`, conflicts };
  }

  console.log(`${EDITORS} concurrent editors, ${SAVES_PER_EDITOR} saves each of a ${text.length}-character section, over loopback:`);
  console.log("  autosave pace (a save a second each):", JSON.stringify(await run(1000)));
  console.log("  saturated (no pause between saves):  ", JSON.stringify(await run(0)));
  await db().$disconnect();
} finally {
  await stop();
}
process.exit(0);
