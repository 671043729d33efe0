-- Holds the place of migration 0018, given to another change made at the same time: the runner refuses gaps. It
-- changes nothing and is dropped when that change's 0018 is merged.
SELECT 1;
