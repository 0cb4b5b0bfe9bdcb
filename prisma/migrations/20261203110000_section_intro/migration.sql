-- The 引言: an optional opening part before 一、总体情况, stored as a section with its own key.
-- A new enum value cannot be used in the transaction that adds it, so the existing reports get
-- their (empty) 引言 in the next migration.
ALTER TYPE "SectionKey" ADD VALUE 'intro' BEFORE 'overview';
