// The 汇总 and the open-data files at a province's size: builds 1 province, 15 cities, 100
// counties and 5,000 organs below them in a throwaway embedded database, with two years of
// reports (mostly published, some approved, drafts and none; snapshots with ~6,000 characters of
// narrative each, as real reports carry), then times the data functions warm, 30 runs each, at
// 50 organs (one county) and at 5,000 (the province). Not a test; run:
//   node --import tsx --import ./scripts/node-hooks/register.mjs bench/summary.ts
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, mkdir, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { findFreePort, startEmbeddedDatabase } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrate";
import { toReportJson } from "@/lib/report-files/report-json";
import { setCell, validDraft } from "../test/unit/report-fixtures";
import { summarise } from "./percentiles";

const RUNS = 30;
const YEARS = [2024, 2025];
// BENCH_KEEP_DIR: keep the built province in that folder and reuse it on the next run (building takes minutes).
const keep = process.env.BENCH_KEEP_DIR;
const dir = keep ?? (await mkdtemp(path.join(os.tmpdir(), "nianbao-bench-summary-")));
const reuse = Boolean(keep && existsSync(path.join(keep, "pg")));
await mkdir(dir, { recursive: true });
await chmod(dir, 0o755);
const database = await startEmbeddedDatabase({ dataDir: path.join(dir, "pg"), port: Number(process.env.BENCH_PG_PORT ?? (await findFreePort())), persistent: Boolean(keep) });
process.env.DATABASE_URL = database.url;
process.env.NEXTAUTH_URL = "https://gk.example.gov.cn";
try {
  await applyMigrations(database.url);
  if (!reuse) await buildProvince();
  await measure();
} finally {
  await database.stop();
  if (!keep) await rm(dir, { recursive: true, force: true });
}

