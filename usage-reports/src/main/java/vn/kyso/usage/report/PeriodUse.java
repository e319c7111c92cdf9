package vn.kyso.usage.report;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the certificates in scope did in a period: per certificate its signatures, active months
 * and last day of use; per month of the period the signatures and the active certificates.
 */
final class PeriodUse {

    /** One certificate's use; zero when it has no row. */
    static final class Tally {
        static final Tally NONE = new Tally();
        long signatures;
        int activeMonths;
        LocalDate lastUse;
    }

    final Map<Long, Tally> perCertificate = new HashMap<>();
    /** Per month, in order: signatures, active certificates. */
    final Map<YearMonth, long[]> trend = new LinkedHashMap<>();

    PeriodUse(LocalDate from, LocalDate to) {
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            trend.put(m, new long[2]);
        }
    }

    /** No use: a period that has not started yet. */
    static PeriodUse none() {
        return new PeriodUse();
    }

    private PeriodUse() {
    }

    Tally of(long certificateId) {
        return perCertificate.getOrDefault(certificateId, Tally.NONE);
    }

    /** Adds one certificate's signatures in one month (or the period's part of it). */
    void add(long certificateId, YearMonth month, long signatures, LocalDate lastDay, int minPerActiveMonth) {
        Tally t = perCertificate.computeIfAbsent(certificateId, k -> new Tally());
        t.signatures += signatures;
        long[] m = trend.get(month);
        m[0] += signatures;
        if (signatures >= minPerActiveMonth) {
            t.activeMonths++;
            m[1]++;
        }
        if (lastDay != null && (t.lastUse == null || lastDay.isAfter(t.lastUse))) {
            t.lastUse = lastDay;
        }
    }
}
