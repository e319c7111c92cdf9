package vn.kyso.usage.event;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.kyso.usage.EventType;
import vn.kyso.usage.UsageEvent;
import vn.kyso.usage.UsageException;
import vn.kyso.usage.UsageException.ErrorCode;
import vn.kyso.usage.inventory.CertificateInventory;

/**
 * Portable writes in JDBC batches with typed parameters (H2 embedded: no round trips to save).
 * The rollup upsert is portable too (H2 has no ON CONFLICT DO UPDATE): insert ignoring
 * conflicts and update the rows that existed, or update and insert the rows that were missing
 * (updating again the ones a concurrent writer inserted in between).
 */
final class JdbcBatchWriter implements EventWriter {

    private static final String INSERT = """
            INSERT INTO usage_event (once_key, certificate_id, event_type, occurred_at, document_sha256,
                signature_field, channel, pades_level, duration_ms, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""";
    private static final String DAILY_UPDATE = "UPDATE usage_daily SET signed = signed + ?, seen = seen + ?,"
            + " checked = checked + ?, verified = verified + ? WHERE rollup_key = ?";
    private static final String DAILY_INSERT = "INSERT INTO usage_daily (signed, seen, checked, verified,"
            + " rollup_key, use_day, certificate_id) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";
    private static final String MONTHLY_UPDATE = "UPDATE usage_monthly SET signed = signed + ?, seen = seen + ?,"
            + " checked = checked + ?, verified = verified + ?, last_signed = GREATEST(last_signed, CAST(? AS DATE))"
            + " WHERE rollup_key = ?";
    private static final String MONTHLY_INSERT = "INSERT INTO usage_monthly (signed, seen, checked, verified,"
            + " last_signed, rollup_key, use_month, certificate_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";

    private final JdbcTemplate jdbc;

    JdbcBatchWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Pending> insertNew(List<Pending> sorted, OffsetDateTime recordedAt) {
        int[] counts = jdbc.batchUpdate(INSERT, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                Pending p = sorted.get(i);
                UsageEvent e = p.event();
                ps.setBytes(1, p.key());
                ps.setLong(2, p.known().id());
                ps.setString(3, e.type().name());
                ps.setObject(4, CertificateInventory.utc(e.at()));
                if (e.documentSha256() == null) {
                    ps.setNull(5, Types.VARBINARY);
                } else {
                    ps.setBytes(5, EventStore.binary(e.documentSha256()));
                }
                ps.setString(6, e.signatureField());
                ps.setString(7, e.channel() == null ? null : e.channel().name());
                ps.setString(8, e.level() == null ? null : e.level().name());
                if (e.duration() == null) {
                    ps.setNull(9, Types.BIGINT);
                } else {
                    ps.setLong(9, e.duration().toMillis());
                }
                ps.setObject(10, recordedAt);
            }

            @Override
            public int getBatchSize() {
                return sorted.size();
            }
        });
        List<Pending> inserted = new ArrayList<>(sorted.size());
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == Statement.SUCCESS_NO_INFO) {
                // a driver rewriting batches hides which rows were new
                throw new UsageException(ErrorCode.STORAGE_FAILURE,
                        "the JDBC driver does not report per-row update counts; disable batch rewriting");
            }
            if (counts[i] > 0) {
                inserted.add(sorted.get(i));
            }
        }
        return inserted;
    }

    @Override
    public void addToRollups(Rollups.Deltas deltas) {
        // a day's row is usually new (insert first); a month's row usually exists (update first):
        // either way one statement per row in the common case
        upsert(DAILY_INSERT, DAILY_UPDATE, deltas.daily(), false, false);
        upsert(MONTHLY_UPDATE, MONTHLY_INSERT, deltas.monthly(), true, true);
    }

    private void upsert(String first, String second, List<Rollups.Row> rows, boolean updateFirst, boolean monthly) {
        List<Rollups.Row> missing = notUpdated(batch(first, rows, monthly), rows);
        if (missing.isEmpty()) {
            return;
        }
        List<Rollups.Row> lost = notUpdated(batch(second, missing, monthly), missing);
        if (!lost.isEmpty() && updateFirst) {
            // inserted by a concurrent writer between our update and our insert: add to it
            lost = notUpdated(batch(first, lost, monthly), lost);
        }
        if (!lost.isEmpty()) {
            throw new IllegalStateException("rollup row neither insertable nor updatable");
        }
    }

    /** Every rollup statement takes the four counts, [last_signed,] the key[, period, certificate]. */
    private int[] batch(String sql, List<Rollups.Row> rows, boolean monthly) {
        boolean insert = sql.startsWith("INSERT");
        return jdbc.batchUpdate(sql, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                Rollups.Row r = rows.get(i);
                int n = 1;
                for (EventType t : EventType.values()) {
                    ps.setInt(n++, r.counts()[t.ordinal()]);
                }
                if (monthly) {
                    ps.setObject(n++, r.lastSigned(), Types.DATE);
                }
                ps.setLong(n++, r.key());
                if (insert) {
                    ps.setObject(n++, r.period());
                    ps.setLong(n, r.certificateId());
                }
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        });
    }

    private static List<Rollups.Row> notUpdated(int[] counts, List<Rollups.Row> rows) {
        List<Rollups.Row> out = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                out.add(rows.get(i));
            }
        }
        return out;
    }
}
