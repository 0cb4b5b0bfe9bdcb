-- AlterEnum
ALTER TYPE "ReportStatus" ADD VALUE 'IN_REVIEW';
ALTER TYPE "ReportStatus" ADD VALUE 'APPROVED';

-- CreateEnum
CREATE TYPE "RoundStatus" AS ENUM ('OPEN', 'RETURNED', 'WITHDRAWN', 'APPROVED', 'VOIDED');

-- CreateTable
CREATE TABLE "ReviewStage" (
    "id" TEXT NOT NULL,
    "organId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "isConfidentialityReview" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "ReviewStage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewRound" (
    "id" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "status" "RoundStatus" NOT NULL DEFAULT 'OPEN',
    "stages" JSONB NOT NULL,
    "stageIndex" INTEGER NOT NULL DEFAULT 0,
    "authorIds" JSONB NOT NULL,
    "submittedHash" TEXT NOT NULL,
    "submittedById" TEXT NOT NULL,
    "submittedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "ReviewRound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewAction" (
    "id" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "stageIndex" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "actorName" TEXT NOT NULL,
    "comment" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',
    "contentHash" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewComment" (
    "id" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "roundNumber" INTEGER NOT NULL,
    "sectionKey" "SectionKey" NOT NULL,
    "authorId" TEXT NOT NULL,
    "authorName" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewComment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReviewStage_organId_position_key" ON "ReviewStage"("organId", "position");

-- CreateIndex
CREATE INDEX "ReviewRound_status_stageIndex_idx" ON "ReviewRound"("status", "stageIndex");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewRound_reportId_number_key" ON "ReviewRound"("reportId", "number");

-- CreateIndex
CREATE INDEX "ReviewAction_roundId_createdAt_idx" ON "ReviewAction"("roundId", "createdAt");

-- CreateIndex
CREATE INDEX "ReviewAction_actorId_createdAt_idx" ON "ReviewAction"("actorId", "createdAt");

-- CreateIndex
CREATE INDEX "ReviewComment_reportId_createdAt_idx" ON "ReviewComment"("reportId", "createdAt");

-- AddForeignKey
ALTER TABLE "ReviewStage" ADD CONSTRAINT "ReviewStage_organId_fkey" FOREIGN KEY ("organId") REFERENCES "Organ"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewRound" ADD CONSTRAINT "ReviewRound_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewAction" ADD CONSTRAINT "ReviewAction_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "ReviewRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewComment" ADD CONSTRAINT "ReviewComment_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Every existing organ gets the default 三审三校 stages.
INSERT INTO "ReviewStage" ("id", "organId", "position", "name", "role", "isConfidentialityReview")
SELECT gen_random_uuid()::text, o."id", s.position, s.name, s.role::"Role", s.conf
FROM "Organ" o
CROSS JOIN (VALUES
  (0, '一校·初审', 'FIRST_REVIEWER', false),
  (1, '二校·复审（含保密审查）', 'SECOND_REVIEWER', true),
  (2, '三校·终审（签发）', 'FINAL_REVIEWER', false)
) AS s(position, name, role, conf);
