-- Sole control of custody keys (issue 13): the key holder, not the admin who issues the
-- certificate, chooses the PIN. A new key is sealed under a random initial secret (kept under
-- the master key in initial_secret) until its holder chooses a PIN in their own session; then
-- it is re-sealed under that PIN and initial_secret is wiped. Keys sealed before this version
-- were sealed under a PIN typed at issuance: they count as chosen (pin_set), and
-- docs/operations.md tells operators to re-key them.
ALTER TABLE ca_custody_key ADD COLUMN pin_set BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE ca_custody_key ADD COLUMN initial_secret BYTEA;
