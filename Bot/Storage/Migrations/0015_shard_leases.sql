-- Issue 10, shards shared by the instances (PostgreSQL; SQLite has one process and never writes these tables).

-- Who connects each gateway shard: one owner at a time, until expires_at unless renewed. An expired lease (its owner
-- died or lost the database) is free for any instance to take. owner is the instance's text id.
CREATE TABLE shard_leases (
    shard_id    INTEGER PRIMARY KEY,
    shard_count INTEGER NOT NULL,
    owner       TEXT    NOT NULL DEFAULT '',
    expires_at  TEXT    NOT NULL,
    acquired_at TEXT    NULL
);

-- The instances taking part in the leasing, seen at each renewal: the live ones share the shards evenly.
CREATE TABLE shard_members (
    owner   TEXT PRIMARY KEY,
    seen_at TEXT NOT NULL
);

-- One IDENTIFY per max_concurrency bucket (shard_id % max_concurrency) per 5 s across all instances: the instance
-- that claims the bucket until busy_until may identify; the others wait for it.
CREATE TABLE identify_buckets (
    bucket     INTEGER PRIMARY KEY,
    owner      TEXT    NOT NULL,
    busy_until TEXT    NOT NULL
);

-- A command set being registered: the instance that claims the scope for a hash registers it, the others do not.
-- A claim whose registration never finished (its instance died) may be taken again once it expires.
CREATE TABLE command_registration_claims (
    scope      TEXT PRIMARY KEY,
    hash       TEXT NOT NULL,
    owner      TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
