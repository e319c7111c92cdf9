-- The rollups keyed by (period, certificate): the primary key alone serves both the write path's
-- upserts and the reports' period ranges, so the separate period indexes go (one index less to
-- maintain per new row). Portable rebuild: H2 and PostgreSQL name primary keys differently.

CREATE TABLE usage_daily_v2 (
    use_day        DATE    NOT NULL,
    certificate_id BIGINT  NOT NULL,
    signed         INTEGER NOT NULL,
    seen           INTEGER NOT NULL,
    checked        INTEGER NOT NULL,
    verified       INTEGER NOT NULL,
    CONSTRAINT usage_daily_key PRIMARY KEY (use_day, certificate_id)
);
INSERT INTO usage_daily_v2 (use_day, certificate_id, signed, seen, checked, verified)
    SELECT use_day, certificate_id, signed, seen, checked, verified FROM usage_daily;
DROP TABLE usage_daily;
ALTER TABLE usage_daily_v2 RENAME TO usage_daily;

CREATE TABLE usage_monthly_v2 (
    use_month      DATE    NOT NULL,
    certificate_id BIGINT  NOT NULL,
    signed         INTEGER NOT NULL,
    seen           INTEGER NOT NULL,
    checked        INTEGER NOT NULL,
    verified       INTEGER NOT NULL,
    -- the last day in the month with a signature (SIGNED or SEEN), null when none
    last_signed    DATE,
    CONSTRAINT usage_monthly_key PRIMARY KEY (use_month, certificate_id)
);
INSERT INTO usage_monthly_v2 (use_month, certificate_id, signed, seen, checked, verified, last_signed)
    SELECT use_month, certificate_id, signed, seen, checked, verified, last_signed FROM usage_monthly;
DROP TABLE usage_monthly;
ALTER TABLE usage_monthly_v2 RENAME TO usage_monthly;
