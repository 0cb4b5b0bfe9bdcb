// The public search over a small province (bench/province.ts writes it by SQL): organs found by
// any part of their Chinese name through the name-piece index, the newest version of each report,
// 50 a page.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEARCH_PAGE_SIZE } from "@/lib/publish/listings";
import { listOrganPublications, listTopOrgans, searchPublications } from "@/lib/publish/public-data";
import { createUser } from "@/lib/users/create-user";
import { growProvince, organCode } from "../../bench/province";
import { platformAdmin, tag } from "./fixtures";

describe("public search", () => {
  const superuser = () => process.env.NIANBAO_TEST_SUPERUSER_URL!;
  let client: pg.Client;

  beforeAll(async () => {
    client = new pg.Client({ connectionString: superuser() });
    await client.connect();
    // The province first, then someone in it to have published.
    await growProvince(superuser(), 1, { years: [], snapshot: null, publisherId: "" });
    const { id: provinceId } = (await client.query<{ id: string }>(`SELECT id FROM "Organ" WHERE code = $1`, [organCode(0)])).rows[0]!;
    const publisher = await createUser({
      actor: platformAdmin,
      organId: provinceId,
      username: `search.${tag()}`,
      displayName: "发布",
      password: "search-password-2026",
      roles: ["PUBLISHER"],
      clientAddress: null,
    });
    // 300 organs: the province, 14 cities, 168 counties, 117 townships, street offices and departments.
    await growProvince(superuser(), 300, { years: [2022, 2023], snapshot: { organ: { name: "", code: "", kind: "TOWNSHIP" }, title: "", year: 0 }, publisherId: publisher.id });
  });
  afterAll(() => client.end());

  const like = async (text: string) =>
    (await client.query<{ code: string }>(`SELECT code FROM "Organ" WHERE name LIKE '%' || $1 || '%' ORDER BY code`, [text])).rows.map((r) => r.code);
  const byIndex = async (text: string) =>
    (
      await client.query<{ code: string }>(`SELECT code FROM "Organ" WHERE organ_name_grams(name) @> organ_name_grams($1) AND name LIKE '%' || $1 || '%' ORDER BY code`, [text])
    ).rows.map((r) => r.code);

  it("finds the same organs through the name-piece index as a plain LIKE, for one, two or more Chinese characters", async () => {
    for (const text of ["镇", "街道", "街道办事处", "压测2", "测19", "第3市", "不存在的名字"]) expect(await byIndex(text)).toEqual(await like(text));
    expect((await like("镇")).length).toBeGreaterThan(50);
    // And the planner uses the index (the table is small, so sequential scans are ruled out to ask it).
    await client.query("BEGIN");
    await client.query("SET LOCAL enable_seqscan = off");
    const plan = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN SELECT code FROM "Organ" WHERE organ_name_grams(name) @> organ_name_grams('镇') AND name LIKE '%镇%'`);
    await client.query("COMMIT");
    expect(plan.rows.map((r) => r["QUERY PLAN"]).join("\n")).toContain("Organ_name_grams_idx");
  });

  it("pages the results, 50 a page, each report once and newest first, past the last page the last", async () => {
    // What a plain query finds (other test files' organs included): the reports of organs named …镇….
    const reports = async (year: number | null) =>
      (
        await client.query<{ n: number }>(
          `SELECT count(DISTINCT p."reportId")::int AS n FROM "Publication" p JOIN "Organ" o ON o.code = p."organCode" WHERE o.name LIKE '%镇%' AND ($1::int IS NULL OR p.year = $1)`,
          [year],
        )
      ).rows[0]!.n;
    const expected = await reports(2023);
    expect(expected).toBeGreaterThan(SEARCH_PAGE_SIZE);
    const first = await searchPublications("镇", 2023, 1);
    expect(first.total).toBe(expected);
    expect(first.pages).toBe(Math.ceil(expected / SEARCH_PAGE_SIZE));
    expect(first.items).toHaveLength(SEARCH_PAGE_SIZE);
    expect(first.items.every((r) => r.year === 2023 && r.organName.includes("镇"))).toBe(true);
    const times = first.items.map((r) => r.publishedAt);
    expect([...times].sort().reverse()).toEqual(times);
    const last = await searchPublications("镇", 2023, 999);
    expect(last.page).toBe(first.pages);
    expect(last.items).toHaveLength(expected - (first.pages - 1) * SEARCH_PAGE_SIZE);
    const seen = new Set([...first.items, ...last.items].map((r) => r.organCode));
    expect(seen.size).toBe(first.items.length + last.items.length);
    // Both years; a wildcard character is taken literally.
    expect((await searchPublications("镇", null, 1)).total).toBe(await reports(null));
    expect((await searchPublications("%", null, 1)).total).toBe(0);
  });

  it("lists a corrected report once, as its newest version, and reads a year from the index of a year's publications", async () => {
    // A correction of one township's 2023 report, published after every other: version 2 by SQL (a copy of version 1).
    const code = organCode(200);
    await client.query(
      `INSERT INTO "Publication" (id, "reportId", "organCode", year, version, "indexNumber", "publishedAt", "publishedById", "contentHash", snapshot, "correctionNote")
       SELECT gen_random_uuid(), "reportId", "organCode", year, 2, "indexNumber", now() + interval '1 day', "publishedById", "contentHash", snapshot, '更正'
       FROM "Publication" WHERE "organCode" = $1 AND year = 2023 AND version = 1`,
      [code],
    );
    const before = (await searchPublications("镇", 2023, 1)).total;
    const name = (await client.query<{ name: string }>(`SELECT name FROM "Organ" WHERE code = $1`, [code])).rows[0]!.name;
    expect(name).toContain("镇");
    const first = await searchPublications("镇", 2023, 1);
    expect(first.total).toBe(before);
    expect(first.items[0]).toMatchObject({ organCode: code, year: 2023, version: 2 });
    expect(first.items.filter((r) => r.organCode === code)).toHaveLength(1);
    const all = await searchPublications(name, null, 1);
    expect(all.items.map((r) => [r.year, r.version])).toEqual([
      [2023, 2],
      [2022, 1],
    ]);
    // The table is small here, so other scans are ruled out to ask the planner what it can use; vacuumed as a live table is.
    await client.query(`VACUUM ANALYZE "Publication"`);
    await client.query("BEGIN");
    await client.query("SET LOCAL enable_seqscan = off");
    await client.query("SET LOCAL enable_bitmapscan = off");
    const plan = await client.query<{ "QUERY PLAN": string }>(
      `EXPLAIN SELECT DISTINCT ON ("reportId") id, "publishedAt" FROM "Publication" WHERE year = 2023 ORDER BY "reportId", version DESC`,
    );
    await client.query("COMMIT");
    const text = plan.rows.map((r) => r["QUERY PLAN"]).join("\n");
    expect(text).toMatch(/Index (Only )?Scan using "Publication_year_reportId_version_organCode_publishedAt_id_idx"/);
    expect(text).not.toContain("Sort");
  });

  it("shows the tree a level at a time: the top organs with the first organs below, an organ's page with the organs above and below it", async () => {
    const { top } = await listTopOrgans();
    const province = top.find((t) => t.code === organCode(0))!;
    expect(province.children).toBe(14);
    expect(province.below.map((b) => b.code)).toEqual(Array.from({ length: 14 }, (_, i) => organCode(i + 1)));
    expect(province.below[0]!.children).toBe(12);
    const city = (await listOrganPublications(organCode(1)))!;
    expect(city.above.map((a) => a.code)).toEqual([organCode(0)]);
    expect(city.below.total).toBe(12);
    const county = (await listOrganPublications(organCode(15)))!;
    expect(county.above.map((a) => a.code)).toEqual([organCode(0), organCode(1)]);
    expect(county.reports.map((r) => r.year)).toEqual([2023, 2022]);
  });
});
