-- An import job is run by one instance at a time: the holder names it, and its lease says until when. Once the
-- lease has run out (the holder died or stopped), any instance may take the job and resume it.
ALTER TABLE import_job ADD COLUMN holder VARCHAR(100);
ALTER TABLE import_job ADD COLUMN lease_until TIMESTAMP(6) WITH TIME ZONE;
