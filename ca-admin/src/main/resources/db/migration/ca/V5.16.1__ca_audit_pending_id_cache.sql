-- Issue 16: every issuance writes one waiting audit entry. H2 reserves identity values 32 at a
-- time and commits the reservation on its own (the whole file's changed pages) each time: at many
-- issuances a second that was a commit every 32 issuances. Reserving 1,000 at a time makes it rare.
-- A restart may skip reserved values; the chain's own sequence (ca_audit.seq) is not affected.
ALTER TABLE ca_audit_pending ALTER COLUMN id SET CACHE 1000;
