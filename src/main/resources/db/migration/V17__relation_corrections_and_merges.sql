-- A correction may now change what a claim answers (disputes, supports, retracts, or nothing): the version it
-- replaces keeps the relation it had.
ALTER TABLE claim_version ADD COLUMN disputes_id BIGINT;
ALTER TABLE claim_version ADD COLUMN supports_id BIGINT;
ALTER TABLE claim_version ADD COLUMN retracts_id BIGINT;
-- No correction changed a relation before this version: every kept version had the claim's own.
UPDATE claim_version SET
    disputes_id = (SELECT c.disputes_id FROM claim c WHERE c.id = claim_version.claim_id),
    supports_id = (SELECT c.supports_id FROM claim c WHERE c.id = claim_version.claim_id),
    retracts_id = (SELECT c.retracts_id FROM claim c WHERE c.id = claim_version.claim_id);

-- A duplicate merged into the claim the desk keeps: its row stays (read as a redirect, and as it was known before
-- the merge), but it is no longer a fact of any thread, listed, counted or reviewed.
ALTER TABLE claim ADD COLUMN merged_into BIGINT;
ALTER TABLE claim ADD COLUMN merged_at TIMESTAMP(6) WITH TIME ZONE;
ALTER TABLE claim ADD COLUMN merged_by VARCHAR(200);
ALTER TABLE claim ADD COLUMN merge_reason VARCHAR(2000);
ALTER TABLE claim ADD CONSTRAINT fk_claim_merged_into FOREIGN KEY (merged_into) REFERENCES claim (id);
CREATE INDEX ix_claim_merged_into ON claim (merged_into);
