-- Trail messages that still show a forgotten member. Written in the forget transaction itself; a row goes in the
-- transaction that owes the message's edit to the outbox, so a crash in between cannot leave the old text on Discord.
CREATE TABLE trail_refreshes_owed (
    session_id BIGINT PRIMARY KEY,
    owed_at    TEXT    NOT NULL
);
