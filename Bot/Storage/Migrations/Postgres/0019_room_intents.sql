-- A room asked of Discord and not recorded yet: stamped in its own committed write before the request, cleared in the
-- write that records the room. A step that finds it stamped with no room knows an earlier try was cut short between
-- Discord's answer and that write (a crash, a lost answer), and looks for the room Discord may have made before it
-- makes one, so that a session never gets a second room.
ALTER TABLE sessions ADD COLUMN room_requested_at TEXT NULL;
