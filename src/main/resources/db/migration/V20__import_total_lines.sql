-- How many lines an import's upload holds, counted as it is kept: its progress is lines read of these.
-- Null for jobs queued before this version.
ALTER TABLE import_job ADD COLUMN total_lines BIGINT;
