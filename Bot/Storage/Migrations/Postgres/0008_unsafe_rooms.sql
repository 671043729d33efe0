-- Rooms Discord made without the overwrites that keep them private and that could not be deleted at once. Written
-- before the first deletion attempt, so that a crash cannot leave a public room forgotten; the row goes with the room.
CREATE TABLE unsafe_rooms (
    room_id    BIGINT PRIMARY KEY,
    guild_id   BIGINT NOT NULL,
    session_id BIGINT NOT NULL,
    noted_at   TEXT    NOT NULL
);
