-- An import's upload is kept in the database, in parts, until its job has read it, so that any instance can run
-- the job and another can resume it. Parts of at most 1 MiB, cut after a line's end where there is one:
-- lines_before counts the lines that end in earlier parts, and starts_line says the part begins a line, so a
-- resumed job reads from the last part before its next line rather than from the start of the upload.
-- Only the binary type differs between the stores.
CREATE TABLE import_part (
    job_id       BIGINT  NOT NULL REFERENCES import_job (id),
    seq          INT     NOT NULL,
    lines_before BIGINT  NOT NULL,
    starts_line  BOOLEAN NOT NULL,
    content      VARBINARY(1048576) NOT NULL,
    PRIMARY KEY (job_id, seq)
);
