-- Each report's typed values of tables 2–4 as arrays of integers, in the order of TYPED_CELLS
-- (lib/report-format/format.ts), the fee (万元) in ten-thousandths at its place: per table section
-- (Section.tableValues) and per publication, tables 2, 3 and 4 one after the other
-- (Publication.tableValues). The 汇总 and the open-data files read these instead of the cells'
-- JSON (a province's year was 22 MB of JSON to ship and parse; this is under 1 KB a report).
-- Only plain values are read here (digits; the fee with up to four decimals); any other value
-- (full-width digits, a stray space, an empty cell) gives NULL at its place, and the app then
-- reads that report's cells with the editor's own parser (lib/db/publication-figures.ts), so this
-- never decides what a value means, it only spares the common case. The order is pinned by
-- test/db/table-values.test.ts: a change of the form's cells needs a new migration.
CREATE FUNCTION report_count(v TEXT) RETURNS BIGINT
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT CASE WHEN v ~ '^[0-9]{1,9}$' THEN v::bigint END $$;

CREATE FUNCTION report_fee(v TEXT) RETURNS BIGINT
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT CASE WHEN v ~ '^[0-9]{1,9}([.][0-9]{1,4})?$' THEN (v::numeric * 10000)::bigint END $$;

CREATE FUNCTION report_table2_values(cells JSONB) RETURNS BIGINT[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT ARRAY[
        report_count(cells ->> 'regulations.made'), report_count(cells ->> 'regulations.repealed'), report_count(cells ->> 'regulations.current'), report_count(cells ->> 'normativeDocuments.made'),
        report_count(cells ->> 'normativeDocuments.repealed'), report_count(cells ->> 'normativeDocuments.current'), report_count(cells ->> 'licensing.decisions'), report_count(cells ->> 'punishment.decisions'),
        report_count(cells ->> 'enforcement.decisions'), report_fee(cells ->> 'fees.amount')
    ] $$;

CREATE FUNCTION report_table3_values(cells JSONB) RETURNS BIGINT[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT ARRAY[
        report_count(cells ->> 'newRequests.natural'), report_count(cells ->> 'newRequests.commercial'), report_count(cells ->> 'newRequests.research'), report_count(cells ->> 'newRequests.social'),
        report_count(cells ->> 'newRequests.legal'), report_count(cells ->> 'newRequests.other'), report_count(cells ->> 'carriedIn.natural'), report_count(cells ->> 'carriedIn.commercial'),
        report_count(cells ->> 'carriedIn.research'), report_count(cells ->> 'carriedIn.social'), report_count(cells ->> 'carriedIn.legal'), report_count(cells ->> 'carriedIn.other'),
        report_count(cells ->> 'disclosed.natural'), report_count(cells ->> 'disclosed.commercial'), report_count(cells ->> 'disclosed.research'), report_count(cells ->> 'disclosed.social'),
        report_count(cells ->> 'disclosed.legal'), report_count(cells ->> 'disclosed.other'), report_count(cells ->> 'partlyDisclosed.natural'), report_count(cells ->> 'partlyDisclosed.commercial'),
        report_count(cells ->> 'partlyDisclosed.research'), report_count(cells ->> 'partlyDisclosed.social'), report_count(cells ->> 'partlyDisclosed.legal'), report_count(cells ->> 'partlyDisclosed.other'),
        report_count(cells ->> 'withheld1.natural'), report_count(cells ->> 'withheld1.commercial'), report_count(cells ->> 'withheld1.research'), report_count(cells ->> 'withheld1.social'),
        report_count(cells ->> 'withheld1.legal'), report_count(cells ->> 'withheld1.other'), report_count(cells ->> 'withheld2.natural'), report_count(cells ->> 'withheld2.commercial'),
        report_count(cells ->> 'withheld2.research'), report_count(cells ->> 'withheld2.social'), report_count(cells ->> 'withheld2.legal'), report_count(cells ->> 'withheld2.other'),
        report_count(cells ->> 'withheld3.natural'), report_count(cells ->> 'withheld3.commercial'), report_count(cells ->> 'withheld3.research'), report_count(cells ->> 'withheld3.social'),
        report_count(cells ->> 'withheld3.legal'), report_count(cells ->> 'withheld3.other'), report_count(cells ->> 'withheld4.natural'), report_count(cells ->> 'withheld4.commercial'),
        report_count(cells ->> 'withheld4.research'), report_count(cells ->> 'withheld4.social'), report_count(cells ->> 'withheld4.legal'), report_count(cells ->> 'withheld4.other'),
        report_count(cells ->> 'withheld5.natural'), report_count(cells ->> 'withheld5.commercial'), report_count(cells ->> 'withheld5.research'), report_count(cells ->> 'withheld5.social'),
        report_count(cells ->> 'withheld5.legal'), report_count(cells ->> 'withheld5.other'), report_count(cells ->> 'withheld6.natural'), report_count(cells ->> 'withheld6.commercial'),
        report_count(cells ->> 'withheld6.research'), report_count(cells ->> 'withheld6.social'), report_count(cells ->> 'withheld6.legal'), report_count(cells ->> 'withheld6.other'),
        report_count(cells ->> 'withheld7.natural'), report_count(cells ->> 'withheld7.commercial'), report_count(cells ->> 'withheld7.research'), report_count(cells ->> 'withheld7.social'),
        report_count(cells ->> 'withheld7.legal'), report_count(cells ->> 'withheld7.other'), report_count(cells ->> 'withheld8.natural'), report_count(cells ->> 'withheld8.commercial'),
        report_count(cells ->> 'withheld8.research'), report_count(cells ->> 'withheld8.social'), report_count(cells ->> 'withheld8.legal'), report_count(cells ->> 'withheld8.other'),
        report_count(cells ->> 'unavailable1.natural'), report_count(cells ->> 'unavailable1.commercial'), report_count(cells ->> 'unavailable1.research'), report_count(cells ->> 'unavailable1.social'),
        report_count(cells ->> 'unavailable1.legal'), report_count(cells ->> 'unavailable1.other'), report_count(cells ->> 'unavailable2.natural'), report_count(cells ->> 'unavailable2.commercial'),
        report_count(cells ->> 'unavailable2.research'), report_count(cells ->> 'unavailable2.social'), report_count(cells ->> 'unavailable2.legal'), report_count(cells ->> 'unavailable2.other'),
        report_count(cells ->> 'unavailable3.natural'), report_count(cells ->> 'unavailable3.commercial'), report_count(cells ->> 'unavailable3.research'), report_count(cells ->> 'unavailable3.social'),
        report_count(cells ->> 'unavailable3.legal'), report_count(cells ->> 'unavailable3.other'), report_count(cells ->> 'unprocessed1.natural'), report_count(cells ->> 'unprocessed1.commercial'),
        report_count(cells ->> 'unprocessed1.research'), report_count(cells ->> 'unprocessed1.social'), report_count(cells ->> 'unprocessed1.legal'), report_count(cells ->> 'unprocessed1.other'),
        report_count(cells ->> 'unprocessed2.natural'), report_count(cells ->> 'unprocessed2.commercial'), report_count(cells ->> 'unprocessed2.research'), report_count(cells ->> 'unprocessed2.social'),
        report_count(cells ->> 'unprocessed2.legal'), report_count(cells ->> 'unprocessed2.other'), report_count(cells ->> 'unprocessed3.natural'), report_count(cells ->> 'unprocessed3.commercial'),
        report_count(cells ->> 'unprocessed3.research'), report_count(cells ->> 'unprocessed3.social'), report_count(cells ->> 'unprocessed3.legal'), report_count(cells ->> 'unprocessed3.other'),
        report_count(cells ->> 'unprocessed4.natural'), report_count(cells ->> 'unprocessed4.commercial'), report_count(cells ->> 'unprocessed4.research'), report_count(cells ->> 'unprocessed4.social'),
        report_count(cells ->> 'unprocessed4.legal'), report_count(cells ->> 'unprocessed4.other'), report_count(cells ->> 'unprocessed5.natural'), report_count(cells ->> 'unprocessed5.commercial'),
        report_count(cells ->> 'unprocessed5.research'), report_count(cells ->> 'unprocessed5.social'), report_count(cells ->> 'unprocessed5.legal'), report_count(cells ->> 'unprocessed5.other'),
        report_count(cells ->> 'otherHandling1.natural'), report_count(cells ->> 'otherHandling1.commercial'), report_count(cells ->> 'otherHandling1.research'), report_count(cells ->> 'otherHandling1.social'),
        report_count(cells ->> 'otherHandling1.legal'), report_count(cells ->> 'otherHandling1.other'), report_count(cells ->> 'otherHandling2.natural'), report_count(cells ->> 'otherHandling2.commercial'),
        report_count(cells ->> 'otherHandling2.research'), report_count(cells ->> 'otherHandling2.social'), report_count(cells ->> 'otherHandling2.legal'), report_count(cells ->> 'otherHandling2.other'),
        report_count(cells ->> 'otherHandling3.natural'), report_count(cells ->> 'otherHandling3.commercial'), report_count(cells ->> 'otherHandling3.research'), report_count(cells ->> 'otherHandling3.social'),
        report_count(cells ->> 'otherHandling3.legal'), report_count(cells ->> 'otherHandling3.other'), report_count(cells ->> 'carriedOut.natural'), report_count(cells ->> 'carriedOut.commercial'),
        report_count(cells ->> 'carriedOut.research'), report_count(cells ->> 'carriedOut.social'), report_count(cells ->> 'carriedOut.legal'), report_count(cells ->> 'carriedOut.other')
    ] $$;

CREATE FUNCTION report_table4_values(cells JSONB) RETURNS BIGINT[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT ARRAY[
        report_count(cells ->> 'review.upheld'), report_count(cells ->> 'review.corrected'), report_count(cells ->> 'review.other'), report_count(cells ->> 'review.pending'),
        report_count(cells ->> 'litigationDirect.upheld'), report_count(cells ->> 'litigationDirect.corrected'), report_count(cells ->> 'litigationDirect.other'), report_count(cells ->> 'litigationDirect.pending'),
        report_count(cells ->> 'litigationAfterReview.upheld'), report_count(cells ->> 'litigationAfterReview.corrected'), report_count(cells ->> 'litigationAfterReview.other'), report_count(cells ->> 'litigationAfterReview.pending')
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
