-- issue 14: units come from the CA's dated unit directory through a port (docs/usage.md, "Units");
-- the module's own copy keyed by code alone goes. A certificate keeps its unit's code, read with
-- the day it was issued. Dropping the column drops its foreign key to usage_unit on H2 and
-- PostgreSQL alike.
ALTER TABLE usage_certificate ADD COLUMN unit_code_v2 VARCHAR(32);
UPDATE usage_certificate SET unit_code_v2 = unit_code;
ALTER TABLE usage_certificate DROP COLUMN unit_code;
ALTER TABLE usage_certificate RENAME COLUMN unit_code_v2 TO unit_code;
CREATE INDEX usage_certificate_unit_code ON usage_certificate (unit_code);
DROP TABLE usage_unit;
