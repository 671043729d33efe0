-- Issue 10, shards shared by the instances: what the gateway told the instance holding a guild's shard about the guild
-- itself, for a step run on another instance (whose cache has never heard of the guild): the server's locale, name,
-- owner and system channel, the bot's permissions at guild level, and per category the bot's permissions there, its
-- name and the channels under it (JSON). One row per guild, rewritten by the recording instance when that changes;
-- trusted only while the recorder's row in instances is alive.
CREATE TABLE guild_state (
    guild_id          BIGINT  PRIMARY KEY,
    recorded_by       TEXT    NOT NULL,
    recorded_at       TEXT    NOT NULL,
    name              TEXT    NOT NULL,
    owner_id          BIGINT  NOT NULL,
    system_channel_id BIGINT  NULL,
    preferred_locale  TEXT    NOT NULL,
    bot_permissions   BIGINT  NOT NULL,
    categories        TEXT    NOT NULL
);
