-- Placeholder for migration 0015 of another branch (the runner refuses gaps); removed when the branches are merged.
SELECT 1;
