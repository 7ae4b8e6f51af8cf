-- An import's upload is kept in the database, in parts, until its job has read it: any instance can then
-- run the job, and another resumes it when the instance running it goes away. The job's holder and its
-- lease say who runs it now; a job whose lease has run out is free for any instance to take.
ALTER TABLE import_job ADD COLUMN holder VARCHAR(100);
ALTER TABLE import_job ADD COLUMN lease_until TIMESTAMP(6) WITH TIME ZONE;

-- Parts of at most 1 MiB, cut after a line's end where there is one: lines_before counts the lines that
-- end in earlier parts, and starts_line says the part begins a line, so a resumed job reads from the
-- last part before its next line rather than from the start of the upload.
CREATE TABLE import_part (
    job_id       BIGINT  NOT NULL REFERENCES import_job (id),
    seq          INT     NOT NULL,
    lines_before BIGINT  NOT NULL,
    starts_line  BOOLEAN NOT NULL,
    content      BYTEA NOT NULL,
    PRIMARY KEY (job_id, seq)
);
