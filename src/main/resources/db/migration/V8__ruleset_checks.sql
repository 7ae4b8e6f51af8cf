-- The last check of each version run from the pages (validation, scenarios, preview), as JSON: a page
-- shows it again instead of validating, testing and previewing the whole database on every view.
CREATE TABLE ruleset_check (
    version    INT PRIMARY KEY REFERENCES ruleset (version),
    checked_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    checked_by VARCHAR(200) NOT NULL,
    result     VARCHAR(1000000) NOT NULL
);
