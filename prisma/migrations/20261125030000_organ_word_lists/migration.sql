-- AlterTable
ALTER TABLE "Organ" ADD COLUMN     "sensitiveWords" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "wrongTerms" JSONB NOT NULL DEFAULT '[]';
