-- Portable SQL: runs on PostgreSQL and on H2 in PostgreSQL mode.
-- Pseudonym mappings of gateway conversations, sealed by the Protect vault (AES-256-GCM): the
-- database only ever sees ciphertext. Shared by every gateway instance on the database.
CREATE TABLE vault_entry (
    id          VARCHAR(200) NOT NULL PRIMARY KEY,
    sealed      BYTEA        NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX vault_entry_expiry ON vault_entry (expires_at);
