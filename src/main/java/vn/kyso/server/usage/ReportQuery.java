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
 * UNKNOWN_UNIT (a 400 problem); an invalid request says which rule it broke ({@link Invalid#reason()}),
 * so the dashboard and the problem's detail can tell the user in words ("the start date is after
 * the end date"), not the API's grammar.
 */
record ReportQuery(String from, String to, String unit, String kind, String units) {

    /** A query with each certificate under its unit when issued. */
    ReportQuery(String from, String to, String unit, String kind) {
        this(from, to, unit, kind, null);
    }

    /** The longest period a report may cover, so that one request cannot ask for centuries of months. */
    static final int MAX_YEARS = 20;

    /** The top users a report lists (the dashboard pages through them; the domain's default is ten). */
    static final int TOP_USERS = 100;

    ReportRequest toRequest(UsageReports usage) {
        ReportRequest request;
        if (blank(from) && blank(to)) {
            request = usage.defaultPeriod();
        } else if (blank(from) || blank(to)) {
            throw invalid(Reason.ONE_DATE, "give both from and to, or neither");
        } else {
            LocalDate start = date(from);
            LocalDate end = date(to);
            if (end.isBefore(start)) {
                throw invalid(Reason.REVERSED, "the period must run forwards");
            }
            if (end.isAfter(start.plusYears(MAX_YEARS))) {
                throw invalid(Reason.TOO_LONG, "the period must cover at most " + MAX_YEARS + " years");
            }
            request = ReportRequest.of(start, end);
        }
        request = new ReportRequest(request.from(), request.to(), request.unitCode(), request.kind(), request.policy(),
                TOP_USERS, request.todaysUnits());
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
                default -> throw invalid(Reason.UNITS, "units must be issued or today");
            });
        }
        if (!blank(kind)) {
            request = request.withKind(switch (kind.trim().toUpperCase(Locale.ROOT)) {
                case "AGENCY" -> CertificateKind.AGENCY;
                case "PERSONAL" -> CertificateKind.PERSONAL;
                default -> throw invalid(Reason.KIND, "kind must be AGENCY or PERSONAL");
            });
        }
        return request;
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw invalid(Reason.DATE, "dates are YYYY-MM-DD");
        }
    }

    static Invalid invalid(Reason reason, String why) {
        return new Invalid(reason, why);
    }

    /** Which rule a report request broke; each has a message {@code usage.query.<REASON>} (vi and en). */
    enum Reason {
        ONE_DATE, DATE, REVERSED, TOO_LONG, KIND, UNITS, FORMAT;

        String messageKey() {
            return "usage.query." + name();
        }
    }

    /** An INVALID_REQUEST that names the rule broken. */
    static final class Invalid extends UsageException {

        private static final long serialVersionUID = 1L;

        private final transient Reason reason;

        Invalid(Reason reason, String why) {
            super(ErrorCode.INVALID_REQUEST, why);
            this.reason = reason;
        }

        Reason reason() {
            return reason;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
