-- Where a pair was formed: the channel used to reach a partner whose direct messages are closed.
ALTER TABLE pairs ADD COLUMN home_channel_id BIGINT NULL;

-- The partners' display names as they were when the pair formed, so that the trail of an ended pair still reads
-- well (pair_members rows go away when a pair ends).
ALTER TABLE pairs ADD COLUMN name_a TEXT NOT NULL DEFAULT '';
ALTER TABLE pairs ADD COLUMN name_b TEXT NOT NULL DEFAULT '';

-- The inviter's display name, for the pair formed when the invitation is accepted.
ALTER TABLE invitations ADD COLUMN inviter_name TEXT NOT NULL DEFAULT '';
