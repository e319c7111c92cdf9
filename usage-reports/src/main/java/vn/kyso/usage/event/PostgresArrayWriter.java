package vn.kyso.usage.event;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.kyso.usage.EventType;
import vn.kyso.usage.UsageEvent;

/**
 * PostgreSQL writes: a whole chunk per statement, its columns sent as arrays and unnested on
 * the server. The events go in with ON CONFLICT DO NOTHING RETURNING the keys actually new (the
 * once-only rule stays the unique key's), and each rollup is one INSERT ... ON CONFLICT DO
 * UPDATE that adds the chunk's sums. Three round trips per chunk instead of one per row.
 */
final class PostgresArrayWriter implements EventWriter {

    private static final String INSERT = """
            INSERT INTO usage_event (once_key, certificate_id, event_type, occurred_at, document_sha256,
                signature_field, channel, pades_level, duration_ms, recorded_at)
            SELECT k, c, typ, TIMESTAMPTZ 'epoch' + us * INTERVAL '1 microsecond', d, f, ch, l, ms, ?
            FROM unnest(?::bytea[], ?::int8[], ?::varchar[], ?::int8[], ?::bytea[], ?::varchar[], ?::varchar[],
                ?::varchar[], ?::int8[]) AS r(k, c, typ, us, d, f, ch, l, ms)
            ON CONFLICT DO NOTHING RETURNING once_key""";
    private static final String DAILY = """
            INSERT INTO usage_daily (rollup_key, use_day, certificate_id, signed, seen, checked, verified)
            SELECT k, DATE '1970-01-01' + p, c, s1, s2, s3, s4
            FROM unnest(?::int8[], ?::int4[], ?::int8[], ?::int4[], ?::int4[], ?::int4[], ?::int4[])
                AS r(k, p, c, s1, s2, s3, s4)
            ON CONFLICT (rollup_key) DO UPDATE SET signed = usage_daily.signed + EXCLUDED.signed,
                seen = usage_daily.seen + EXCLUDED.seen, checked = usage_daily.checked + EXCLUDED.checked,
                verified = usage_daily.verified + EXCLUDED.verified""";
    private static final String MONTHLY = """
            INSERT INTO usage_monthly (rollup_key, use_month, certificate_id, signed, seen, checked, verified,
                last_signed)
            SELECT k, DATE '1970-01-01' + p, c, s1, s2, s3, s4, DATE '1970-01-01' + ls
            FROM unnest(?::int8[], ?::int4[], ?::int8[], ?::int4[], ?::int4[], ?::int4[], ?::int4[], ?::int4[])
                AS r(k, p, c, s1, s2, s3, s4, ls)
            ON CONFLICT (rollup_key) DO UPDATE SET signed = usage_monthly.signed + EXCLUDED.signed,
                seen = usage_monthly.seen + EXCLUDED.seen, checked = usage_monthly.checked + EXCLUDED.checked,
                verified = usage_monthly.verified + EXCLUDED.verified,
                last_signed = GREATEST(usage_monthly.last_signed, EXCLUDED.last_signed)""";

    private final JdbcTemplate jdbc;

    PostgresArrayWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Pending> insertNew(List<Pending> sorted, OffsetDateTime recordedAt) {
        int n = sorted.size();
        byte[][] keys = new byte[n][];
        Long[] certificates = new Long[n];
        String[] types = new String[n];
        Long[] micros = new Long[n];
        byte[][] documents = new byte[n][];
        String[] fields = new String[n];
        String[] channels = new String[n];
        String[] levels = new String[n];
        Long[] durations = new Long[n];
        Map<Key, Pending> byKey = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            Pending p = sorted.get(i);
            UsageEvent e = p.event();
            keys[i] = p.key();
            certificates[i] = p.known().id();
            types[i] = e.type().name();
            Instant at = e.at();
            micros[i] = Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000);
            documents[i] = e.documentSha256() == null ? null : EventStore.binary(e.documentSha256());
            fields[i] = e.signatureField();
            channels[i] = e.channel() == null ? null : e.channel().name();
            levels[i] = e.level() == null ? null : e.level().name();
            durations[i] = e.duration() == null ? null : e.duration().toMillis();
            // equal keys (the same signature twice in a chunk): the first is the one inserted, as on H2
            byKey.putIfAbsent(new Key(p.key()), p);
        }
        List<Pending> inserted = new ArrayList<>(n);
        jdbc.execute((ConnectionCallback<Void>) c -> {
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                ps.setObject(1, recordedAt);
                ps.setArray(2, c.createArrayOf("bytea", keys));
                ps.setArray(3, c.createArrayOf("int8", certificates));
                ps.setArray(4, c.createArrayOf("varchar", types));
                ps.setArray(5, c.createArrayOf("int8", micros));
                ps.setArray(6, c.createArrayOf("bytea", documents));
                ps.setArray(7, c.createArrayOf("varchar", fields));
                ps.setArray(8, c.createArrayOf("varchar", channels));
                ps.setArray(9, c.createArrayOf("varchar", levels));
                ps.setArray(10, c.createArrayOf("int8", durations));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        inserted.add(byKey.get(new Key(rs.getBytes(1))));
                    }
                }
            }
            return null;
        });
        return inserted;
    }

    @Override
    public void addToRollups(Rollups.Deltas deltas) {
        jdbc.execute((ConnectionCallback<Void>) c -> {
            upsert(c, DAILY, deltas.daily(), false);
            upsert(c, MONTHLY, deltas.monthly(), true);
            return null;
        });
    }

    private static void upsert(Connection c, String sql, List<Rollups.Row> rows, boolean monthly) throws SQLException {
        int n = rows.size();
        Long[] keys = new Long[n];
        Integer[] periods = new Integer[n];
        Long[] certificates = new Long[n];
        Integer[][] counts = new Integer[4][n];
        Integer[] lastSigned = new Integer[n];
        for (int i = 0; i < n; i++) {
            Rollups.Row r = rows.get(i);
            keys[i] = r.key();
            periods[i] = (int) r.period().toEpochDay();
            certificates[i] = r.certificateId();
            for (EventType t : EventType.values()) {
                counts[t.ordinal()][i] = r.counts()[t.ordinal()];
            }
            lastSigned[i] = r.lastSigned() == null ? null : (int) r.lastSigned().toEpochDay();
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("int8", keys));
            ps.setArray(2, c.createArrayOf("int4", periods));
            ps.setArray(3, c.createArrayOf("int8", certificates));
            for (int t = 0; t < 4; t++) {
                ps.setArray(4 + t, c.createArrayOf("int4", counts[t]));
            }
            if (monthly) {
                ps.setArray(8, c.createArrayOf("int4", lastSigned));
            }
            ps.executeUpdate();
        }
    }

    /** A byte array as a map key. */
    private record Key(byte[] bytes) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Arrays.equals(bytes, k.bytes);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(bytes);
        }
    }
}
