-- Categories the bot created because the configured one was full (Discord: at most 50 channels per category).
-- There can be several at once when many pairs share a slot; each is removed when it is empty again.
CREATE TABLE overflow_categories (
    category_id BIGINT PRIMARY KEY,
    guild_id    BIGINT NOT NULL,
    created_at  TEXT    NOT NULL
);
CREATE INDEX ix_overflow_categories_guild ON overflow_categories (guild_id);

-- Replaced by the table above.
ALTER TABLE guild_settings DROP COLUMN overflow_category_id;
