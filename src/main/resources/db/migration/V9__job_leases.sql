-- Jobs that one instance runs for all (time passing, the start-up repair) are claimed here: a lease names
-- its holder and runs until lease_until; another instance takes a job only once its lease has run out.
CREATE TABLE job_lease (
    job         VARCHAR(100) PRIMARY KEY,
    holder      VARCHAR(100),
    lease_until TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
INSERT INTO job_lease (job, holder, lease_until) VALUES ('time-passing', NULL, TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00');
INSERT INTO job_lease (job, holder, lease_until) VALUES ('start-up-repair', NULL, TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00');
INSERT INTO job_lease (job, holder, lease_until) VALUES ('demo-data', NULL, TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00');
