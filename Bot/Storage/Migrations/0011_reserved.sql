-- Reserved for another branch's migration of this round; dropped when the branches are merged.
SELECT 1;
