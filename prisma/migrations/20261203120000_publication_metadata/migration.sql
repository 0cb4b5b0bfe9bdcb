-- Publication metadata set by the 发布人 (issue 13): the 发文日期 and 文件编号 of each published
-- version, and the report's 索引号 held once on the report, unique, whether this platform allocated
-- it or another platform did (a correction keeps it).
-- Publications are immutable (a trigger refuses UPDATE): the versions published before this
-- migration keep a NULL 发文日期, which reads as the day they were published in China's time,
-- as it was until now.
ALTER TABLE "Publication" ADD COLUMN "issuedOn" DATE;
ALTER TABLE "Publication" ADD COLUMN "documentNumber" TEXT;

ALTER TABLE "Report" ADD COLUMN "indexNumber" TEXT;
UPDATE "Report" r SET "indexNumber" = p."indexNumber" FROM "Publication" p WHERE p."reportId" = r.id AND p.version = 1;
CREATE UNIQUE INDEX "Report_indexNumber_key" ON "Report"("indexNumber");