async function buildProvince() {
  const sql = new pg.Client({ connectionString: database.url });
  await sql.connect();

  // ---- the province ----
  type OrganRow = { id: string; name: string; code: string; kind: string; parentId: string | null };
  const organs: OrganRow[] = [];
  const add = (name: string, kind: string, parentId: string | null) => {
    const row = { id: randomUUID(), name, code: `B${String(organs.length).padStart(8, "0")}`, kind, parentId };
    organs.push(row);
    return row;
  };
  const province = add("压测省", "PROVINCE", null);
  const cities = Array.from({ length: 15 }, (_, i) => add(`压测市${i}`, "CITY", province.id));
  const counties = Array.from({ length: 100 }, (_, i) => add(`压测县${i}`, "COUNTY", cities[i % cities.length]!.id));
  for (let i = 0; i < 5000; i++) add(`压测镇${i}`, i % 5 === 0 ? "STREET" : "TOWNSHIP", counties[i % counties.length]!.id);
  for (let i = 0; i < organs.length; i += 1000) {
    const chunk = organs.slice(i, i + 1000);
    await sql.query(
      `INSERT INTO "Organ" (id, name, "shortName", kind, code, "parentId", "updatedAt") SELECT * , now() FROM unnest($1::text[], $2::text[], $2::text[], $3::"OrganKind"[], $4::text[], $5::text[])`,
      [chunk.map((o) => o.id), chunk.map((o) => o.name), chunk.map((o) => o.kind), chunk.map((o) => o.code), chunk.map((o) => o.parentId)],
    );
  }
  const user = randomUUID();
  await sql.query(`INSERT INTO "User" (id, username, "displayName", "passwordHash", "updatedAt") VALUES ($1, 'bench', 'bench', 'x', now())`, [user]);

  // Narrative that does not compress away: varied characters, as a real report's text.
  const CHARS = "政府信息公开工作年度报告本机关按照条例要求依法主动公开完善制度加强管理平台建设监督保障考核评议培训解读回应关切";
  const prose = (n: number, seed: number) => Array.from({ length: n }, (_, i) => CHARS[(i * 7 + seed * 13 + ((i * i) % 31)) % CHARS.length]).join("");

  let reports = 0;
  let publications = 0;
  for (const year of YEARS) {
    const rows: unknown[][] = [];
    const pubs: unknown[][] = [];
    const sections: unknown[][] = [];
    organs.slice(1).forEach((organ, i) => {
      const kind = i % 10; // 0–6 published (one in seven of them corrected), 7 approved, 8 draft, 9 none
      if (kind === 9) return;
      const reportId = randomUUID();
      const status = kind <= 6 ? "PUBLISHED" : kind === 7 ? "APPROVED" : "DRAFT";
      rows.push([reportId, organ.id, year, `${organ.name}${year}年度政府信息公开工作年度报告`, status, user]);
      const content = validDraft();
      setCell(content, "requests", "newRequests.legal", String(i % 17));
      setCell(content, "requests", "disclosed.legal", String(i % 17));
      setCell(content, "proactive", "fees.amount", `${i % 3}.${i % 10}5`);
      content.overview = { kind: "narrative", text: prose(3000, i) };
      content.problems = { kind: "narrative", text: prose(1500, i + 1) };
      content.other = { kind: "narrative", text: prose(1500, i + 2) };
      if (status === "PUBLISHED") {
        for (let version = 1; version <= (kind === 0 ? 2 : 1); version++) {
          const snapshot = {
            organ: { name: organ.name, code: organ.code, kind: organ.kind },
            year,
            title: `${organ.name}${year}年度政府信息公开工作年度报告`,
            indexNumber: `${organ.code}/${year + 1}-00001`,
            version,
            publishedAt: new Date(`${year + 1}-01-15T00:00:00Z`).toISOString(),
            sections: content,
            approvals: [{ stage: "一校·初审", name: "某某", at: new Date().toISOString() }],
            correctionNote: version > 1 ? "更正表三数据" : null,
            changes: null,
            history: [],
            trend: [],
          };
          pubs.push([
            randomUUID(),
            reportId,
            organ.code,
            year,
            version,
            snapshot.indexNumber,
            snapshot.publishedAt,
            user,
            "hash",
            JSON.stringify(snapshot),
            snapshot.correctionNote,
          ]);
        }
      }
      for (const [key, value] of Object.entries(content)) sections.push([randomUUID(), reportId, key, JSON.stringify(value)]);
    });
    for (let i = 0; i < rows.length; i += 1000) {
      const c = rows.slice(i, i + 1000);
      await sql.query(
        `INSERT INTO "Report" (id, "organId", year, title, status, "createdById", "updatedAt") SELECT *, now() FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::"ReportStatus"[], $6::text[])`,
        [0, 1, 2, 3, 4, 5].map((k) => c.map((r) => r[k])),
      );
    }
    for (let i = 0; i < pubs.length; i += 500) {
      const c = pubs.slice(i, i + 500);
      await sql.query(
        `INSERT INTO "Publication" (id, "reportId", "organCode", year, version, "indexNumber", "publishedAt", "publishedById", "contentHash", snapshot, "correctionNote")
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::int[], $6::text[], $7::timestamptz[], $8::text[], $9::text[], $10::jsonb[], $11::text[])`,
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((k) => c.map((r) => r[k])),
      );
    }
    for (let i = 0; i < sections.length; i += 2000) {
      const c = sections.slice(i, i + 2000);
      await sql.query(
        `INSERT INTO "Section" (id, "reportId", key, content) SELECT * FROM unnest($1::text[], $2::text[], $3::"SectionKey"[], $4::jsonb[])`,
        [0, 1, 2, 3].map((k) => c.map((r) => r[k])),
      );
    }
    reports += rows.length;
    publications += pubs.length;
  }
  await sql.query("ANALYZE");
  const size = await sql.query(`SELECT pg_size_pretty(pg_total_relation_size('"Publication"')) AS size`);
  await sql.end();
  console.log(
    `${organs.length} organs, ${reports} reports, ${publications} publications (Publication: ${size.rows[0].size}); a report JSON is ${JSON.stringify(toReportJson({ organ: { name: "x", code: "x", kind: "TOWNSHIP" }, year: 2025, title: "", sections: validDraft() })).length} bytes without narrative`,
  );
}

