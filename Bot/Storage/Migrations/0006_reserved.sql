-- Reserved: number 6 belongs to a migration on another branch. Drop this file when that one is merged.
SELECT 1;
