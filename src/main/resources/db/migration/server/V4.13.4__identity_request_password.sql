-- A password reset that waits for a second person (issue 13) keeps the one-time password's hash
-- (never the password) until it is approved; it is cleared when the request is decided.
ALTER TABLE server_identity_request ADD COLUMN password_hash VARCHAR(100);
