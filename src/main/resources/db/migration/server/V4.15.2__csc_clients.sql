-- CSC API: systems an admin registered (the document-management system) and their access tokens
-- from oauth2/token (client credentials). Only SHA-256 of secrets and tokens is kept (256 random
-- bits each, so a fast hash is enough, as for the accounts' API tokens).
CREATE TABLE server_csc_client (
    client_id   VARCHAR(64)  NOT NULL PRIMARY KEY,
    name        VARCHAR(100) NOT NULL,
    secret_hash CHAR(64)     NOT NULL,
    created_by  VARCHAR(64)  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at  TIMESTAMP WITH TIME ZONE
);

CREATE TABLE server_csc_client_token (
    token_hash CHAR(64)    NOT NULL PRIMARY KEY,
    client_id  VARCHAR(64) NOT NULL REFERENCES server_csc_client (client_id) ON DELETE CASCADE,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX server_csc_client_token_expires ON server_csc_client_token (expires_at);
