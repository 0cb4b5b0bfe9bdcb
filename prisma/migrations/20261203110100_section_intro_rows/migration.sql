-- Every existing report gets an empty 引言, with its first revision, as a new report does: the
-- code may then count on one row per part. An empty 引言 is left out of the content hash, so the
-- hashes already recorded by review stay valid.
INSERT INTO "Section" (id, "reportId", key, content, version)
SELECT gen_random_uuid()::text, r.id, 'intro', '{"kind":"narrative","text":""}'::jsonb, 1
FROM "Report" r
WHERE NOT EXISTS (SELECT 1 FROM "Section" s WHERE s."reportId" = r.id AND s.key = 'intro');

INSERT INTO "SectionRevision" (id, "sectionId", version, content, kind, "authorId", "authorName", "createdAt")
SELECT gen_random_uuid()::text, s.id, 1, s.content, 'create', r."createdById", u."displayName", r."createdAt"
FROM "Section" s
JOIN "Report" r ON r.id = s."reportId"
JOIN "User" u ON u.id = r."createdById"
WHERE s.key = 'intro' AND NOT EXISTS (SELECT 1 FROM "SectionRevision" v WHERE v."sectionId" = s.id);
