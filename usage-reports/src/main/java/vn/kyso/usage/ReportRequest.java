package vn.kyso.usage;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What to report on.
 *
 * @param from     first day of the period (inclusive)
 * @param to       last day of the period (inclusive)
 * @param unitCode the key of the unit whose subtree to cover (its code, or code@validFrom for an
 *                 earlier unit whose code was reused); null for every certificate
 * @param kind     only this kind; null for all
 * @param policy   the regular-use policy
 * @param topUsers how many top users to list
 * @param todaysUnits false (the default): each certificate is reported under its unit as it was
 *                 when the certificate was issued; true: rolled up into the unit of today that
 *                 carries it on, so that periods before and after a reorganisation compare
 */
public record ReportRequest(LocalDate from, LocalDate to, String unitCode, CertificateKind kind,
        RegularUsePolicy policy, int topUsers, boolean todaysUnits) {

    public ReportRequest {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new UsageException(UsageException.ErrorCode.INVALID_REQUEST, "period ends before it starts");
        }
        policy = policy == null ? RegularUsePolicy.DEFAULT : policy;
        if (topUsers < 0) {
            throw new UsageException(UsageException.ErrorCode.INVALID_REQUEST, "topUsers is negative");
        }
    }

    /** The whole inventory over [from, to] under the default policy, ten top users. */
    public static ReportRequest of(LocalDate from, LocalDate to) {
        return new ReportRequest(from, to, null, null, RegularUsePolicy.DEFAULT, 10, false);
    }

    /** The 12 full calendar months before the clock's current month (the default period). */
    public static ReportRequest lastTwelveMonths(Clock clock, ZoneId zone) {
        YearMonth current = YearMonth.from(LocalDate.now(clock.withZone(zone)));
        return of(current.minusMonths(12).atDay(1), current.minusMonths(1).atEndOfMonth());
    }

    public ReportRequest withUnit(String code) {
        return new ReportRequest(from, to, code, kind, policy, topUsers, todaysUnits);
    }

    public ReportRequest withKind(CertificateKind k) {
        return new ReportRequest(from, to, unitCode, k, policy, topUsers, todaysUnits);
    }

    public ReportRequest withPolicy(RegularUsePolicy p) {
        return new ReportRequest(from, to, unitCode, kind, p, topUsers, todaysUnits);
    }

    /** The same report with certificates under today's units (true) or their units when issued. */
    public ReportRequest withTodaysUnits(boolean today) {
        return new ReportRequest(from, to, unitCode, kind, policy, topUsers, today);
    }
}
