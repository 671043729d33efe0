-- Servers the bot was removed from (GUILD_DELETE without "unavailable"). While a row exists nothing is planned or
-- retried there; the row goes when the bot is added back, or with the server's data once the retention has passed.
CREATE TABLE guild_removals (
    guild_id   BIGINT PRIMARY KEY,
    removed_at TEXT NOT NULL
);
