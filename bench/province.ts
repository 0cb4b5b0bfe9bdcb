// A province-sized organ tree with years of published reports, written by SQL straight into
// a benchmark's throwaway database (far faster than the use cases; what it writes is what
// they write, minus the audit log and the stored public pages). Organ i (0, 1, 2, …) has the
// code SCALE00000i; the tree: organ 0 the province, 1–14 cities under it, then 12 counties per
// city, then townships (镇, 60%), street offices (街道办事处, 25%) and departments (局, 15%)
// spread over the counties. Growing to a larger size adds organs and keeps the earlier ones.
import pg from "pg";

export const CITIES = 14;
export const COUNTIES = CITIES * 12;
const FIRST_COUNTY = 1 + CITIES;
const FIRST_LEAF = FIRST_COUNTY + COUNTIES;

export const organCode = (i: number) => `SCALE${String(i).padStart(6, "0")}`;

/** The published years, and the snapshot each publication copies (with its organ's name, code and title). */
export type ProvinceContent = { years: number[]; snapshot: unknown; publisherId: string };

/** Adds organs (and their reports and publications) until the province has `size` organs; returns how long it took. */
export async function growProvince(url: string, size: number, content: ProvinceContent): Promise<number> {
  const started = performance.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ have: number }>(`SELECT count(*)::int AS have FROM "Organ" WHERE code LIKE 'SCALE%'`);
    const have = rows[0]!.have;
    // Each level after the one above it, so that every parent exists when its children are written.
    const leafKind = (kinds: [string, string, string]) => `CASE WHEN i % 20 < 12 THEN ${kinds[0]} WHEN i % 20 < 17 THEN ${kinds[1]} ELSE ${kinds[2]} END`;
    const levels = [
      { from: 0, to: 1, kind: `'PROVINCE'`, name: `'压测省'`, short: `'压测省'`, parent: "NULL" },
      { from: 1, to: FIRST_COUNTY, kind: `'CITY'`, name: `'压测第' || i || '市'`, short: `'第' || i || '市'`, parent: "0" },
      { from: FIRST_COUNTY, to: FIRST_LEAF, kind: `'COUNTY'`, name: `'压测第' || i || '县'`, short: `'第' || i || '县'`, parent: `1 + (i - ${FIRST_COUNTY}) % ${CITIES}` },
      {
        from: FIRST_LEAF,
        to: Number.MAX_SAFE_INTEGER,
        kind: leafKind([`'TOWNSHIP'`, `'STREET'`, `'DEPARTMENT'`]),
        name: `'压测' || i || ${leafKind([`'镇'`, `'街道办事处'`, `'局'`])}`,
        short: `'压测' || i`,
        parent: `${FIRST_COUNTY} + (i - ${FIRST_LEAF}) % ${COUNTIES}`,
      },
    ];
    await client.query("BEGIN");
    for (const level of levels) {
      const [start, end] = [Math.max(level.from, have), Math.min(level.to, size)];
      if (start >= end) continue;
      await client.query(
        `INSERT INTO "Organ" (id, kind, name, "shortName", "parentId", code, "updatedAt")
         SELECT gen_random_uuid()::text, s.kind::"OrganKind", s.name, s.short, p.id, 'SCALE' || lpad(s.i::text, 6, '0'), now()
         FROM (SELECT i, ${level.kind} AS kind, ${level.name} AS name, ${level.short} AS short, ${level.parent}::int AS parent
               FROM generate_series($1::int, $2::int - 1) AS i) AS s
         LEFT JOIN "Organ" p ON p.code = 'SCALE' || lpad(s.parent::text, 6, '0')`,
        [start, end],
      );
    }
    // Every organ's report for each year, published once: the snapshot copied with its own names.
    await client.query(
      `WITH fresh AS (SELECT id, name, code FROM "Organ" WHERE code LIKE 'SCALE%' AND NOT EXISTS (SELECT 1 FROM "Report" r WHERE r."organId" = "Organ".id)),
       reports AS (
         INSERT INTO "Report" (id, "organId", year, title, status, "createdById", "updatedAt")
         SELECT gen_random_uuid()::text, f.id, y, f.name || y || '年度政府信息公开工作年度报告', 'PUBLISHED', $2, now()
         FROM fresh f CROSS JOIN unnest($1::int[]) AS y
         RETURNING id, "organId", year, title)
       INSERT INTO "Publication" (id, "reportId", "organCode", year, version, "indexNumber", "publishedAt", "publishedById", "contentHash", snapshot)
       SELECT gen_random_uuid()::text, r.id, f.code, r.year, 1, f.code || '/' || (r.year + 1) || '-00001',
              make_timestamptz(r.year + 1, 1, 1, 0, 0, 0, 'Asia/Shanghai') + (random() * interval '30 days'), $2, 'bench',
              jsonb_set(jsonb_set(jsonb_set(jsonb_set($3::jsonb, '{organ,name}', to_jsonb(f.name)), '{organ,code}', to_jsonb(f.code)), '{title}', to_jsonb(r.title)), '{year}', to_jsonb(r.year))
       FROM reports r JOIN fresh f ON f.id = r."organId"`,
      [content.years, content.publisherId, JSON.stringify(content.snapshot)],
    );
    await client.query("COMMIT");
    await client.query(`ANALYZE "Organ"; ANALYZE "Report"; ANALYZE "Publication"`);
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
  return performance.now() - started;
}

/** The organ with the given index's id. */
export async function organId(url: string, i: number): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ id: string }>(`SELECT id FROM "Organ" WHERE code = $1`, [organCode(i)])).rows[0]!.id;
  } finally {
    await client.end();
  }
}
