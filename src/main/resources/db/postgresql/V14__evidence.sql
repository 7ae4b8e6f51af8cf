-- Evidence: the sources behind a claim and behind the desk's review of it, several per claim, each recorded
-- with who added it and when; removing one records who, when and why (nothing is erased). The claim's own
-- source, as submitted, is the first of them (from_submission): existing ones are copied here, new ones as
-- claims are stored.
-- Ids come from a sequence, so that an import's evidence rows are written in batches. Only the sequence's
-- syntax differs between the stores.
CREATE SEQUENCE evidence_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE evidence (
    id              BIGINT PRIMARY KEY,
    claim_id        BIGINT NOT NULL REFERENCES claim (id),
    for_review      BOOLEAN NOT NULL,
    from_submission BOOLEAN NOT NULL,
    url             VARCHAR(2000),
    archived_url    VARCHAR(2000),
    title           VARCHAR(500),
    publisher       VARCHAR(200),
    kind            VARCHAR(32) NOT NULL,
    accessed_at     TIMESTAMP(6) WITH TIME ZONE,
    note            VARCHAR(2000),
    added_by        VARCHAR(200) NOT NULL,
    added_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    removed_by      VARCHAR(200),
    removed_at      TIMESTAMP(6) WITH TIME ZONE,
    removal_reason  VARCHAR(2000)
);
CREATE INDEX ix_evidence_claim ON evidence (claim_id, id);

INSERT INTO evidence (id, claim_id, for_review, from_submission, url, title, publisher, kind, added_by, added_at)
SELECT nextval('evidence_seq'), id, FALSE, TRUE, source_url, source_title, source_publisher, 'ARTICLE', recorded_by, recorded_at
FROM claim
WHERE source_url IS NOT NULL OR source_title IS NOT NULL OR source_publisher IS NOT NULL
ORDER BY id;