async function measure() {
  const { loadSummaryReports } = await import("@/lib/supervision/summary-data");
  const { organsInOrder } = await import("@/lib/supervision/organ-progress");
  const { buildSummary } = await import("@/lib/supervision/summary");
  const { getSummary } = await import("@/lib/supervision/get-summary");
  const { heardProgressChange, setProgressListening } = await import("@/lib/supervision/progress-changes");
  const { summaryXlsx, summaryCsv } = await import("@/lib/report-files/summary-files");
  const { db } = await import("@/lib/db/client");
  const { readPublishedSnapshot } = await import("@/lib/publish/snapshot");

  async function time(label: string, run: () => Promise<unknown>, runs = RUNS) {
    await run(); // warm
    const durations: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      await run();
      durations.push(performance.now() - start);
    }
    console.log(label.padEnd(62), JSON.stringify(summarise(durations)));
  }

  const province = await db().organ.findUniqueOrThrow({ where: { name: "压测省" }, select: { id: true, name: true } });
  const county = await db().organ.findUniqueOrThrow({ where: { name: "压测县0" }, select: { id: true, name: true } });
  for (const [label, root] of [
    ["50 organs (a county)", county],
    ["5,115 organs (the province)", province],
  ] as const) {
    // Read afresh (nothing is kept while the bench does not listen): the organs below in their
    // places (the dashboard's reading), then their reports' figures, then the sums.
    setProgressListening(false);
    const organs = await organsInOrder(root.id, 2025);
    const ids = organs.map((organ) => organ.organId);
    const rowsOf = async () => {
      const reports = await loadSummaryReports({ year: 2025, includeApproved: true, organs: ids });
      return organs.map((organ) => ({ ...organ, report: reports.get(organ.organId) ?? null }));
    };
    const rows = await rowsOf();
    console.log(`${label}: ${rows.length} organs below`);
    await time(`汇总 organs below (the dashboard's full reading), ${label}`, () => organsInOrder(root.id, 2025));
    await time(`汇总 query (only the tables' cells), ${label}`, () => loadSummaryReports({ year: 2025, includeApproved: true, organs: ids }));
    await time(`汇总 query + sums, ${label}`, async () => buildSummary(await rowsOf(), { includeApproved: true }));
    // What the page and the downloads call: permission, and the kept result while nothing changed
    // (kept only while the instance hears changes, lib/supervision/progress-changes.ts: the bench
    // is the only instance and changes nothing while it runs).
    setProgressListening(true);
    const actor = { id: "bench", displayName: "bench", isPlatformAdmin: false, memberships: [{ organId: root.id, role: "SUPERVISOR" as const }] };
    await time(`getSummary, nothing changed since the last (kept result), ${label}`, () => getSummary({ actor, organId: root.id, year: 2025, includeApproved: true }));
    // After one organ's report changed (as PostgreSQL announces it): that organ's report is read
    // again and the sums made afresh. After a rename: that organ is read again; after organs were
    // added or moved: the organs below are walked again (their reports kept).
    const changedOrgan = rows.find((row) => row.report?.status === "PUBLISHED")!.organId;
    for (const includeApproved of [false, true]) {
      await time(`getSummary after one organ's report changed (${includeApproved ? "published and approved" : "published, the page's default"}), ${label}`, () => {
        heardProgressChange({ organId: changedOrgan, year: 2025 });
        return getSummary({ actor, organId: root.id, year: 2025, includeApproved });
      });
      await time(`getSummary after an organ below renamed (${includeApproved ? "published and approved" : "published, the page's default"}), ${label}`, () => {
        heardProgressChange({ tree: true, organId: changedOrgan });
        return getSummary({ actor, organId: root.id, year: 2025, includeApproved });
      });
      await time(`getSummary after organs added or moved (${includeApproved ? "published and approved" : "published, the page's default"}), ${label}`, () => {
        heardProgressChange({ tree: true });
        return getSummary({ actor, organId: root.id, year: 2025, includeApproved });
      });
    }
    const summary = { organName: root.name, year: 2025, includeApproved: true, ...buildSummary(rows, { includeApproved: true }) };
    await time(`Excel file, ${label}`, () => summaryXlsx(summary));
    await time(`CSV file, ${label}`, async () => summaryCsv(summary));
  }
  // The public open-data files are site-wide (the whole province): the cost of building each one
  // (the ids query, the file from the kept lines, its gzip form: what a request pays when the
  // process cache was emptied by a publication, whose one new line is read then), then of serving
  // it from the process cache, as every other request within the minute does. The very first
  // build reads every publication's line; it is timed once.
  const { openDataFile } = await import("@/lib/publish/open-data");
  const { invalidatePublicPages, setPublicCacheListening } = await import("@/lib/publish/public-cache");
  // The cache is trusted only while the instance listens for publications (lib/db/listen.ts); the
  // bench is the only instance and nothing is published while it runs.
  setPublicCacheListening(true);
  for (const segments of [["open-data", "2025.csv"], ["open-data", "2025.json"], ["feed.atom"], ["sitemap.xml"], ["open-data"]]) {
    const label = `/gk/${segments.join("/")}`;
    const start = performance.now();
    const file = await openDataFile(segments, "hans");
    await file!.encoded("gzip");
    console.log(`open data ${label}, first build (one run)`.padEnd(62), `${Math.round(performance.now() - start)} ms`);
    await time(`open data ${label} (${Math.round(("bytes" in file! ? file.bytes.byteLength : Buffer.byteLength(file!.html)) / 1024)} KB), built`, async () => {
      invalidatePublicPages();
      await (await openDataFile(segments, "hans"))!.encoded("gzip");
    });
    await time(`open data ${label}, from the process cache`, () => openDataFile(segments, "hans"));
  }
  // What reading whole snapshots would cost instead (the approach avoided), for the province.
  const ids = (await db().organ.findMany({ where: { parentId: { not: null } }, select: { code: true } })).map((o) => o.code);
  await time(
    "for comparison: whole snapshots of the province's 2025 publications",
    async () => (await db().publication.findMany({ where: { organCode: { in: ids }, year: 2025 }, select: { snapshot: true } })).map((p) => readPublishedSnapshot(p.snapshot)),
    10,
  );
  await db().$disconnect();
}
