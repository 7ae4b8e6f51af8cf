-- How many committed changes a dispute thread's facts have had, kept on its root claim (the row its writers
-- lock). A warm session of the thread (kept in an instance's memory) is used only while this number is the
-- one it was built or last advanced at: a write by any instance moves it, and the session is rebuilt.
ALTER TABLE claim ADD COLUMN thread_version BIGINT DEFAULT 0 NOT NULL;
