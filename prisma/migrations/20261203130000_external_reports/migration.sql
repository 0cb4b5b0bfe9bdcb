-- Past years' reports published elsewhere (外部导入), kept with their source and metadata.
CREATE TABLE "ExternalReport" (
    "id" TEXT NOT NULL,
    "organId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "sections" JSONB NOT NULL,
    "intro" TEXT NOT NULL DEFAULT '',
    "source" TEXT NOT NULL,
    "sourceUrl" TEXT,
    "indexNumber" TEXT,
    "publisher" TEXT,
    "issuedOn" TEXT,
    "documentNumber" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT NOT NULL,
    "createdByName" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ExternalReport_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "ExternalReport_organId_year_key" ON "ExternalReport"("organId", "year");

ALTER TABLE "ExternalReport" ADD CONSTRAINT "ExternalReport_organId_fkey" FOREIGN KEY ("organId") REFERENCES "Organ"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
