// Migrations that move data: the rows written under the old shape read the same under the new one.
import { cp, mkdir, mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, listMigrationFiles } from "@/lib/db/migrate";
import { createScratchDatabase } from "./scratch-database";

const AUTHOR_IDS_TO_TEXT_ARRAY = "20261203000000_round_author_ids_text_array";
const INTRO_ROWS = "20261203110100_section_intro_rows";
const PUBLICATION_METADATA = "20261203120000_publication_metadata";

/** A scratch database with every migration before `name` applied. */
async function migrateUpTo(url: string, name: string) {
  const before = await mkdtemp(path.join(os.tmpdir(), "nianbao-migrations-"));
  for (const migration of (await listMigrationFiles()).filter((f) => f.name < name)) {
    await mkdir(path.join(before, migration.name));
    await cp(path.join(process.cwd(), "prisma", "migrations", migration.name, "migration.sql"), path.join(before, migration.name, "migration.sql"));
  }
  await applyMigrations(url, before);
}

describe("data-moving migrations", () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  beforeAll(async () => {
    scratch = await createScratchDatabase("migration_data");
  });
  afterAll(async () => scratch?.drop());

  it("moves each round's author ids from JSON to a text array, keeping their order", async () => {
    // The database as it stood before the migration: every earlier migration applied.
    const before = await mkdtemp(path.join(os.tmpdir(), "nianbao-migrations-"));
    for (const { name } of (await listMigrationFiles()).filter((f) => f.name < AUTHOR_IDS_TO_TEXT_ARRAY)) {
      await mkdir(path.join(before, name));
      await cp(path.join(process.cwd(), "prisma", "migrations", name, "migration.sql"), path.join(before, name, "migration.sql"));
    }
    await applyMigrations(scratch.url, before);

    const client = new pg.Client({ connectionString: scratch.url });
    await client.connect();
    try {
      await client.query(`INSERT INTO "Organ" (id, name, "shortName", kind, code, "updatedAt") VALUES ('o1', '测试镇', '测试', 'TOWNSHIP', 'MIG1', now())`);
      await client.query(`INSERT INTO "User" (id, username, "displayName", "passwordHash", "updatedAt") VALUES ('u1', 'mig.author', '撰稿人', 'x', now())`);
      await client.query(`INSERT INTO "Report" (id, "organId", year, title, "createdById", "updatedAt") VALUES ('r1', 'o1', 2025, '报告', 'u1', now())`);
      const round = (number: number, authorIds: string) =>
        client.query(
          `INSERT INTO "ReviewRound" (id, "reportId", number, stages, "authorIds", "submittedHash", "submittedById") VALUES ($1, 'r1', $2, '[]', $3::jsonb, 'h', 'u1')`,
          [`round${number}`, number, authorIds],
        );
      await round(1, '["u1","u2"]');
      await round(2, "[]");

      expect(await applyMigrations(scratch.url)).toContain(AUTHOR_IDS_TO_TEXT_ARRAY);

      const { rows } = await client.query(`SELECT number, "authorIds" FROM "ReviewRound" ORDER BY number`);
      expect(rows).toEqual([
        { number: 1, authorIds: ["u1", "u2"] },
        { number: 2, authorIds: [] },
      ]);
      const { rows: columns } = await client.query(
        `SELECT data_type, is_nullable, column_default FROM information_schema.columns WHERE table_name = 'ReviewRound' AND column_name = 'authorIds'`,
      );
      expect(columns).toEqual([{ data_type: "ARRAY", is_nullable: "NO", column_default: null }]);
    } finally {
      await client.end();
    }
  });

  it("gives every existing report an empty 引言 with its first revision, by the report's creator", async () => {
    const intro = await createScratchDatabase("migration_intro");
    try {
      await migrateUpTo(intro.url, INTRO_ROWS);
      const client = new pg.Client({ connectionString: intro.url });
      await client.connect();
      try {
        await client.query(`INSERT INTO "Organ" (id, name, "shortName", kind, code, "updatedAt") VALUES ('o1', '测试镇', '测试', 'TOWNSHIP', 'MIG1', now())`);
        await client.query(`INSERT INTO "User" (id, username, "displayName", "passwordHash", "updatedAt") VALUES ('u1', 'mig.author', '撰稿人甲', 'x', now())`);
        await client.query(
          `INSERT INTO "Report" (id, "organId", year, title, "createdById", "updatedAt") VALUES ('r1', 'o1', 2024, '报告', 'u1', now()), ('r2', 'o1', 2025, '报告', 'u1', now())`,
        );
        await client.query(`INSERT INTO "Section" (id, "reportId", key, content) VALUES ('s1', 'r1', 'overview', '{"kind":"narrative","text":"正文"}')`);

        expect(await applyMigrations(intro.url)).toContain(INTRO_ROWS);

        const { rows } = await client.query(
          `SELECT s."reportId", s.content, s.version, v.version AS "revision", v.kind, v."authorName" FROM "Section" s JOIN "SectionRevision" v ON v."sectionId" = s.id WHERE s.key = 'intro' ORDER BY s."reportId"`,
        );
        const empty = { kind: "narrative", text: "" };
        expect(rows).toEqual([
          { reportId: "r1", content: empty, version: 1, revision: 1, kind: "create", authorName: "撰稿人甲" },
          { reportId: "r2", content: empty, version: 1, revision: 1, kind: "create", authorName: "撰稿人甲" },
        ]);
        const { rows: untouched } = await client.query(`SELECT count(*)::int AS n FROM "Section" WHERE key = 'overview'`);
        expect(untouched).toEqual([{ n: 1 }]);
      } finally {
        await client.end();
      }
    } finally {
      await intro.drop();
    }
  });

  it("leaves published versions as they were (no 发文日期 stored: it reads as the day of publication) and gives each published report its 索引号", async () => {
    const scratch = await createScratchDatabase("migration_metadata");
    try {
      await migrateUpTo(scratch.url, PUBLICATION_METADATA);
      const client = new pg.Client({ connectionString: scratch.url });
      await client.connect();
      try {
        await client.query(`INSERT INTO "Organ" (id, name, "shortName", kind, code, "updatedAt") VALUES ('o1', '测试镇', '测试', 'TOWNSHIP', 'MIG1', now())`);
        await client.query(`INSERT INTO "User" (id, username, "displayName", "passwordHash", "updatedAt") VALUES ('u1', 'mig.author', '撰稿人', 'x', now())`);
        await client.query(
          `INSERT INTO "Report" (id, "organId", year, title, "createdById", "updatedAt", status) VALUES ('r1', 'o1', 2024, '报告', 'u1', now(), 'PUBLISHED'), ('r2', 'o1', 2025, '报告', 'u1', now(), 'DRAFT')`,
        );
        const publication = (id: string, version: number, publishedAt: string) =>
          client.query(
            `INSERT INTO "Publication" (id, "reportId", "organCode", year, version, "indexNumber", "publishedAt", "publishedById", "contentHash", snapshot) VALUES ($1, 'r1', 'MIG1', 2024, $2, 'MIG1/2025-00007', $3, 'u1', 'h', '{}')`,
            [id, version, publishedAt],
          );
        await publication("p1", 1, "2025-01-15T17:30:00Z");
        await publication("p2", 2, "2025-03-02T01:00:00Z");

        expect(await applyMigrations(scratch.url)).toContain(PUBLICATION_METADATA);

        const { rows } = await client.query(`SELECT version, to_char("issuedOn", 'YYYY-MM-DD') AS "issuedOn", "documentNumber" FROM "Publication" ORDER BY version`);
        expect(rows).toEqual([
          { version: 1, issuedOn: null, documentNumber: null },
          { version: 2, issuedOn: null, documentNumber: null },
        ]);
        const { rows: reports } = await client.query(`SELECT id, "indexNumber" FROM "Report" ORDER BY id`);
        expect(reports).toEqual([
          { id: "r1", indexNumber: "MIG1/2025-00007" },
          { id: "r2", indexNumber: null },
        ]);
      } finally {
        await client.end();
      }
    } finally {
      await scratch.drop();
    }
  });
});
