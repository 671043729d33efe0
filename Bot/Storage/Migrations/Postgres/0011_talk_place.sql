-- Where a pair talks: in the bot's voice room ('discord', the default) or outside Discord (by phone, on a walk, in
-- person, elsewhere). A session keeps the place it was planned for; a talk the pair says they held although the room
-- stayed empty is recorded as held elsewhere.
ALTER TABLE rituals ADD COLUMN place TEXT NOT NULL DEFAULT 'discord'
    CHECK (place IN ('discord', 'phone', 'walk', 'in_person', 'elsewhere'));
ALTER TABLE sessions ADD COLUMN place TEXT NOT NULL DEFAULT 'discord'
    CHECK (place IN ('discord', 'phone', 'walk', 'in_person', 'elsewhere'));

-- How many times "+5 min" was pressed in the room (at most 3); the time-box itself is in duration_minutes.
ALTER TABLE sessions ADD COLUMN extensions BIGINT NOT NULL DEFAULT 0;

-- The one-click check-in after a talk held elsewhere (or a room that stayed empty): one answer per partner.
CREATE TABLE session_checkins (
    session_id  BIGINT  NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    user_id     BIGINT  NOT NULL,
    talked      BIGINT NOT NULL CHECK (talked IN (0, 1)),
    answered_at TEXT    NOT NULL,
    PRIMARY KEY (session_id, user_id)
);
CREATE INDEX ix_session_checkins_user ON session_checkins (user_id);
