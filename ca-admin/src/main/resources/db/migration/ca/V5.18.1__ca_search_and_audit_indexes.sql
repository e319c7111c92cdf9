-- Issue 18: admin screens for hundreds of people. Subscribers are found by a folded name
-- (lower case, no diacritics: "nguyen van" finds "Nguyễn Văn"), filled by kyso for older rows
-- at start; the audit log is read newest first and filtered by action, actor and time.
ALTER TABLE ca_subscriber ADD COLUMN search_name VARCHAR(255);
CREATE INDEX ix_ca_subscriber_search_name ON ca_subscriber (search_name, id);
CREATE INDEX ix_ca_subscriber_unit ON ca_subscriber (unit_id);
CREATE INDEX ix_ca_certificate_issued_at ON ca_certificate (issued_at);
CREATE INDEX ix_ca_audit_action ON ca_audit (action, seq);
CREATE INDEX ix_ca_audit_actor ON ca_audit (actor, seq);
CREATE INDEX ix_ca_audit_logged_at ON ca_audit (logged_at);
