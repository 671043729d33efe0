-- CrossCoaching schema, version 1.
-- Conventions: ids from Discord are INTEGER snowflakes; instants are UTC text 'yyyy-MM-ddTHH:mm:ss.fffZ'
-- (text order = time order); a ritual's wall time is 'HH:mm:ss' with an IANA zone id beside it.

-- Settings of one guild, from /coaching setup.
CREATE TABLE guild_settings (
    guild_id             INTEGER PRIMARY KEY,
    category_id          INTEGER NULL,            -- where session rooms are created; NULL = top level
    overflow_category_id INTEGER NULL,            -- created by the bot when the category is full
    trail_channel_id     INTEGER NULL,            -- where public takeaways go
    time_zone            TEXT    NULL,            -- default zone for new rituals
    language             TEXT    NULL CHECK (language IN ('en', 'fr')), -- NULL: follow the guild locale
    round_length         INTEGER NOT NULL DEFAULT 4 CHECK (round_length BETWEEN 1 AND 52),
    updated_at           TEXT    NOT NULL
);

-- Two partners in one guild.
CREATE TABLE pairs (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    guild_id         INTEGER NOT NULL,
    member_a_id      INTEGER NOT NULL,            -- the one who invited
    member_b_id      INTEGER NOT NULL,            -- the one who accepted
    status           TEXT    NOT NULL CHECK (status IN ('active', 'suspended', 'ended')),
    round_number     INTEGER NOT NULL DEFAULT 1,
    round_started_at TEXT    NOT NULL,
    created_at       TEXT    NOT NULL,
    ended_at         TEXT    NULL,
    end_reason       TEXT    NULL,
    CHECK (member_a_id <> member_b_id)
);
CREATE INDEX ix_pairs_guild_status ON pairs (guild_id, status);

-- Members of pairs that have not ended. The primary key makes "at most one pair per member per guild" a rule of
-- the database, so two invitations accepted at the same moment cannot both succeed.
CREATE TABLE pair_members (
    guild_id     INTEGER NOT NULL,
    user_id      INTEGER NOT NULL,
    pair_id      INTEGER NOT NULL REFERENCES pairs (id) ON DELETE CASCADE,
    display_name TEXT    NOT NULL,
    PRIMARY KEY (guild_id, user_id)
);
CREATE INDEX ix_pair_members_pair ON pair_members (pair_id);

-- An invitation posted by /pair, answered with its buttons.
CREATE TABLE invitations (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    guild_id    INTEGER NOT NULL,
    channel_id  INTEGER NOT NULL,
    message_id  INTEGER NULL,
    inviter_id  INTEGER NOT NULL,
    invitee_id  INTEGER NOT NULL,
    status      TEXT    NOT NULL CHECK (status IN ('pending', 'accepted', 'declined', 'expired', 'cancelled')),
    created_at  TEXT    NOT NULL,
    expires_at  TEXT    NOT NULL,
    answered_at TEXT    NULL
);
CREATE UNIQUE INDEX ux_invitations_pending ON invitations (guild_id, inviter_id, invitee_id) WHERE status = 'pending';
CREATE INDEX ix_invitations_expiry ON invitations (status, expires_at);

-- The recurring slot of a pair.
CREATE TABLE rituals (
    pair_id          INTEGER PRIMARY KEY REFERENCES pairs (id) ON DELETE CASCADE,
    frequency        TEXT    NOT NULL CHECK (frequency IN ('week', '2weeks', 'first', 'second', 'third', 'fourth', 'last')),
    day_of_week      INTEGER NOT NULL CHECK (day_of_week BETWEEN 0 AND 6),  -- 0 = Sunday, as System.DayOfWeek
    local_time       TEXT    NOT NULL,
    time_zone        TEXT    NOT NULL,
    duration_minutes INTEGER NOT NULL,
    reminder_minutes INTEGER NOT NULL,
    anchor_date      TEXT    NOT NULL,            -- local date an every-2-weeks rhythm counts from
    paused           INTEGER NOT NULL DEFAULT 0,
    paused_until     TEXT    NULL,                -- local date; the ritual resumes by itself then
    updated_at       TEXT    NOT NULL,
    updated_by       INTEGER NOT NULL
);

