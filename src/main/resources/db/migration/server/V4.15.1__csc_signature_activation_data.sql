-- CSC API: the signature activation data (SAD) that credentials/authorize hands out, bound to the
-- hashes the officer's PIN was given for. Only the SHA-256 of the SAD is kept (it is the bearer
-- secret of a key activation in the CA); a row is deleted by the one signHash or signDoc that
-- uses it, so a SAD works once.
CREATE TABLE server_csc_sad (
    sad_hash      CHAR(64)     NOT NULL PRIMARY KEY,
    account       VARCHAR(64)  NOT NULL,
    activation_id BIGINT       NOT NULL,
    serial        VARCHAR(64)  NOT NULL,
    -- the authorized hashes, base64, sorted and joined by ','; empty for a signDoc authorization
    hashes        VARCHAR(20000) NOT NULL,
    signatures    INTEGER      NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX server_csc_sad_expires ON server_csc_sad (expires_at);
