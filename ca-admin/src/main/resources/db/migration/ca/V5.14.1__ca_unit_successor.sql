-- issue 14: a unit's history in one place. When a unit ends by a merger or a rename, the code of
-- the unit that carries on its work from the next day (the usage reports roll history up by it).
ALTER TABLE ca_unit ADD COLUMN successor_code VARCHAR(32);
