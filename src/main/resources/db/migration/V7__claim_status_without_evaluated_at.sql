-- Written on every change, read by nothing: an evaluation that concludes the same writes nothing, so the
-- column never said when a claim was last evaluated. When a status took effect is "since"; each change is
-- in status_change.
ALTER TABLE claim_status DROP COLUMN evaluated_at;
