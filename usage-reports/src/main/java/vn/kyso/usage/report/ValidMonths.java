package vn.kyso.usage.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * The months of a period in which a certificate was valid on at least one day: a certificate is
 * judged on those only, so one issued in the period's last month is not held to a whole year's
 * threshold, and one revoked early is not dormant for the rest of it.
 */
final class ValidMonths {

    private final LocalDate from;
    private final LocalDate to;
    private final ZoneId zone;

    /** For the period [from, to], {@code to} already cut at today (future days never count). */
    ValidMonths(LocalDate from, LocalDate to, ZoneId zone) {
        this.from = from;
        this.to = to;
        this.zone = zone;
    }

    int of(Instant notBefore, Instant notAfter, Instant revokedAt) {
        Instant end = revokedAt != null && revokedAt.isBefore(notAfter) ? revokedAt : notAfter;
        int months = 0;
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            Instant start = RollupReader.max(from, m.atDay(1)).atStartOfDay(zone).toInstant();
            Instant stop = RollupReader.min(to, m.atEndOfMonth()).plusDays(1).atStartOfDay(zone).toInstant();
            if (notBefore.isBefore(stop) && !end.isBefore(start)) {
                months++;
            }
        }
        return months;
    }
}
