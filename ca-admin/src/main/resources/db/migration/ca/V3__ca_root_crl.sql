-- The root's CRL over the CA certificates it signed (an ARL): its own CRL number sequence,
-- distinct from the issuing CA's, because the two CRLs have different issuers.
INSERT INTO ca_counter (name, counter_value) VALUES ('root_crl_number', 0);
CREATE TABLE ca_root_crl (
    crl_number  BIGINT PRIMARY KEY,
    this_update TIMESTAMP WITH TIME ZONE NOT NULL,
    next_update TIMESTAMP WITH TIME ZONE NOT NULL,
    der         BYTEA NOT NULL
);
