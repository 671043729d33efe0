-- Holds the number of a migration made on another branch, so that this branch's 0020 applies: drop this file when
-- the branches merge (the runner refuses two migrations of one number, so a forgotten one cannot slip through).
SELECT 1;
