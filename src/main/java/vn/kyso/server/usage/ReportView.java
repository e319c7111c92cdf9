package vn.kyso.server.usage;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import vn.kyso.usage.Language;
import vn.kyso.usage.UsageReport;

/**
 * The JSON of a usage report: the headline counts at the top level (what dashboards and scripts
 * read), the policy it used, the breakdowns, the trend, the follow-up lists, and where the report
 * sits in the unit tree (its level and the rows one level below it).
 */
record ReportView(LocalDate from, LocalDate to, String unit, String unitName, String kind, Instant generatedAt,
        String headline, int certificates, int regular, int occasional, int dormant, int neverUsed,
        BigDecimal regularRate, long signatures, Policy policy, List<Row> byKind, List<Row> byAgency,
        List<Row> byDistrict, List<Row> byCommune, List<Month> trend, List<CertificateRow> dormantCertificates,
        List<CertificateRow> neverUsedCertificates, List<CertificateRow> topUsers, String level, List<Row> children) {

    /** The regular-use policy the report applied, in numbers and in words. */
    record Policy(BigDecimal minActiveMonthShare, int minSignaturesPerActiveMonth, int monthsInPeriod,
            int requiredActiveMonths, String statement) {
    }

    /** One unit (or kind) of a breakdown; {@code opens}: a unit whose own report one can open (drill into). */
    record Row(String code, String name, int certificates, int regular, int occasional, int dormant, int neverUsed,
            BigDecimal regularRate, long signatures, boolean opens) {

        static Row of(UsageReport.Breakdown b, Set<String> opens) {
            UsageReport.Summary s = b.summary();
            return new Row(b.key(), b.name(), s.certificates(), s.regular(), s.occasional(), s.dormant(), s.neverUsed(),
                    s.regularRate(), s.signatures(), opens.contains(b.key()));
        }
    }

    record Month(String month, long signatures, int activeCertificates) {
    }

    record CertificateRow(String issuer, String serial, String owner, String contact, String unit, String unitName,
            String kind, String status, long signatures, int activeMonths, LocalDate lastUse, String usageClass) {

        static CertificateRow of(UsageReport.CertificateUsage c) {
            return new CertificateRow(c.certificate().issuer(), c.certificate().serial(), c.owner(), c.contact(),
                    c.unitCode(), c.unitName(), c.kind() == null ? null : c.kind().name(),
                    c.status() == null ? null : c.status().name(), c.signatures(), c.activeMonths(), c.lastUse(),
                    c.usageClass().name());
        }
    }

    /**
     * The report's JSON; {@code drill} places it in the unit tree ({@code level}, {@code children}:
     * the rows one level below, which the dashboard's first chart shows).
     */
    static ReportView of(UsageReport report, Language language, DrillDown drill) {
        Set<String> opens = drill.opens();
        UsageReport.Summary s = report.summary();
        return new ReportView(report.request().from(), report.request().to(), report.request().unitCode(),
                report.unit() == null ? null : report.unit().name(),
                report.request().kind() == null ? null : report.request().kind().name(), report.generatedAt(),
                report.headline(language), s.certificates(), s.regular(), s.occasional(), s.dormant(), s.neverUsed(),
                s.regularRate(), s.signatures(),
                new Policy(report.policy().minActiveMonthShare(), report.policy().minSignaturesPerActiveMonth(),
                        report.monthsInPeriod(), report.requiredActiveMonths(), report.policyStatement()),
                rows(report.byKind(), Set.of()), rows(report.byAgency(), opens), rows(report.byDistrict(), opens),
                rows(report.byCommune(), opens),
                report.trend().stream().map(m -> new Month(m.month().toString(), m.signatures(), m.activeCertificates()))
                        .toList(),
                certificates(report.dormant()), certificates(report.neverUsed()), certificates(report.topUsers()),
                drill.level(), rows(drill.children(), opens));
    }

    private static List<Row> rows(List<UsageReport.Breakdown> breakdowns, Set<String> opens) {
        return breakdowns.stream().map(b -> Row.of(b, opens)).toList();
    }

    private static List<CertificateRow> certificates(List<UsageReport.CertificateUsage> list) {
        return list.stream().map(CertificateRow::of).toList();
    }
}
