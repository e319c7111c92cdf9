package vn.kyso.usage.event;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;

import vn.kyso.usage.EventType;

/**
 * Adds event counts to the daily and monthly rollups. The upsert is portable (H2 has no
 * ON CONFLICT DO UPDATE): insert ignoring conflicts and update the rows that existed, or update
 * and insert the rows that were missing (updating again the ones a concurrent writer inserted
 * in between). Keys are applied in sorted order so two
 * concurrent batches lock rows in the same order and cannot deadlock.
 */
final class Rollups {

    /** Counts to add, per (certificate, day). */
    static final class Deltas {
        final Map<Key, int[]> daily = new TreeMap<>();

        void add(long certificateId, LocalDate day, EventType type) {
            daily.computeIfAbsent(new Key(certificateId, day), k -> new int[4])[type.ordinal()]++;
        }
    }

    record Key(long certificateId, LocalDate date) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = Long.compare(certificateId, o.certificateId);
            return c != 0 ? c : date.compareTo(o.date);
        }
    }

    private static final String DAILY_UPDATE = "UPDATE usage_daily SET signed = signed + ?, seen = seen + ?,"
            + " checked = checked + ?, verified = verified + ? WHERE certificate_id = ? AND use_day = ?";
    private static final String DAILY_INSERT = "INSERT INTO usage_daily (signed, seen, checked, verified,"
            + " certificate_id, use_day) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";
    private static final String MONTHLY_UPDATE = "UPDATE usage_monthly SET signed = signed + ?, seen = seen + ?,"
            + " checked = checked + ?, verified = verified + ?, last_signed = GREATEST(last_signed, CAST(? AS DATE))"
            + " WHERE certificate_id = ? AND use_month = ?";
    private static final String MONTHLY_INSERT = "INSERT INTO usage_monthly (signed, seen, checked, verified,"
            + " last_signed, certificate_id, use_month) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";

    private final JdbcTemplate jdbc;

    Rollups(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void apply(Deltas deltas) {
        if (deltas.daily.isEmpty()) {
            return;
        }
        Map<Key, int[]> monthly = new TreeMap<>();
        Map<Key, LocalDate> lastSigned = new TreeMap<>();
        List<Object[]> daily = new ArrayList<>();
        deltas.daily.forEach((key, c) -> {
            daily.add(new Object[] { c[0], c[1], c[2], c[3], key.certificateId(), key.date() });
            Key month = new Key(key.certificateId(), key.date().withDayOfMonth(1));
            int[] m = monthly.computeIfAbsent(month, k -> new int[4]);
            for (int i = 0; i < 4; i++) {
                m[i] += c[i];
            }
            if (c[EventType.SIGNED.ordinal()] + c[EventType.SEEN.ordinal()] > 0) {
                lastSigned.merge(month, key.date(), (a, b) -> a.isAfter(b) ? a : b);
            }
        });
        List<Object[]> months = new ArrayList<>();
        monthly.forEach((key, m) -> months.add(
                new Object[] { m[0], m[1], m[2], m[3], lastSigned.get(key), key.certificateId(), key.date() }));
        // a day's row is usually new (insert first); a month's row usually exists (update first):
        // either way one statement per row in the common case
        upsert(DAILY_INSERT, DAILY_UPDATE, daily, false);
        upsert(MONTHLY_UPDATE, MONTHLY_INSERT, months, true);
    }

    private void upsert(String first, String second, List<Object[]> rows, boolean updateFirst) {
        List<Object[]> missing = notUpdated(jdbc.batchUpdate(first, rows), rows);
        if (missing.isEmpty()) {
            return;
        }
        List<Object[]> lost = notUpdated(jdbc.batchUpdate(second, missing), missing);
        if (!lost.isEmpty() && updateFirst) {
            // inserted by a concurrent writer between our update and our insert: add to it
            lost = notUpdated(jdbc.batchUpdate(first, lost), lost);
        }
        if (!lost.isEmpty()) {
            throw new IllegalStateException("rollup row neither insertable nor updatable");
        }
    }

    private static List<Object[]> notUpdated(int[] counts, List<Object[]> rows) {
        List<Object[]> out = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                out.add(rows.get(i));
            }
        }
        return out;
    }
}
