-- Sessions follow the account (issue 13): disabling an account, changing its roles or subscriber,
-- or resetting its password bumps security_version; every request of a session (on every
-- instance sharing the database) compares the version it logged in with to this one and ends
-- itself when they differ.
ALTER TABLE server_account ADD COLUMN security_version BIGINT DEFAULT 0 NOT NULL;
