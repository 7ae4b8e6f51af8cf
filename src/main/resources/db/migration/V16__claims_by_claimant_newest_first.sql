-- A submission is compared with its claimant's latest claims (likely duplicates): this index hands them over
-- newest first without reading or sorting the claimant's whole archive.
CREATE INDEX ix_claim_claimant_latest ON claim (claimant_id, id);
