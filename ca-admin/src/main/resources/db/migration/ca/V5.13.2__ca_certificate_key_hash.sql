-- One public key per subscriber across the CA (issue 13): the SHA-256 of each certificate's
-- SubjectPublicKeyInfo, so that issuance finds the same key certified for someone else with one
-- indexed lookup. Rows issued before are filled in by the CA at start (CertificateRegister).
ALTER TABLE ca_certificate ADD COLUMN spki_sha256 VARCHAR(64);
CREATE INDEX ix_ca_certificate_spki ON ca_certificate (spki_sha256);
