-- Optional second factor for admins (issue 13): an RFC 6238 TOTP secret (base32) the admin enrolled
-- in the console, and the last time step accepted (a code is never accepted twice).
ALTER TABLE server_account ADD COLUMN totp_secret VARCHAR(64);
ALTER TABLE server_account ADD COLUMN totp_last_step BIGINT;
