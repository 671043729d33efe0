-- The matching pool (/pair without a partner): members waiting for a partner, whom they keep away, the proposals
-- the matcher made and who declined whom. All rows are per guild and go with /me forget.

-- One entry per member per guild. windows: the member's weekly windows in their own zone, 'mon 18:00-20:00;thu
-- 07:30-08:30' (an end at or before the start runs past midnight). waiting_since orders the line: joined_at, or
-- earlier than everyone when a proposal fell through through no fault of theirs.
CREATE TABLE pool_entries (
    guild_id      INTEGER NOT NULL,
    user_id       INTEGER NOT NULL,
    display_name  TEXT    NOT NULL,
    time_zone     TEXT    NOT NULL,
    languages     INTEGER NOT NULL CHECK (languages BETWEEN 1 AND 3), -- 1 English, 2 French, 3 both
    windows       TEXT    NOT NULL,
    someone_new   INTEGER NOT NULL DEFAULT 0 CHECK (someone_new IN (0, 1)),
    joined_at     TEXT    NOT NULL,
    waiting_since TEXT    NOT NULL,
    expires_at    TEXT    NOT NULL,
    reminded      INTEGER NOT NULL DEFAULT 0 CHECK (reminded IN (0, 1)),
    PRIMARY KEY (guild_id, user_id)
);
CREATE INDEX ix_pool_entries_expires ON pool_entries (expires_at);

-- blocker_id is never proposed blocked_id (nor the other way round).
CREATE TABLE pool_blocks (
    guild_id   INTEGER NOT NULL,
    blocker_id INTEGER NOT NULL,
    blocked_id INTEGER NOT NULL,
    created_at TEXT    NOT NULL,
    PRIMARY KEY (guild_id, blocker_id, blocked_id),
    CHECK (blocker_id <> blocked_id)
);

-- A match the matcher proposed: slot is the first fitting instant, time_zone the zone the ritual will be set in
-- (member a's). Each answer is NULL until given. Closed proposals stay for the managers' counts.
CREATE TABLE pool_proposals (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    guild_id    INTEGER NOT NULL,
    member_a_id INTEGER NOT NULL,
    member_b_id INTEGER NOT NULL,
    slot        TEXT    NOT NULL,
    time_zone   TEXT    NOT NULL,
    status      TEXT    NOT NULL CHECK (status IN ('pending', 'accepted', 'declined', 'expired')),
    a_answer    INTEGER NULL CHECK (a_answer IN (0, 1)),
    b_answer    INTEGER NULL CHECK (b_answer IN (0, 1)),
    created_at  TEXT    NOT NULL,
    expires_at  TEXT    NOT NULL,
    closed_at   TEXT    NULL,
    CHECK (member_a_id <> member_b_id)
);
CREATE INDEX ix_pool_proposals_guild_status ON pool_proposals (guild_id, status);
CREATE INDEX ix_pool_proposals_pending_expiry ON pool_proposals (expires_at) WHERE status = 'pending';

-- decliner_id declined (or let expire) a proposal to meet other_id: they are not proposed to each other again.
CREATE TABLE pool_declines (
    guild_id    INTEGER NOT NULL,
    decliner_id INTEGER NOT NULL,
    other_id    INTEGER NOT NULL,
    declined_at TEXT    NOT NULL,
    PRIMARY KEY (guild_id, decliner_id, other_id)
);
