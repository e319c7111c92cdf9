package vn.kyso.server.usage;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import vn.kyso.usage.Language;
import vn.kyso.usage.UsageReports;

/**
 * Numbers on the dashboard and in the PDF report as the reader's language writes them: 3.000 and
 * 28,96% in Vietnamese, 3,000 and 28.96% in English; never one beside the other; times in
 * Vietnam's time. Its methods are
 * public for the templates' expressions.
 */
record ReportNumbers(Locale locale) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    static ReportNumbers of(Language language) {
        return new ReportNumbers(language == Language.EN ? Locale.ENGLISH : Locale.forLanguageTag("vi"));
    }

    /** A count with the language's thousands separator. */
    public String count(long n) {
        return NumberFormat.getIntegerInstance(locale).format(n);
    }

    /**
     * An instant as the province reads a clock: {@code 07/12/2026 14:05} in Vietnam's time (UTC+7),
     * in both languages; empty for none.
     */
    public String time(Instant at) {
        return at == null ? "" : TIME.format(at.atZone(UsageReports.VIETNAM));
    }

    /** A percentage already multiplied by 100 (28.96), with two decimals and no space before the sign. */
    public String rate(BigDecimal percent) {
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMinimumFractionDigits(2);
        f.setMaximumFractionDigits(2);
        return f.format(percent) + "%";
    }
}
