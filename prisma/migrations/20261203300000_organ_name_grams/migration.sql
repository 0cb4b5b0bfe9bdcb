-- The public search finds organs by any part of their name ("镇", "溪市"). pg_trgm cannot serve
-- that here: with the database's C locale it sees no word characters in Chinese text (no
-- trigrams at all, so a LIKE '%镇%' reads the whole index), and even where it does, a pattern
-- shorter than three characters gives it nothing to look up. Instead, an organ name's one- and
-- two-character pieces, in a GIN index: a name containing the query contains every piece of
-- the query, so `organ_name_grams(name) @> organ_name_grams(q)` narrows, and `name LIKE` decides.
CREATE FUNCTION organ_name_grams(name TEXT) RETURNS TEXT[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 10000
    AS $$
        SELECT coalesce(array_agg(DISTINCT g), '{}'::text[]) FROM (
            SELECT substr(name, i, 1) AS g FROM generate_series(1, char_length(name)) AS i
            UNION ALL
            SELECT substr(name, i, 2) FROM generate_series(1, char_length(name) - 1) AS i
        ) AS pieces
    $$;

CREATE INDEX "Organ_name_grams_idx" ON "Organ" USING GIN (organ_name_grams("name"));
