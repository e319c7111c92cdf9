package vn.kyso.usage.event;

import java.time.LocalDate;

/**
 * The rollups' primary key (migration 2.2): the day number (since 1970-01-01) of the day or of
 * the month's first day in the high 32 bits, the certificate's row id in the low 32. Key order
 * is (period, certificate) order, so a period is one key range, read straight from the table's
 * primary index.
 */
public final class RollupKey {

    private RollupKey() {
    }

    public static long of(LocalDate period, long certificateId) {
        if (certificateId < 0 || certificateId > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("certificate id out of the rollup key's range: " + certificateId);
        }
        return (period.toEpochDay() << 32) + certificateId;
    }

    /** The smallest key of {@code period}: rows of periods from {@code a} before {@code b} are [first(a), first(b)). */
    public static long first(LocalDate period) {
        return period.toEpochDay() << 32;
    }

    public static long certificateId(long key) {
        return key & 0xFFFF_FFFFL;
    }

    public static LocalDate period(long key) {
        return LocalDate.ofEpochDay(key >> 32);
    }
}
