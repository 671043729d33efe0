-- Placeholder in this branch only: number 0011 belongs to another branch; drop this file when merging.
SELECT 1;
