package vn.kyso.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.kyso.usage.Fixtures.signed;
import static vn.kyso.usage.Fixtures.vn;

import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Periods mean what they say (issue 14): future months never count, a certificate is judged on
 * the months it was valid in the period (its threshold stated with it), "never used" means never
 * signed up to the period's end, and a certificate nobody gave validity dates is in no period.
 * The clock is 15 January 2026.
 */
class PeriodsTest {

    static CertificateRef issue(UsageReports usage, String serial, String from, String to) {
        CertificateRef ref = new CertificateRef(Fixtures.KYSO_CA, serial);
        usage.onCertificate(CertificateNotice.issued(ref, vn(from), "C=VN,CN=Cán bộ " + serial,
                CertificateKind.PERSONAL, "AG-STP", "Cán bộ " + serial, null, vn(from), vn(to)));
        return ref;
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void futureMonthsNeverCount(TestDatabase database) {
        try (TestDatabase.Open db = database.open()) {
            UsageReports usage = Fixtures.usage(db);
            CertificateRef ref = issue(usage, "f1", "2025-06-01T09:00", "2028-06-01T09:00");
            usage.record(signed(ref, vn("2026-01-05T09:00"), "january"));

            UsageReport year = usage.report(ReportRequest.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)));
            UsageReport future = usage.report(ReportRequest.of(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 12, 31)));

            // judged on January so far, not on eleven months that have not happened
            assertThat(year.monthsInPeriod()).isEqualTo(1);
            assertThat(year.trend()).extracting(UsageReport.MonthTrend::month).containsExactly(YearMonth.of(2026, 1));
            assertThat(PolicyOnDatabaseTest.classOf(year, ref)).isEqualTo(UsageClass.REGULAR);
            assertThat(future.summary().certificates()).isZero();
            assertThat(future.trend()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aCertificateIssuedLateIsJudgedOnItsValidMonthsWithItsOwnThreshold(TestDatabase database) {
        try (TestDatabase.Open db = database.open()) {
            UsageReports usage = Fixtures.usage(db);
            CertificateRef late = issue(usage, "1a", "2025-11-10T09:00", "2028-11-10T09:00");
            CertificateRef revokedEarly = issue(usage, "b1", "2024-01-10T09:00", "2027-01-10T09:00");
            usage.record(signed(late, vn("2025-11-20T09:00"), "november"));
            usage.record(signed(revokedEarly, vn("2025-02-20T09:00"), "february"));
            usage.onCertificate(CertificateNotice.of(CertificateNotice.Change.REVOKED, revokedEarly,
                    vn("2025-03-01T09:00")));

            UsageReport report = usage.report(ReportRequest.of(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)));

            UsageReport.CertificateUsage l = PolicyOnDatabaseTest.row(report, late);
            assertThat(l.validMonths()).isEqualTo(2);
            assertThat(l.requiredActiveMonths()).isEqualTo(1);
            assertThat(l.usageClass()).isEqualTo(UsageClass.REGULAR);
            UsageReport.CertificateUsage r = PolicyOnDatabaseTest.row(report, revokedEarly);
            assertThat(r.validMonths()).isEqualTo(3);
            assertThat(r.requiredActiveMonths()).isEqualTo(2);
            assertThat(r.usageClass()).isEqualTo(UsageClass.OCCASIONAL);
            assertThat(report.requiredActiveMonths()).isEqualTo(6);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void neverUsedMeansNeverSignedUpToThePeriodsEnd(TestDatabase database) {
        try (TestDatabase.Open db = database.open()) {
            UsageReports usage = Fixtures.usage(db);
            CertificateRef ref = issue(usage, "e1", "2024-01-10T09:00", "2027-01-10T09:00");
            usage.record(signed(ref, vn("2025-09-05T09:00"), "later"));

            UsageReport before = usage.report(ReportRequest.of(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 6, 30)));
            UsageReport after = usage.report(ReportRequest.of(LocalDate.of(2025, 10, 1), LocalDate.of(2025, 12, 31)));

            UsageReport.CertificateUsage b = PolicyOnDatabaseTest.row(before, ref);
            assertThat(b.usageClass()).isEqualTo(UsageClass.NEVER_USED);
            assertThat(b.lastUse()).isNull();
            assertThat(PolicyOnDatabaseTest.classOf(after, ref)).isEqualTo(UsageClass.DORMANT);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aCertificateWithoutValidityDatesIsInNoPeriod(TestDatabase database) throws Exception {
        try (TestDatabase.Open db = database.open()) {
            UsageReports usage = Fixtures.usage(db);
            usage.importCertificates(("serial,subject,issuer\n1234,\"CN=Không rõ hạn\",\"CN=CA khác\"\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8), "AG-STP");
            usage.importCertificates(("serial,subject,issuer,not_before,not_after\n"
                    + "5678,\"CN=Hết hạn 2021\",\"CN=CA khác\",2019-01-01,2021-01-01\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8), "AG-STP");

            for (int year : new int[] { 2000, 2020, 2025, 2030 }) {
                UsageReport report = usage.report(ReportRequest.of(LocalDate.of(year, 1, 1),
                        LocalDate.of(year, 12, 31)));
                assertThat(report.summary().certificates()).as("in " + year).isEqualTo(year == 2020 ? 1 : 0);
            }
        }
    }
}
