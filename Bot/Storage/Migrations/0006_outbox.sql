-- The outbox: one row per message the bot owes, written in the same transaction as the state change that owes it,
-- and sent by a worker that retries across restarts. Only a pending row is ever sent.
CREATE TABLE outbox (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    dedupe_key          TEXT    NOT NULL,          -- e.g. session:42:remind:<user>; a second enqueue does nothing
    kind                TEXT    NOT NULL,
    target              TEXT    NOT NULL CHECK (target IN ('dm', 'channel', 'edit')),
    user_id             INTEGER NULL,              -- the recipient of a direct message
    channel_id          INTEGER NULL,              -- the channel posted in, or of the message edited
    message_id          INTEGER NULL,              -- the message edited
    payload             TEXT    NOT NULL,          -- the whole message, as JSON
    fallback_channel_id INTEGER NULL,              -- reminders only: where a bare mention goes when DMs are closed
    fallback_payload    TEXT    NULL,
    concerns            TEXT    NOT NULL,          -- ' id id ': users it is sent to or mentions (forgetting drops them)
    session_id          INTEGER NULL,              -- the session it belongs to, also noted in session_notices once done
    notice_user_id      INTEGER NULL,
    expires_at          TEXT    NULL,              -- obsolete from then on (a reminder at its slot)
    until_session_ends  INTEGER NOT NULL DEFAULT 0,-- obsolete once the session is over (welcome, time-box warning)
    nonce               TEXT    NOT NULL,          -- Discord's nonce, the same on every attempt (enforce_nonce)
    state               TEXT    NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'refused', 'dropped')),
    attempts            INTEGER NOT NULL DEFAULT 0,
    next_attempt_at     TEXT    NOT NULL,
    created_at          TEXT    NOT NULL,
    done_at             TEXT    NULL,
    sent_channel_id     INTEGER NULL,
    sent_message_id     INTEGER NULL,
    failure             TEXT    NULL               -- HTTP status and Discord code of a refusal, never the text
);
CREATE UNIQUE INDEX ux_outbox_dedupe ON outbox (dedupe_key);
CREATE INDEX ix_outbox_due ON outbox (state, next_attempt_at);
