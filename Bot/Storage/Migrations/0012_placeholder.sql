-- Placeholder in this branch only: number 0012 belongs to another branch; drop this file when merging.
SELECT 1;
