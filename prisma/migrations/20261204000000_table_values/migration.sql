-- Each report's typed values of tables 2–4 as arrays of integers, in the order of TYPED_CELLS
-- (lib/report-format/format.ts), the fee (万元) in ten-thousandths at its place: per table section
-- (Section.tableValues) and per publication, tables 2, 3 and 4 one after the other
-- (Publication.tableValues). The 汇总 and the open-data files read these instead of the cells'
-- JSON (a province's year was 22 MB of JSON to ship and parse; this is under 1 KB a report).
-- Only plain values are read here (digits; the fee with up to four decimals); any other value
-- (full-width digits, a stray space, an empty cell) gives NULL at its place, and the app then
-- reads that report's cells with the editor's own parser (lib/db/table-figures.ts), so this
-- never decides what a value means, it only spares the common case. The order is pinned by
-- test/db/table-values.test.ts: a change of the form's cells needs a new migration. The functions
-- name each other with their schema: a restore (pg_dump sets an empty search_path) recomputes
-- the columns and must find them.
CREATE FUNCTION report_count(v TEXT) RETURNS BIGINT
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT CASE WHEN v ~ '^[0-9]{1,9}$' THEN v::bigint END $$;

CREATE FUNCTION report_fee(v TEXT) RETURNS BIGINT
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT CASE WHEN v ~ '^[0-9]{1,9}([.][0-9]{1,4})?$' THEN (v::numeric * 10000)::bigint END $$;

CREATE FUNCTION report_table2_values(cells JSONB) RETURNS BIGINT[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT ARRAY[
        public.report_count(cells ->> 'regulations.made'), public.report_count(cells ->> 'regulations.repealed'), public.report_count(cells ->> 'regulations.current'), public.report_count(cells ->> 'normativeDocuments.made'),
        public.report_count(cells ->> 'normativeDocuments.repealed'), public.report_count(cells ->> 'normativeDocuments.current'), public.report_count(cells ->> 'licensing.decisions'), public.report_count(cells ->> 'punishment.decisions'),
        public.report_count(cells ->> 'enforcement.decisions'), public.report_fee(cells ->> 'fees.amount')
    ] $$;

CREATE FUNCTION report_table3_values(cells JSONB) RETURNS BIGINT[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT ARRAY[
        public.report_count(cells ->> 'newRequests.natural'), public.report_count(cells ->> 'newRequests.commercial'), public.report_count(cells ->> 'newRequests.research'), public.report_count(cells ->> 'newRequests.social'),
        public.report_count(cells ->> 'newRequests.legal'), public.report_count(cells ->> 'newRequests.other'), public.report_count(cells ->> 'carriedIn.natural'), public.report_count(cells ->> 'carriedIn.commercial'),
        public.report_count(cells ->> 'carriedIn.research'), public.report_count(cells ->> 'carriedIn.social'), public.report_count(cells ->> 'carriedIn.legal'), public.report_count(cells ->> 'carriedIn.other'),
        public.report_count(cells ->> 'disclosed.natural'), public.report_count(cells ->> 'disclosed.commercial'), public.report_count(cells ->> 'disclosed.research'), public.report_count(cells ->> 'disclosed.social'),
        public.report_count(cells ->> 'disclosed.legal'), public.report_count(cells ->> 'disclosed.other'), public.report_count(cells ->> 'partlyDisclosed.natural'), public.report_count(cells ->> 'partlyDisclosed.commercial'),
        public.report_count(cells ->> 'partlyDisclosed.research'), public.report_count(cells ->> 'partlyDisclosed.social'), public.report_count(cells ->> 'partlyDisclosed.legal'), public.report_count(cells ->> 'partlyDisclosed.other'),
        public.report_count(cells ->> 'withheld1.natural'), public.report_count(cells ->> 'withheld1.commercial'), public.report_count(cells ->> 'withheld1.research'), public.report_count(cells ->> 'withheld1.social'),
        public.report_count(cells ->> 'withheld1.legal'), public.report_count(cells ->> 'withheld1.other'), public.report_count(cells ->> 'withheld2.natural'), public.report_count(cells ->> 'withheld2.commercial'),
        public.report_count(cells ->> 'withheld2.research'), public.report_count(cells ->> 'withheld2.social'), public.report_count(cells ->> 'withheld2.legal'), public.report_count(cells ->> 'withheld2.other'),
        public.report_count(cells ->> 'withheld3.natural'), public.report_count(cells ->> 'withheld3.commercial'), public.report_count(cells ->> 'withheld3.research'), public.report_count(cells ->> 'withheld3.social'),
        public.report_count(cells ->> 'withheld3.legal'), public.report_count(cells ->> 'withheld3.other'), public.report_count(cells ->> 'withheld4.natural'), public.report_count(cells ->> 'withheld4.commercial'),
        public.report_count(cells ->> 'withheld4.research'), public.report_count(cells ->> 'withheld4.social'), public.report_count(cells ->> 'withheld4.legal'), public.report_count(cells ->> 'withheld4.other'),
        public.report_count(cells ->> 'withheld5.natural'), public.report_count(cells ->> 'withheld5.commercial'), public.report_count(cells ->> 'withheld5.research'), public.report_count(cells ->> 'withheld5.social'),
        public.report_count(cells ->> 'withheld5.legal'), public.report_count(cells ->> 'withheld5.other'), public.report_count(cells ->> 'withheld6.natural'), public.report_count(cells ->> 'withheld6.commercial'),
        public.report_count(cells ->> 'withheld6.research'), public.report_count(cells ->> 'withheld6.social'), public.report_count(cells ->> 'withheld6.legal'), public.report_count(cells ->> 'withheld6.other'),
        public.report_count(cells ->> 'withheld7.natural'), public.report_count(cells ->> 'withheld7.commercial'), public.report_count(cells ->> 'withheld7.research'), public.report_count(cells ->> 'withheld7.social'),
        public.report_count(cells ->> 'withheld7.legal'), public.report_count(cells ->> 'withheld7.other'), public.report_count(cells ->> 'withheld8.natural'), public.report_count(cells ->> 'withheld8.commercial'),
        public.report_count(cells ->> 'withheld8.research'), public.report_count(cells ->> 'withheld8.social'), public.report_count(cells ->> 'withheld8.legal'), public.report_count(cells ->> 'withheld8.other'),
        public.report_count(cells ->> 'unavailable1.natural'), public.report_count(cells ->> 'unavailable1.commercial'), public.report_count(cells ->> 'unavailable1.research'), public.report_count(cells ->> 'unavailable1.social'),
        public.report_count(cells ->> 'unavailable1.legal'), public.report_count(cells ->> 'unavailable1.other'), public.report_count(cells ->> 'unavailable2.natural'), public.report_count(cells ->> 'unavailable2.commercial'),
        public.report_count(cells ->> 'unavailable2.research'), public.report_count(cells ->> 'unavailable2.social'), public.report_count(cells ->> 'unavailable2.legal'), public.report_count(cells ->> 'unavailable2.other'),
        public.report_count(cells ->> 'unavailable3.natural'), public.report_count(cells ->> 'unavailable3.commercial'), public.report_count(cells ->> 'unavailable3.research'), public.report_count(cells ->> 'unavailable3.social'),
        public.report_count(cells ->> 'unavailable3.legal'), public.report_count(cells ->> 'unavailable3.other'), public.report_count(cells ->> 'unprocessed1.natural'), public.report_count(cells ->> 'unprocessed1.commercial'),
        public.report_count(cells ->> 'unprocessed1.research'), public.report_count(cells ->> 'unprocessed1.social'), public.report_count(cells ->> 'unprocessed1.legal'), public.report_count(cells ->> 'unprocessed1.other'),
        public.report_count(cells ->> 'unprocessed2.natural'), public.report_count(cells ->> 'unprocessed2.commercial'), public.report_count(cells ->> 'unprocessed2.research'), public.report_count(cells ->> 'unprocessed2.social'),
        public.report_count(cells ->> 'unprocessed2.legal'), public.report_count(cells ->> 'unprocessed2.other'), public.report_count(cells ->> 'unprocessed3.natural'), public.report_count(cells ->> 'unprocessed3.commercial'),
        public.report_count(cells ->> 'unprocessed3.research'), public.report_count(cells ->> 'unprocessed3.social'), public.report_count(cells ->> 'unprocessed3.legal'), public.report_count(cells ->> 'unprocessed3.other'),
        public.report_count(cells ->> 'unprocessed4.natural'), public.report_count(cells ->> 'unprocessed4.commercial'), public.report_count(cells ->> 'unprocessed4.research'), public.report_count(cells ->> 'unprocessed4.social'),
        public.report_count(cells ->> 'unprocessed4.legal'), public.report_count(cells ->> 'unprocessed4.other'), public.report_count(cells ->> 'unprocessed5.natural'), public.report_count(cells ->> 'unprocessed5.commercial'),
        public.report_count(cells ->> 'unprocessed5.research'), public.report_count(cells ->> 'unprocessed5.social'), public.report_count(cells ->> 'unprocessed5.legal'), public.report_count(cells ->> 'unprocessed5.other'),
        public.report_count(cells ->> 'otherHandling1.natural'), public.report_count(cells ->> 'otherHandling1.commercial'), public.report_count(cells ->> 'otherHandling1.research'), public.report_count(cells ->> 'otherHandling1.social'),
        public.report_count(cells ->> 'otherHandling1.legal'), public.report_count(cells ->> 'otherHandling1.other'), public.report_count(cells ->> 'otherHandling2.natural'), public.report_count(cells ->> 'otherHandling2.commercial'),
        public.report_count(cells ->> 'otherHandling2.research'), public.report_count(cells ->> 'otherHandling2.social'), public.report_count(cells ->> 'otherHandling2.legal'), public.report_count(cells ->> 'otherHandling2.other'),
        public.report_count(cells ->> 'otherHandling3.natural'), public.report_count(cells ->> 'otherHandling3.commercial'), public.report_count(cells ->> 'otherHandling3.research'), public.report_count(cells ->> 'otherHandling3.social'),
        public.report_count(cells ->> 'otherHandling3.legal'), public.report_count(cells ->> 'otherHandling3.other'), public.report_count(cells ->> 'carriedOut.natural'), public.report_count(cells ->> 'carriedOut.commercial'),
        public.report_count(cells ->> 'carriedOut.research'), public.report_count(cells ->> 'carriedOut.social'), public.report_count(cells ->> 'carriedOut.legal'), public.report_count(cells ->> 'carriedOut.other')
    ] $$;

CREATE FUNCTION report_table4_values(cells JSONB) RETURNS BIGINT[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT ARRAY[
        public.report_count(cells ->> 'review.upheld'), public.report_count(cells ->> 'review.corrected'), public.report_count(cells ->> 'review.other'), public.report_count(cells ->> 'review.pending'),
        public.report_count(cells ->> 'litigationDirect.upheld'), public.report_count(cells ->> 'litigationDirect.corrected'), public.report_count(cells ->> 'litigationDirect.other'), public.report_count(cells ->> 'litigationDirect.pending'),
        public.report_count(cells ->> 'litigationAfterReview.upheld'), public.report_count(cells ->> 'litigationAfterReview.corrected'), public.report_count(cells ->> 'litigationAfterReview.other'), public.report_count(cells ->> 'litigationAfterReview.pending')
    ] $$;

ALTER TABLE "Publication" ADD COLUMN "tableValues" BIGINT[] NOT NULL GENERATED ALWAYS AS (
    report_table2_values("snapshot" -> 'sections' -> 'proactive' -> 'cells')
    || report_table3_values("snapshot" -> 'sections' -> 'requests' -> 'cells')
    || report_table4_values("snapshot" -> 'sections' -> 'appeals' -> 'cells')
) STORED;

-- A narrative section has none.
ALTER TABLE "Section" ADD COLUMN "tableValues" BIGINT[] NOT NULL GENERATED ALWAYS AS (
    CASE "key"
        WHEN 'proactive' THEN report_table2_values("content" -> 'cells')
        WHEN 'requests' THEN report_table3_values("content" -> 'cells')
        WHEN 'appeals' THEN report_table4_values("content" -> 'cells')
        ELSE '{}'::BIGINT[]
    END
) STORED;
