-- The rollups keyed by one BIGINT, rollup_key = (days from 1970-01-01 to the day or month's first
-- day) * 2^32 + certificate_id: H2 then stores each rollup in its primary map alone (no separate
-- key index to update per row, a long compare instead of a row compare), PostgreSQL gets one
-- narrow btree, and a period is one key range for both. The day/month and certificate columns
-- stay, for reading. Portable rebuild: H2 and PostgreSQL name primary keys differently.

CREATE TABLE usage_daily_v2 (
    rollup_key     BIGINT  NOT NULL,
    use_day        DATE    NOT NULL,
    certificate_id BIGINT  NOT NULL,
    signed         INTEGER NOT NULL,
    seen           INTEGER NOT NULL,
    checked        INTEGER NOT NULL,
    verified       INTEGER NOT NULL,
    CONSTRAINT usage_daily_key PRIMARY KEY (rollup_key)
);
INSERT INTO usage_daily_v2 (rollup_key, use_day, certificate_id, signed, seen, checked, verified)
    SELECT CAST(EXTRACT(EPOCH FROM use_day) AS BIGINT) / 86400 * 4294967296 + certificate_id,
        use_day, certificate_id, signed, seen, checked, verified FROM usage_daily;
DROP TABLE usage_daily;
ALTER TABLE usage_daily_v2 RENAME TO usage_daily;

CREATE TABLE usage_monthly_v2 (
    rollup_key     BIGINT  NOT NULL,
    use_month      DATE    NOT NULL,
    certificate_id BIGINT  NOT NULL,
    signed         INTEGER NOT NULL,
    seen           INTEGER NOT NULL,
    checked        INTEGER NOT NULL,
    verified       INTEGER NOT NULL,
    -- the last day in the month with a signature (SIGNED or SEEN), null when none
    last_signed    DATE,
    CONSTRAINT usage_monthly_key PRIMARY KEY (rollup_key)
);
INSERT INTO usage_monthly_v2 (rollup_key, use_month, certificate_id, signed, seen, checked, verified, last_signed)
    SELECT CAST(EXTRACT(EPOCH FROM use_month) AS BIGINT) / 86400 * 4294967296 + certificate_id,
        use_month, certificate_id, signed, seen, checked, verified, last_signed FROM usage_monthly;
DROP TABLE usage_monthly;
ALTER TABLE usage_monthly_v2 RENAME TO usage_monthly;
