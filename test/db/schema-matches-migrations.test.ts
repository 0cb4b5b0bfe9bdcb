import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "@/lib/db/migrate";
import { shapeFromDatabase, shapeFromSchema, type Shape } from "./database-shape";
import { createScratchDatabase } from "./scratch-database";

describe("prisma/migrations produce exactly prisma/schema.prisma", () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  let migrated: Shape;
  const expected = shapeFromSchema(path.join(process.cwd(), "prisma", "schema.prisma"));

  beforeAll(async () => {
    scratch = await createScratchDatabase("schema_check");
    await applyMigrations(scratch.url);
    const client = new pg.Client({ connectionString: scratch.url });
    await client.connect();
    migrated = await shapeFromDatabase(client);
    await client.end();
  });
  afterAll(async () => scratch?.drop());

  it("has every table and no other", () => expect(migrated.tables).toEqual(expected.tables));
  it("has every column with its type and nullability", () => expect(migrated.columns).toEqual(expected.columns));
  it("has every enum with its values in order", () => expect(migrated.enums).toEqual(expected.enums));
  it("has every primary key, unique constraint and index", () => expect(migrated.indexes).toEqual(expected.indexes));
  it("has every foreign key with its delete rule", () => expect(migrated.foreignKeys).toEqual(expected.foreignKeys));

  it("describes the schema non-trivially (the comparison is not vacuous)", () => {
    expect(expected.tables).toEqual([
      "AuditCheckpoint",
      "AuditEntry",
      "ExternalReport",
      "IndexSerial",
      "LoginThrottle",
      "MailOutbox",
      "Membership",
      "Organ",
      "Publication",
      "PublishedPage",
      "RefusalTally",
      "Reminder",
      "Report",
      "ReviewAction",
      "ReviewComment",
      "ReviewRound",
      "ReviewStage",
      "Section",
      "SectionRevision",
      "Session",
      "User",
    ]);
    expect(expected.columns).toContain("LoginThrottle.lockedUntil timestamp with time zone(3) NULL");
    expect(expected.foreignKeys).toContain("Membership(userId) -> User(id) on delete CASCADE");
    expect(expected.indexes).toContain("Membership unique (userId,organId,role)");
  });
});
