-- The public search of one year: the newest version of each report among a year's publications.
-- Publication rows are wide (the snapshot's typed values and digest are stored in the row), so
-- reading a province's year from the table took most of the search; this narrow index holds all
-- the search reads, in the order it needs (each report's versions newest first), so a year is
-- read from the index alone and no sort is needed to keep the newest of each report.
CREATE INDEX "Publication_year_reportId_version_organCode_publishedAt_id_idx" ON "Publication" (year, "reportId", version DESC, "organCode", "publishedAt", id);
