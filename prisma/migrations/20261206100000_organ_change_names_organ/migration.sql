-- An organ's update that leaves every organ where it was (a new name, code, kind or deadline) now
-- names the organ: {"tree": true, "organId": …}. The dashboard and the 工作台 then read that one
-- organ's row again instead of walking every organ below (5,000 for a province). A move (another
-- parent), an organ added or deleted stays {"tree": true}: which organs lie below an office may
-- have changed.
CREATE FUNCTION public.organ_changed() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF OLD."parentId" IS DISTINCT FROM NEW."parentId" THEN
        PERFORM pg_notify('nianbao_progress_changes', '{"tree":true}');
    ELSE
        PERFORM pg_notify('nianbao_progress_changes', json_build_object('tree', true, 'organId', NEW.id)::text);
    END IF;
    RETURN NULL;
END $$;

DROP TRIGGER "Organ_tree_update" ON "Organ";
CREATE TRIGGER "Organ_tree_update" AFTER UPDATE ON "Organ" FOR EACH ROW
    WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.code IS DISTINCT FROM NEW.code OR OLD.kind IS DISTINCT FROM NEW.kind
          OR OLD."parentId" IS DISTINCT FROM NEW."parentId" OR OLD."deadlineMonth" IS DISTINCT FROM NEW."deadlineMonth" OR OLD."deadlineDay" IS DISTINCT FROM NEW."deadlineDay")
    EXECUTE FUNCTION public.organ_changed();
