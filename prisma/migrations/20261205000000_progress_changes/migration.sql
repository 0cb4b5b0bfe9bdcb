-- Every change that moves an organ's progress or its published figures is announced on the
-- channel nianbao_progress_changes, by PostgreSQL itself, so that no use case can forget to:
-- {"organId": …, "year": …} when a report of that organ and year changed (its status, checks,
-- withdrawal, review round, review actions, publications) or the organ was sent a 催办, and
-- {"tree": true} when an organ was added, renamed, recoded, moved or given another deadline.
-- NOTIFY is delivered when, and only if, the transaction commits. Each app instance keeps the
-- supervising office's dashboard and 汇总 data (lib/supervision/progress-changes.ts) and
-- reads again only what these name, and nothing at all while it cannot hear them.
CREATE FUNCTION public.announce_progress_change(organ_id TEXT, report_year INT) RETURNS void
    LANGUAGE sql
    AS $$ SELECT pg_notify('nianbao_progress_changes', json_build_object('organId', organ_id, 'year', report_year)::text) WHERE organ_id IS NOT NULL $$;

-- A report or a 催办: both name their organ and year.
CREATE FUNCTION public.organ_year_changed() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    PERFORM public.announce_progress_change(NEW."organId", NEW.year);
    RETURN NULL;
END $$;

-- A review round, a review action or a publication: the organ and year of its report.
CREATE FUNCTION public.report_part_changed() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    report_id TEXT;
BEGIN
    IF TG_TABLE_NAME = 'ReviewAction' THEN
        SELECT "reportId" INTO report_id FROM public."ReviewRound" WHERE id = NEW."roundId";
    ELSE
        report_id := NEW."reportId";
    END IF;
    PERFORM public.announce_progress_change(r."organId", r.year) FROM public."Report" r WHERE r.id = report_id;
    RETURN NULL;
END $$;

CREATE FUNCTION public.organ_tree_changed() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    PERFORM pg_notify('nianbao_progress_changes', '{"tree":true}');
    RETURN NULL;
END $$;

CREATE TRIGGER "Report_progress_insert" AFTER INSERT ON "Report" FOR EACH ROW EXECUTE FUNCTION public.organ_year_changed();
-- Not on every autosave: only what the dashboard and the 汇总 show.
CREATE TRIGGER "Report_progress_update" AFTER UPDATE ON "Report" FOR EACH ROW
    WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD."isCorrection" IS DISTINCT FROM NEW."isCorrection"
          OR OLD."checkErrors" IS DISTINCT FROM NEW."checkErrors" OR OLD."checkWarnings" IS DISTINCT FROM NEW."checkWarnings"
          OR OLD."withdrawnAt" IS DISTINCT FROM NEW."withdrawnAt" OR OLD."organId" IS DISTINCT FROM NEW."organId" OR OLD.year IS DISTINCT FROM NEW.year)
    EXECUTE FUNCTION public.organ_year_changed();
CREATE TRIGGER "ReviewRound_progress" AFTER INSERT OR UPDATE ON "ReviewRound" FOR EACH ROW EXECUTE FUNCTION public.report_part_changed();
CREATE TRIGGER "ReviewAction_progress" AFTER INSERT ON "ReviewAction" FOR EACH ROW EXECUTE FUNCTION public.report_part_changed();
CREATE TRIGGER "Publication_progress" AFTER INSERT ON "Publication" FOR EACH ROW EXECUTE FUNCTION public.report_part_changed();
CREATE TRIGGER "Reminder_progress" AFTER INSERT ON "Reminder" FOR EACH ROW EXECUTE FUNCTION public.organ_year_changed();
CREATE TRIGGER "Organ_tree_insert_delete" AFTER INSERT OR DELETE ON "Organ" FOR EACH STATEMENT EXECUTE FUNCTION public.organ_tree_changed();
CREATE TRIGGER "Organ_tree_update" AFTER UPDATE ON "Organ" FOR EACH ROW
    WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.code IS DISTINCT FROM NEW.code OR OLD.kind IS DISTINCT FROM NEW.kind
          OR OLD."parentId" IS DISTINCT FROM NEW."parentId" OR OLD."deadlineMonth" IS DISTINCT FROM NEW."deadlineMonth" OR OLD."deadlineDay" IS DISTINCT FROM NEW."deadlineDay")
    EXECUTE FUNCTION public.organ_tree_changed();
