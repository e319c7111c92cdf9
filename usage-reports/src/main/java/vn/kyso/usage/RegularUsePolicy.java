package vn.kyso.usage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * When a certificate counts as used regularly. A month of the period is <em>active</em> for a
 * certificate when it made at least {@code minSignaturesPerActiveMonth} signatures (SIGNED or
 * SEEN) in it. The certificate is then
 * <ul>
 * <li>REGULAR when its active months reach {@code minActiveMonthShare} of the period's calendar
 * months (rounded up: half of 12 is 6, half of 5 is 3);</li>
 * <li>OCCASIONAL when it signed in the period but less;</li>
 * <li>DORMANT when it did not sign in the period but signed before it;</li>
 * <li>NEVER_USED otherwise.</li>
 * </ul>
 * A period's calendar months are those it touches, partial ones included.
 *
 * @param minActiveMonthShare          share of the period's months that must be active, in (0, 1]
 * @param minSignaturesPerActiveMonth  signatures that make a month active, at least 1
 */
public record RegularUsePolicy(BigDecimal minActiveMonthShare, int minSignaturesPerActiveMonth) {

    /** The province's default: at least one signature in at least half of the period's months. */
    public static final RegularUsePolicy DEFAULT = new RegularUsePolicy(new BigDecimal("0.5"), 1);

    public RegularUsePolicy {
        Objects.requireNonNull(minActiveMonthShare, "minActiveMonthShare");
        if (minActiveMonthShare.signum() <= 0 || minActiveMonthShare.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("minActiveMonthShare must be in (0, 1]");
        }
        if (minSignaturesPerActiveMonth < 1) {
            throw new IllegalArgumentException("minSignaturesPerActiveMonth must be at least 1");
        }
    }

    /** The calendar months the period [from, to] touches. */
    public static int monthsIn(LocalDate from, LocalDate to) {
        return (int) ChronoUnit.MONTHS.between(YearMonth.from(from), YearMonth.from(to)) + 1;
    }

    /** Active months needed to be REGULAR in a period of {@code months} calendar months. */
    public int requiredActiveMonths(int months) {
        return Math.max(1, minActiveMonthShare.multiply(BigDecimal.valueOf(months))
                .setScale(0, RoundingMode.CEILING).intValueExact());
    }

    /**
     * Classifies one certificate.
     *
     * @param months          the period's calendar months
     * @param activeMonths    the certificate's active months in the period
     * @param signatures      its signatures in the period
     * @param signedBefore    whether it signed before the period
     */
    public UsageClass classify(int months, int activeMonths, long signatures, boolean signedBefore) {
        if (activeMonths >= requiredActiveMonths(months)) {
            return UsageClass.REGULAR;
        }
        if (signatures > 0) {
            return UsageClass.OCCASIONAL;
        }
        return signedBefore ? UsageClass.DORMANT : UsageClass.NEVER_USED;
    }

    /** The policy in words, as every report states it. */
    public String statement(Language language, int months) {
        String share = minActiveMonthShare.multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString();
        int required = requiredActiveMonths(months);
        return language == Language.EN
                ? "Regular: at least " + minSignaturesPerActiveMonth + " signature(s) in at least " + share
                        + "% of the period's " + months + " calendar months (" + required
                        + "); occasional: signed in the period, less often; dormant: signed only before the period;"
                        + " never used: no signature."
                : "Thường xuyên: có ít nhất " + minSignaturesPerActiveMonth + " chữ ký trong ít nhất " + share
                        + "% số tháng của kỳ (" + required + "/" + months + " tháng); không thường xuyên: có ký"
                        + " trong kỳ nhưng ít hơn; không hoạt động: chỉ ký trước kỳ; chưa sử dụng: chưa từng ký.";
    }
}
