-- A publication's snapshot without what only its own page shows (the narrative sections, the
-- tables' notes, approvals, history, chart data, the list of changes): its metadata and its
-- tables' cells, a few kilobytes. The 汇总 and the open-data files read this for thousands of
-- publications at once; reading the same cells out of the snapshot itself made PostgreSQL
-- decompress every whole snapshot (about 0.5 ms each). Computed by PostgreSQL from the snapshot
-- (a stored generated column), so it can never disagree with it and the app never writes it.
-- Adding it rewrites the table, which fires no row trigger: publications stay immutable.
ALTER TABLE "Publication" ADD COLUMN "digest" JSONB GENERATED ALWAYS AS (
    ("snapshot"
        #- '{sections,overview}' #- '{sections,problems}' #- '{sections,other}'
        #- '{sections,proactive,note}' #- '{sections,requests,note}' #- '{sections,appeals,note}')
    - 'approvals' - 'history' - 'trend' - 'changes'
) STORED;
