package vn.kyso.usage.event;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import vn.kyso.usage.EventType;

/**
 * The rollup counts one chunk of new events adds, summed in memory first so each (period,
 * certificate) touched costs one row write, however many events it got. Rows come in key order
 * (period, then certificate): every writer locks rollup rows in that order, so two concurrent
 * chunks wait for each other instead of deadlocking.
 */
final class Rollups {

    private Rollups() {
    }

    /** Counts by event type (in {@link EventType} order) for one certificate on one day or month. */
    record Row(LocalDate period, long certificateId, int[] counts, LocalDate lastSigned) {
        long key() {
            return RollupKey.of(period, certificateId);
        }
    }

    /** Counts to add, per (day, certificate). */
    static final class Deltas {
        private final Map<Key, int[]> daily = new TreeMap<>();

        void add(long certificateId, LocalDate day, EventType type) {
            add(certificateId, day, type, 1);
        }

        /** Adds {@code count}; a sum past the counts' range stays at the largest count (it never wraps). */
        void add(long certificateId, LocalDate day, EventType type, int count) {
            int[] counts = daily.computeIfAbsent(new Key(day, certificateId), k -> new int[4]);
            counts[type.ordinal()] = saturated((long) counts[type.ordinal()] + count);
        }

        boolean isEmpty() {
            return daily.isEmpty();
        }

        List<Row> daily() {
            List<Row> out = new ArrayList<>(daily.size());
            daily.forEach((k, c) -> out.add(new Row(k.period(), k.certificateId(), c, null)));
            return out;
        }

        /** Per (month, certificate): the sums, and the last day with a signature (SIGNED or SEEN). */
        List<Row> monthly() {
            Map<Key, Row> months = new TreeMap<>();
            daily.forEach((k, c) -> {
                Row m = months.computeIfAbsent(new Key(k.period().withDayOfMonth(1), k.certificateId()),
                        key -> new Row(key.period(), key.certificateId(), new int[4], null));
                for (int i = 0; i < 4; i++) {
                    m.counts()[i] = saturated((long) m.counts()[i] + c[i]);
                }
                if (c[EventType.SIGNED.ordinal()] + c[EventType.SEEN.ordinal()] > 0
                        && (m.lastSigned() == null || k.period().isAfter(m.lastSigned()))) {
                    months.put(new Key(m.period(), m.certificateId()),
                            new Row(m.period(), m.certificateId(), m.counts(), k.period()));
                }
            });
            return new ArrayList<>(months.values());
        }
    }

    private static int saturated(long sum) {
        return (int) Math.min(sum, Integer.MAX_VALUE);
    }

    private record Key(LocalDate period, long certificateId) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = period.compareTo(o.period);
            return c != 0 ? c : Long.compare(certificateId, o.certificateId);
        }
    }
}
