-- Placeholder for migration 0014 of another branch (the runner refuses gaps); removed when the branches are merged.
SELECT 1;
