-- The pool's user-facing side: managers' choices for it, where each member entered it (the pair it forms gets that
-- channel as its home, and a DM that cannot be delivered falls back to a mention there), and when each guild's
-- scheduled matching last ran (so a restart or a second pass in the same period does not run it twice).
ALTER TABLE guild_settings ADD COLUMN pool_cadence_hours BIGINT NOT NULL DEFAULT 24 CHECK (pool_cadence_hours BETWEEN 1 AND 720);
ALTER TABLE guild_settings ADD COLUMN pool_role_id BIGINT NULL;
ALTER TABLE guild_settings ADD COLUMN pool_open BIGINT NOT NULL DEFAULT 1 CHECK (pool_open IN (0, 1));

ALTER TABLE pool_entries ADD COLUMN channel_id BIGINT NULL;

CREATE TABLE pool_runs (
    guild_id    BIGINT PRIMARY KEY,
    last_run_at TEXT   NOT NULL
);
