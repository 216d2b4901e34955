-- Portable SQL: runs on PostgreSQL and on H2 in PostgreSQL mode.
-- The register of AI tools: one row per version of the description of a configured upstream. Rows are
-- never changed; an edit adds a version, and the audit trail records the hash of each version.
CREATE TABLE tool_register_entry (
    upstream        VARCHAR(64)   NOT NULL,
    version         INTEGER       NOT NULL,
    provider        VARCHAR(200),
    model_version   VARCHAR(200),
    purpose         VARCHAR(2000),
    purpose_en      VARCHAR(2000),
    hosting         VARCHAR(1000),
    hds_status      VARCHAR(16),
    data_reuse      VARCHAR(2000),
    retention       VARCHAR(500),
    medical_device  VARCHAR(500),
    known_limits    VARCHAR(4000),
    -- on_premise | hds | eu_contract | public; NULL keeps the configured level.
    level           VARCHAR(16),
    in_use          BOOLEAN       NOT NULL,
    changed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_by      VARCHAR(128)  NOT NULL,
    content_hash    CHAR(64)      NOT NULL,
    PRIMARY KEY (upstream, version)
);
