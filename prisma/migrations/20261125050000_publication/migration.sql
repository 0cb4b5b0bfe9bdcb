-- AlterEnum
ALTER TYPE "ReportStatus" ADD VALUE 'PUBLISHED';
ALTER TYPE "ReportStatus" ADD VALUE 'WITHDRAWN';

-- AlterTable
ALTER TABLE "Report" ADD COLUMN     "isCorrection" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "withdrawReason" TEXT,
ADD COLUMN     "withdrawnAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "Publication" (
    "id" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "organCode" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "indexNumber" TEXT NOT NULL,
    "publishedAt" TIMESTAMPTZ(3) NOT NULL,
    "publishedById" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "snapshot" JSONB NOT NULL,
    "correctionNote" TEXT,

    CONSTRAINT "Publication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PublishedPage" (
    "id" TEXT NOT NULL,
    "publicationId" TEXT NOT NULL,
    "script" TEXT NOT NULL,
    "variant" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "gzip" BYTEA NOT NULL,
    "brotli" BYTEA NOT NULL,
    "etag" TEXT NOT NULL,

    CONSTRAINT "PublishedPage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IndexSerial" (
    "organId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "lastSerial" INTEGER NOT NULL,

    CONSTRAINT "IndexSerial_pkey" PRIMARY KEY ("organId","year")
);

-- CreateIndex
CREATE INDEX "Publication_publishedAt_idx" ON "Publication"("publishedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Publication_reportId_version_key" ON "Publication"("reportId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "Publication_organCode_year_version_key" ON "Publication"("organCode", "year", "version");

-- CreateIndex
CREATE UNIQUE INDEX "PublishedPage_publicationId_script_variant_key" ON "PublishedPage"("publicationId", "script", "variant");

-- AddForeignKey
ALTER TABLE "Publication" ADD CONSTRAINT "Publication_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublishedPage" ADD CONSTRAINT "PublishedPage_publicationId_fkey" FOREIGN KEY ("publicationId") REFERENCES "Publication"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A publication is immutable: what was published stays exactly as it was.
CREATE FUNCTION "publication_is_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is immutable: % is not allowed', TG_TABLE_NAME, TG_OP;
END;
$$;
CREATE TRIGGER "Publication_immutable" BEFORE UPDATE OR DELETE ON "Publication" FOR EACH ROW EXECUTE FUNCTION "publication_is_immutable"();
CREATE TRIGGER "PublishedPage_immutable" BEFORE UPDATE OR DELETE ON "PublishedPage" FOR EACH ROW EXECUTE FUNCTION "publication_is_immutable"();
