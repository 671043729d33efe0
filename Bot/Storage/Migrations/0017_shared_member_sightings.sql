-- Issue 10, shards shared by the instances: what Discord's gateway told the instance holding a guild's shard about
-- its members (the answers to Request Guild Members), so that a step run on another instance knows it too, without
-- a REST look-up. Each row stands for the truth as long as the one kept in memory does (10 minutes).
CREATE TABLE member_sightings (
    guild_id INTEGER NOT NULL,
    user_id  INTEGER NOT NULL,
    member   INTEGER NOT NULL,
    seen_at  TEXT    NOT NULL,
    PRIMARY KEY (guild_id, user_id)
);
