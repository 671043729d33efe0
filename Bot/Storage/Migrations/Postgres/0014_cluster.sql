-- Several instances on one database (PostgreSQL; SQLite keeps one process but has the same tables).
-- Every running instance, with its heartbeat: an instance unseen for a while is dead (shard leases read it too).
CREATE TABLE instances (
    id          TEXT PRIMARY KEY,     -- Instance__Id: host name, pid and a random part unless configured
    started_at  TEXT NOT NULL,
    seen_at     TEXT NOT NULL
);
-- An outbox row being sent is claimed by one instance until claim_until; a dead instance's claim runs out and
-- another sends the row (with the same nonce).
ALTER TABLE outbox ADD COLUMN claimed_by TEXT NULL;
ALTER TABLE outbox ADD COLUMN claim_until TEXT NULL;
-- Rooms the bot is deleting, so that the CHANNEL_DELETE that follows, on whichever instance receives it, is known as
-- the bot's own and not taken for a deletion by hand. A row goes with that event, or after a day if it was lost.
CREATE TABLE room_deletions (
    channel_id  BIGINT PRIMARY KEY,
    instance_id TEXT NOT NULL,
    started_at  TEXT NOT NULL
);
