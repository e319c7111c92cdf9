package vn.kyso.server.usage;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import vn.kyso.usage.CertificateKind;
import vn.kyso.usage.ReportRequest;
import vn.kyso.usage.UsageException;
import vn.kyso.usage.UsageException.ErrorCode;
import vn.kyso.usage.UsageReports;

/**
 * The report parameters a client sends (API or dashboard), checked into a {@link ReportRequest}:
 * ISO dates given both or neither (neither: the last 12 months), a known unit key, AGENCY or
 * PERSONAL, units "issued" (default) or "today". Anything else is an INVALID_REQUEST or
 * UNKNOWN_UNIT (a 400 problem).
 */
record ReportQuery(String from, String to, String unit, String kind, String units) {

    /** A query with each certificate under its unit when issued. */
    ReportQuery(String from, String to, String unit, String kind) {
        this(from, to, unit, kind, null);
    }

    /** The longest period a report may cover, so that one request cannot ask for centuries of months. */
    static final int MAX_YEARS = 20;

    ReportRequest toRequest(UsageReports usage) {
        ReportRequest request;
        if (blank(from) && blank(to)) {
            request = usage.defaultPeriod();
        } else if (blank(from) || blank(to)) {
            throw invalid("give both from and to, or neither");
        } else {
            LocalDate start = date(from);
            LocalDate end = date(to);
            if (end.isBefore(start) || end.isAfter(start.plusYears(MAX_YEARS))) {
                throw invalid("the period must run forwards and cover at most " + MAX_YEARS + " years");
            }
            request = ReportRequest.of(start, end);
        }
        if (!blank(unit)) {
            if (usage.unit(unit.trim()).isEmpty()) {
                throw new UsageException(ErrorCode.UNKNOWN_UNIT, "no such unit");
            }
            request = request.withUnit(unit.trim());
        }
        if (!blank(units)) {
            request = request.withTodaysUnits(switch (units.trim().toLowerCase(Locale.ROOT)) {
                case "issued" -> false;
                case "today" -> true;
                default -> throw invalid("units must be issued or today");
            });
        }
        if (!blank(kind)) {
            request = request.withKind(switch (kind.trim().toUpperCase(Locale.ROOT)) {
                case "AGENCY" -> CertificateKind.AGENCY;
                case "PERSONAL" -> CertificateKind.PERSONAL;
                default -> throw invalid("kind must be AGENCY or PERSONAL");
            });
        }
        return request;
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw invalid("dates are YYYY-MM-DD");
        }
    }

    private static UsageException invalid(String why) {
        return new UsageException(ErrorCode.INVALID_REQUEST, why);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
