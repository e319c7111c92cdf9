-- Batch signing jobs: the documents of a batch wait here to be signed one by one after the
-- request that brought them, and each one's result (the signed PDF, or why it failed) stays here
-- for the owner to download until the retention ends. A document's result and its usage event
-- are committed in one transaction. Plain SQL that runs on H2 (MODE=PostgreSQL) and PostgreSQL.

CREATE TABLE server_signing_batch (
    -- random, 128 bits, hex: the id is not guessable (but access is checked against the owner anyway)
    id           CHAR(32)     NOT NULL PRIMARY KEY,
    account_id   BIGINT       NOT NULL REFERENCES server_account (id) ON DELETE CASCADE,
    -- RUNNING, COMPLETED, INTERRUPTED (the process that held the unlocked key ended first)
    status       VARCHAR(16)  NOT NULL,
    step         VARCHAR(16)  NOT NULL,
    pades_level  VARCHAR(8)   NOT NULL,
    total        INTEGER      NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    -- moved on by the instance that runs the job: a RUNNING job whose heartbeat stopped is interrupted
    heartbeat_at TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX server_signing_batch_status ON server_signing_batch (status, heartbeat_at);
CREATE INDEX server_signing_batch_created ON server_signing_batch (created_at);

CREATE TABLE server_signing_batch_document (
    batch_id        CHAR(32)     NOT NULL REFERENCES server_signing_batch (id) ON DELETE CASCADE,
    position        INTEGER      NOT NULL,
    filename        VARCHAR(300) NOT NULL,
    -- PENDING, SIGNED, FAILED
    status          VARCHAR(16)  NOT NULL,
    -- the upload while PENDING; cleared when the document is done
    content         BYTEA,
    -- SIGNED: the signed PDF and its SHA-256 (hex), the hash the usage event names
    signed_pdf      BYTEA,
    signed_sha256   CHAR(64),
    -- FAILED: the error code (e.g. CERTIFICATION_FORBIDS_CHANGES, INTERRUPTED)
    failure         VARCHAR(64),
    finished_at     TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (batch_id, position)
);
