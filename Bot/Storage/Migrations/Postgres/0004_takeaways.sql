-- Where each takeaway went when it was revealed, and whether it got there.
-- The route is decided once, at the reveal (the trail channel, the partner, or nowhere), so that a retry after a
-- Discord outage delivers to the same place, and a public takeaway revealed while no trail channel was set is never
-- posted publicly later. delivered_at stays NULL until the trail message or the partner's DM went out.
ALTER TABLE takeaways ADD COLUMN route TEXT NULL CHECK (route IN ('trail', 'partner', 'none'));
ALTER TABLE takeaways ADD COLUMN delivered_at TEXT NULL;

-- The reconciler looks for takeaways still held (to reveal at the deadline) and revealed ones not yet delivered.
CREATE INDEX ix_takeaways_held ON takeaways (session_id) WHERE revealed_at IS NULL;
CREATE INDEX ix_takeaways_undelivered ON takeaways (revealed_at) WHERE revealed_at IS NOT NULL AND delivered_at IS NULL;

-- What /me export and /me forget look up by member.
CREATE INDEX ix_takeaways_author ON takeaways (author_id);
CREATE INDEX ix_attendance_user ON attendance (user_id);
