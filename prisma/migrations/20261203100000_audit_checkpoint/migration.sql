-- Signed checkpoints of the audit chain's head (lib/audit/checkpoint.ts). The key that signs
-- them is not in the database, so whoever can only reach the database cannot make one.
CREATE TABLE "AuditCheckpoint" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "lastEntryId" BIGINT NOT NULL,
    "lastHash" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "writer" TEXT NOT NULL,
    "keyId" TEXT NOT NULL,
    "signature" TEXT NOT NULL,

    CONSTRAINT "AuditCheckpoint_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AuditCheckpoint_createdAt_idx" ON "AuditCheckpoint"("createdAt");

-- Append-only for the owner too, like the audit log (the app role has no UPDATE, DELETE or
-- TRUNCATE right at all: lib/db/app-role-grants.ts).
CREATE FUNCTION "table_is_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP;
END;
$$;

CREATE TRIGGER "AuditCheckpoint_append_only"
  BEFORE UPDATE OR DELETE ON "AuditCheckpoint"
  FOR EACH ROW EXECUTE FUNCTION "table_is_append_only"();

CREATE TRIGGER "AuditCheckpoint_no_truncate"
  BEFORE TRUNCATE ON "AuditCheckpoint"
  FOR EACH STATEMENT EXECUTE FUNCTION "table_is_append_only"();

-- Publications refused UPDATE and DELETE row by row but not TRUNCATE, which fires no row trigger.
CREATE TRIGGER "Publication_no_truncate"
  BEFORE TRUNCATE ON "Publication"
  FOR EACH STATEMENT EXECUTE FUNCTION "publication_is_immutable"();

CREATE TRIGGER "PublishedPage_no_truncate"
  BEFORE TRUNCATE ON "PublishedPage"
  FOR EACH STATEMENT EXECUTE FUNCTION "publication_is_immutable"();