-- One occurrence of a ritual, or an impromptu session. The steps of its lifecycle are in session_steps.
CREATE TABLE sessions (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    pair_id          INTEGER NOT NULL REFERENCES pairs (id) ON DELETE CASCADE,
    guild_id         INTEGER NOT NULL,
    kind             TEXT    NOT NULL CHECK (kind IN ('ritual', 'impromptu')),
    slot_at          TEXT    NOT NULL,            -- when the room opens
    duration_minutes INTEGER NOT NULL,
    grace_minutes    INTEGER NOT NULL,
    status           TEXT    NOT NULL DEFAULT 'scheduled'
                     CHECK (status IN ('scheduled', 'open', 'closed', 'missed', 'skipped', 'cancelled', 'failed')),
    outcome          TEXT    NULL CHECK (outcome IN ('held', 'partial', 'missed', 'skipped')),
    skip_announced   INTEGER NOT NULL DEFAULT 0,  -- skipped ahead of the reminder: the streak is kept
    room_channel_id  INTEGER NULL,
    room_parent_id   INTEGER NULL,
    failure          TEXT    NULL,
    created_at       TEXT    NOT NULL,
    closed_at        TEXT    NULL,
    UNIQUE (pair_id, slot_at)
);
CREATE INDEX ix_sessions_status ON sessions (status);
CREATE INDEX ix_sessions_room ON sessions (room_channel_id) WHERE room_channel_id IS NOT NULL;

-- The due time and state of each step of a session (remind, prepare, open, warn, close).
CREATE TABLE session_steps (
    session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    step       TEXT    NOT NULL CHECK (step IN ('remind', 'prepare', 'open', 'warn', 'close')),
    due_at     TEXT    NOT NULL,
    state      TEXT    NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'dropped', 'failed')),
    attempts   INTEGER NOT NULL DEFAULT 0,
    done_at    TEXT    NULL,
    PRIMARY KEY (session_id, step)
);
CREATE INDEX ix_session_steps_due ON session_steps (state, due_at);

-- Messages sent for a session, one row per recipient and kind, so that a step run twice never sends twice.
CREATE TABLE session_notices (
    session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    user_id    INTEGER NOT NULL,                  -- 0 for a message to the room itself
    kind       TEXT    NOT NULL,
    channel_id INTEGER NULL,
    message_id INTEGER NULL,
    sent_at    TEXT    NOT NULL,
    PRIMARY KEY (session_id, user_id, kind)
);

-- Voice presence in a session's room: one row per stay.
CREATE TABLE attendance (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    user_id    INTEGER NOT NULL,
    joined_at  TEXT    NOT NULL,
    left_at    TEXT    NULL
);
CREATE INDEX ix_attendance_session ON attendance (session_id, user_id);

-- One takeaway per partner and session.
CREATE TABLE takeaways (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id  INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    pair_id     INTEGER NOT NULL REFERENCES pairs (id) ON DELETE CASCADE,
    author_id   INTEGER NULL,                     -- NULL once the author asked to be forgotten
    author_name TEXT    NOT NULL,
    text        TEXT    NOT NULL,
    visibility  TEXT    NOT NULL CHECK (visibility IN ('public', 'pair', 'private')),
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL,
    revealed_at TEXT    NULL,
    UNIQUE (session_id, author_id)
);
CREATE INDEX ix_takeaways_pair ON takeaways (pair_id, session_id);

-- The trail message of a session (both takeaways, revealed together).
CREATE TABLE trail_posts (
    session_id INTEGER PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
    channel_id INTEGER NOT NULL,
    message_id INTEGER NOT NULL,
    posted_at  TEXT    NOT NULL
);

-- Continue / Stop at the end of a round.
CREATE TABLE round_answers (
    pair_id      INTEGER NOT NULL REFERENCES pairs (id) ON DELETE CASCADE,
    round_number INTEGER NOT NULL,
    user_id      INTEGER NOT NULL,
    answer       TEXT    NOT NULL CHECK (answer IN ('continue', 'stop')),
    answered_at  TEXT    NOT NULL,
    PRIMARY KEY (pair_id, round_number, user_id)
);

-- Hash of the command set last sent to Discord, per scope ('global' or a guild id), so that start-up only
-- overwrites commands when they changed (Discord limits command creates per day).
CREATE TABLE command_registrations (
    scope         TEXT PRIMARY KEY,
    hash          TEXT NOT NULL,
    registered_at TEXT NOT NULL
);
