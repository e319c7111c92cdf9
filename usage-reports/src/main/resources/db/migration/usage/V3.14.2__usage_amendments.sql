-- Closed periods are closed (docs/usage.md): a proven signature whose evidence time falls in a
-- month already closed (its end plus the grace time) does not change that month's figures; it
-- is kept here as an amendment, shown beside the report with who added it and when.
CREATE TABLE usage_amendment (
    signature_id   CHAR(64)      PRIMARY KEY,
    certificate_id BIGINT        NOT NULL,
    signed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    document_name  VARCHAR(1000) NOT NULL,
    file_sha256    CHAR(64),
    recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by    VARCHAR(200)
);
CREATE INDEX usage_amendment_signed ON usage_amendment (signed_at);
