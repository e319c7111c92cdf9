-- Signing in the service: which accounts are clerks (văn thư) of an agency certificate, the
-- agency's seal image, and each account's handwritten-signature image. Documents themselves are
-- never stored. Plain SQL that runs on H2 (MODE=PostgreSQL) and PostgreSQL.

-- The admin names the clerks of each agency certificate (by serial, lower-case hex); only they
-- may sign with it. No foreign key to the CA's register: each module owns its tables.
CREATE TABLE server_agency_clerk (
    certificate_serial VARCHAR(64) NOT NULL,
    account_id         BIGINT      NOT NULL REFERENCES server_account (id) ON DELETE CASCADE,
    PRIMARY KEY (certificate_serial, account_id)
);

-- The seal image drawn by the "issue" step (transparent PNG) and the seal's real diameter.
CREATE TABLE server_agency_seal (
    certificate_serial VARCHAR(64)  NOT NULL PRIMARY KEY,
    image              BYTEA        NOT NULL,
    diameter_mm        NUMERIC(5,1) NOT NULL
);

-- An account's handwritten-signature image (transparent PNG), used when a request brings none.
CREATE TABLE server_signature_image (
    account_id BIGINT NOT NULL PRIMARY KEY REFERENCES server_account (id) ON DELETE CASCADE,
    image      BYTEA  NOT NULL
);
