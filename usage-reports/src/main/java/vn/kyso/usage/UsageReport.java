package vn.kyso.usage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * A regular-use report for a period and a unit subtree. It always states the policy it used.
 *
 * @param request          what was asked
 * @param unit             the unit covered, null for the whole inventory
 * @param generatedAt      when the report was made
 * @param monthsInPeriod   the period's calendar months
 * @param requiredActiveMonths active months that make a certificate regular
 * @param policyStatement  the policy in words (in the report's language)
 * @param summary          the headline counts
 * @param byKind           one row per certificate kind present
 * @param byAgency         one row per provincial agency in the subtree
 * @param byDistrict       one row per district in the subtree
 * @param byCommune        one row per commune in the subtree
 * @param certificates     every certificate covered, by unit then owner
 * @param dormant          the DORMANT ones, for follow-up
 * @param neverUsed        the NEVER_USED ones, for follow-up
 * @param trend            one row per calendar month of the period
 * @param topUsers         the certificates with the most signatures in the period
 * @param amendments       later evidence dated in the period's closed months, shown beside the
 *                         figures, which it does not change
 */
public record UsageReport(ReportRequest request, Unit unit, Instant generatedAt, int monthsInPeriod,
        int requiredActiveMonths, String policyStatement, Summary summary, List<Breakdown> byKind,
        List<Breakdown> byAgency, List<Breakdown> byDistrict, List<Breakdown> byCommune,
        List<CertificateUsage> certificates, List<CertificateUsage> dormant, List<CertificateUsage> neverUsed,
        List<MonthTrend> trend, List<CertificateUsage> topUsers, List<Amendment> amendments) {

    public UsageReport {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(summary, "summary");
        byKind = List.copyOf(byKind);
        byAgency = List.copyOf(byAgency);
        byDistrict = List.copyOf(byDistrict);
        byCommune = List.copyOf(byCommune);
        certificates = List.copyOf(certificates);
        dormant = List.copyOf(dormant);
        neverUsed = List.copyOf(neverUsed);
        trend = List.copyOf(trend);
        topUsers = List.copyOf(topUsers);
        amendments = List.copyOf(amendments);
    }

    public RegularUsePolicy policy() {
        return request.policy();
    }

    /** "280 of 967 certificates used regularly: 28.96%" (or in Vietnamese). */
    public String headline(Language language) {
        return summary.headline(language);
    }

    /**
     * Counts of one group of certificates.
     *
     * @param certificates how many certificates
     * @param regular      REGULAR ones
     * @param occasional   OCCASIONAL ones
     * @param dormant      DORMANT ones
     * @param neverUsed    NEVER_USED ones
     * @param regularRate  regular / certificates as a percentage, two decimals, HALF_UP
     * @param signatures   signatures made in the period
     */
    public record Summary(int certificates, int regular, int occasional, int dormant, int neverUsed,
            BigDecimal regularRate, long signatures) {

        public Summary {
            if (regular + occasional + dormant + neverUsed != certificates) {
                throw new IllegalArgumentException("classes do not add up to the certificates");
            }
            Objects.requireNonNull(regularRate, "regularRate");
        }

        /** A summary whose rate is computed from the counts. */
        public static Summary of(int regular, int occasional, int dormant, int neverUsed, long signatures) {
            int n = regular + occasional + dormant + neverUsed;
            return new Summary(n, regular, occasional, dormant, neverUsed, rate(regular, n), signatures);
        }

        /** {@code part / whole} as a percentage with two decimals, HALF_UP; 0.00 when whole is 0. */
        public static BigDecimal rate(long part, long whole) {
            if (whole == 0) {
                return BigDecimal.ZERO.setScale(2);
            }
            return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                    .divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
        }

        /** The headline, its numbers written as the language writes them (3.000 and 28,96% in Vietnamese). */
        public String headline(Language language) {
            java.util.Locale locale = language == Language.EN ? java.util.Locale.ENGLISH : java.util.Locale.forLanguageTag("vi");
            java.text.NumberFormat count = java.text.NumberFormat.getIntegerInstance(locale);
            String rate = regularRate.toPlainString();
            return language == Language.EN
                    ? count.format(regular) + " of " + count.format(certificates) + " certificates used regularly: "
                            + rate + "%"
                    : count.format(regular) + " trên " + count.format(certificates)
                            + " chứng thư số được sử dụng thường xuyên: " + rate.replace('.', ',') + "%";
        }
    }

    /**
     * One row of a breakdown.
     *
     * @param key     the unit code, or the kind's name
     * @param name    the unit's name, or the kind's name
     * @param summary the counts
     */
    public record Breakdown(String key, String name, Summary summary) {
        public Breakdown {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(summary, "summary");
        }
    }

    /**
     * One certificate's use in the period.
     *
     * @param certificate  issuer and serial
     * @param subject      subject DN (may be null)
     * @param owner        the holder's name
     * @param contact      how to reach the holder
     * @param unitCode     its unit (null when unassigned)
     * @param unitName     its unit's name
     * @param kind         agency or personal
     * @param status       lifecycle status at report time
     * @param signatures   signatures in the period
     * @param activeMonths active months in the period
     * @param lastUse      the day of its last signature up to the period's end, null when none
     * @param usageClass   its class under the policy
     * @param validMonths  the period's months (up to today) in which the certificate was valid on
     *                     at least one day: the months it is judged on
     * @param requiredActiveMonths active months that make it REGULAR: the policy's share of
     *                     {@code validMonths}, rounded up (less than the report's when it was valid
     *                     for part of the period only)
     */
    public record CertificateUsage(CertificateRef certificate, String subject, String owner, String contact,
            String unitCode, String unitName, CertificateKind kind, CertificateStatus status, long signatures,
            int activeMonths, LocalDate lastUse, UsageClass usageClass, int validMonths, int requiredActiveMonths) {
        public CertificateUsage {
            Objects.requireNonNull(certificate, "certificate");
            Objects.requireNonNull(usageClass, "usageClass");
        }
    }

    /**
     * One calendar month of the period.
     *
     * @param month              the month
     * @param signatures         signatures made in it (within the period's days)
     * @param activeCertificates certificates active in it under the policy
     */
    public record MonthTrend(YearMonth month, long signatures, int activeCertificates) {
    }
}
