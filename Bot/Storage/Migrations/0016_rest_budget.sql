-- Issue 11, performance: what Discord told the bot once and never changes, and the indexes the busy queries need.

-- A DM channel's id never changes for a bot and a user, and opening one costs a request (Discord rate-limits
-- opening many): kept across restarts, so a member's DM channel is opened once for the life of the database.
CREATE TABLE dm_channels (
    user_id    INTEGER PRIMARY KEY,
    channel_id INTEGER NOT NULL,
    opened_at  TEXT    NOT NULL
);

-- Sessions closed since a moment (the check-in's net, the reconcilers' later passes): read from here instead of
-- every closed session ever.
CREATE INDEX ix_sessions_closed ON sessions (status, closed_at);

-- Rooms due at one slot (the planner spreads their creation ahead of it, per server and in all): one slot's rows.
CREATE INDEX ix_sessions_slot ON sessions (slot_at, guild_id);
