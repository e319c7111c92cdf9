package vn.kyso.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.kyso.usage.Fixtures.issue;
import static vn.kyso.usage.Fixtures.signed;
import static vn.kyso.usage.Fixtures.vn;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each class of the policy at its boundaries, through the rollups, with a fixed clock. */
class PolicyOnDatabaseTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void classesAtTheBoundariesOfTheDefaultPeriod(TestDatabase database) {
        try (TestDatabase.Open db = database.open()) {
            UsageReports usage = Fixtures.usage(db);
            CertificateRef six = issue(usage, "06", CertificateKind.PERSONAL, "AG-STP", "Six Months");
            CertificateRef five = issue(usage, "05", CertificateKind.PERSONAL, "AG-STP", "Five Months");
            CertificateRef lastDay = issue(usage, "0a", CertificateKind.PERSONAL, "AG-STP", "Last Day");
            CertificateRef firstDay = issue(usage, "0b", CertificateKind.PERSONAL, "AG-STP", "First Day");
            CertificateRef dayBefore = issue(usage, "0c", CertificateKind.PERSONAL, "AG-STP", "Day Before");
            CertificateRef dayAfter = issue(usage, "0d", CertificateKind.PERSONAL, "AG-STP", "Day After");
            CertificateRef never = issue(usage, "0e", CertificateKind.AGENCY, "AG-STP", "Never");
            List<UsageEvent> events = new ArrayList<>();
            for (int m = 1; m <= 6; m++) {
                // two signatures in the same month still make one active month
                events.add(signed(six, vn("2025-%02d-10T09:00".formatted(m * 2)), "six-" + m));
                events.add(signed(six, vn("2025-%02d-11T09:00".formatted(m * 2)), "six-b" + m));
            }
            for (int m = 1; m <= 5; m++) {
                events.add(signed(five, vn("2025-%02d-10T09:00".formatted(m * 2)), "five-" + m));
            }
            events.add(signed(lastDay, vn("2025-12-31T23:59:59"), "last"));
            events.add(signed(firstDay, vn("2025-01-01T00:00"), "first"));
            events.add(signed(dayBefore, vn("2024-12-31T23:59:59"), "before"));
            events.add(signed(dayAfter, vn("2026-01-01T00:00"), "after"));
            usage.recordAll(events);

            UsageReport report = usage.report(usage.defaultPeriod(), Language.EN);

            assertThat(report.request().from()).isEqualTo(LocalDate.of(2025, 1, 1));
            assertThat(report.request().to()).isEqualTo(LocalDate.of(2025, 12, 31));
            assertThat(report.requiredActiveMonths()).isEqualTo(6);
            assertThat(classOf(report, six)).isEqualTo(UsageClass.REGULAR);
            assertThat(classOf(report, five)).isEqualTo(UsageClass.OCCASIONAL);
            assertThat(classOf(report, lastDay)).isEqualTo(UsageClass.OCCASIONAL);
            assertThat(classOf(report, firstDay)).isEqualTo(UsageClass.OCCASIONAL);
            assertThat(classOf(report, dayBefore)).isEqualTo(UsageClass.DORMANT);
            assertThat(classOf(report, dayAfter)).isEqualTo(UsageClass.NEVER_USED);
            assertThat(classOf(report, never)).isEqualTo(UsageClass.NEVER_USED);
            assertThat(row(report, six).activeMonths()).isEqualTo(6);
            assertThat(row(report, six).signatures()).isEqualTo(12);
            assertThat(row(report, dayBefore).lastUse()).isEqualTo(LocalDate.of(2024, 12, 31));
            assertThat(report.summary()).isEqualTo(UsageReport.Summary.of(1, 3, 1, 2, 12 + 5 + 2));
            assertThat(report.headline(Language.EN)).isEqualTo("1 of 7 certificates used regularly: 14.29%");
            assertThat(report.policyStatement()).contains("50%");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void periodStartingMidMonthReadsItsEdgeDays(TestDatabase database) {
        try (TestDatabase.Open db = database.open()) {
            UsageReports usage = Fixtures.usage(db);
            CertificateRef before = issue(usage, "1", CertificateKind.PERSONAL, "964", "Before");
            CertificateRef inside = issue(usage, "2", CertificateKind.PERSONAL, "964", "Inside");
            CertificateRef four = issue(usage, "3", CertificateKind.PERSONAL, "964", "Four");
            usage.recordAll(List.of(
                    signed(before, vn("2025-03-14T16:00"), "b"),
                    signed(before, vn("2025-09-15T08:00"), "b-after-end"),
                    signed(inside, vn("2025-03-15T08:00"), "i"),
                    // four of the seven calendar months (Mar..Sep), counting both partial edge months
                    signed(four, vn("2025-03-20T08:00"), "f1"),
                    signed(four, vn("2025-05-20T08:00"), "f2"),
                    signed(four, vn("2025-07-20T08:00"), "f3"),
                    signed(four, vn("2025-09-14T17:00"), "f4")));

            UsageReport report = usage.report(ReportRequest.of(LocalDate.of(2025, 3, 15), LocalDate.of(2025, 9, 14)));

            assertThat(report.monthsInPeriod()).isEqualTo(7);
            assertThat(report.requiredActiveMonths()).isEqualTo(4);
            assertThat(classOf(report, before)).isEqualTo(UsageClass.DORMANT);
            assertThat(classOf(report, inside)).isEqualTo(UsageClass.OCCASIONAL);
            assertThat(classOf(report, four)).isEqualTo(UsageClass.REGULAR);
            assertThat(row(report, four).lastUse()).isEqualTo(LocalDate.of(2025, 9, 14));
            assertThat(report.trend()).hasSize(7);
            assertThat(report.trend().get(0).signatures()).isEqualTo(2);
            assertThat(report.trend().get(6).signatures()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aStricterPolicyNeedsMoreSignaturesPerMonth(TestDatabase database) {
        try (TestDatabase.Open db = database.open()) {
            UsageReports usage = Fixtures.usage(db);
            CertificateRef ref = issue(usage, "7", CertificateKind.AGENCY, "AG-SYT", "Sở Y tế");
            List<UsageEvent> events = new ArrayList<>();
            for (int m = 1; m <= 6; m++) {
                events.add(signed(ref, vn("2025-%02d-03T09:00".formatted(m)), "a" + m));
            }
            events.add(signed(ref, vn("2025-01-04T09:00"), "extra"));
            usage.recordAll(events);
            RegularUsePolicy strict = new RegularUsePolicy(new BigDecimal("0.5"), 2);

            UsageReport report = usage.report(usage.defaultPeriod().withPolicy(strict), Language.EN);

            assertThat(report.policy()).isEqualTo(strict);
            assertThat(row(report, ref).activeMonths()).isEqualTo(1);
            assertThat(classOf(report, ref)).isEqualTo(UsageClass.OCCASIONAL);
            assertThat(classOf(usage.report(usage.defaultPeriod()), ref)).isEqualTo(UsageClass.REGULAR);
        }
    }

    static UsageReport.CertificateUsage row(UsageReport report, CertificateRef ref) {
        return report.certificates().stream().filter(r -> r.certificate().equals(ref)).findFirst().orElseThrow();
    }

    static UsageClass classOf(UsageReport report, CertificateRef ref) {
        return row(report, ref).usageClass();
    }
}
