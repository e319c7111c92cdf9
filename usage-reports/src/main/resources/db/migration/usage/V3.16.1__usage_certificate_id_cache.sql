-- Issue 16: every certificate the CA issues becomes an inventory row. H2 reserves identity values
-- 32 at a time and commits each reservation on its own (the whole file's changed pages); reserving
-- 1,000 at a time makes that rare. A restart may skip reserved values (ids are only row handles).
ALTER TABLE usage_certificate ALTER COLUMN id SET CACHE 1000;
