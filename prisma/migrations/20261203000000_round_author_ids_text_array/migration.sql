-- ReviewRound.authorIds: a list of user ids, stored as TEXT[] like Organ.sensitiveWords (it was JSONB,
-- read back by casting). A USING clause cannot hold the subquery, so the values move through a new column.
ALTER TABLE "ReviewRound" ADD COLUMN "authorIdsList" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[];
UPDATE "ReviewRound" SET "authorIdsList" = ARRAY(SELECT jsonb_array_elements_text("authorIds"));
ALTER TABLE "ReviewRound" DROP COLUMN "authorIds";
ALTER TABLE "ReviewRound" RENAME COLUMN "authorIdsList" TO "authorIds";
ALTER TABLE "ReviewRound" ALTER COLUMN "authorIds" DROP DEFAULT;
