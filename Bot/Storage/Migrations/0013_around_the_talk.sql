-- Issue 12, around the talk: rounds that stop asking, one occurrence moved, and the bot's welcome to a new server.

-- A pair that chose "Keep going, stop asking": its rounds go on without the question until a partner runs
-- /ritual rounds. since_round is the round it was chosen in (for the log and the managers, not for logic).
CREATE TABLE quiet_rounds (
    pair_id     INTEGER PRIMARY KEY REFERENCES pairs (id) ON DELETE CASCADE,
    since_round INTEGER NOT NULL,
    chosen_at   TEXT    NOT NULL
);

-- /ritual move: one partner proposes another slot for one planned session; the other accepts or declines. A
-- proposal left unanswered lapses at the original slot (nothing stores that: a pending row past its slot is lapsed).
CREATE TABLE move_proposals (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    pair_id       INTEGER NOT NULL REFERENCES pairs (id) ON DELETE CASCADE,
    session_id    INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    original_slot TEXT    NOT NULL,
    proposed_slot TEXT    NOT NULL,
    proposed_by   INTEGER NOT NULL,
    status        TEXT    NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'declined', 'replaced')),
    created_at    TEXT    NOT NULL,
    answered_at   TEXT    NULL
);
CREATE INDEX ix_move_proposals_pair ON move_proposals (pair_id, status);

-- A session moved away from the slot its ritual gave it: the planner counts original_slot as planned, so the
-- occurrence is never planned a second time at its old place. armed is 0 from the move until its triggers were
-- replaced, so that a crash in between leaves the reconciler a row to finish.
CREATE TABLE session_moves (
    session_id    INTEGER PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
    original_slot TEXT    NOT NULL,
    moved_at      TEXT    NOT NULL,
    armed         INTEGER NOT NULL DEFAULT 0 CHECK (armed IN (0, 1))
);
CREATE INDEX ix_session_moves_unarmed ON session_moves (armed) WHERE armed = 0;

-- Servers the bot has said hello to once, when it first joined them (never again on a reconnect or a rejoin).
CREATE TABLE guild_welcomes (
    guild_id   INTEGER PRIMARY KEY,
    welcomed_at TEXT   NOT NULL
);
