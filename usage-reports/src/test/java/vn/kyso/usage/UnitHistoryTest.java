package vn.kyso.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.kyso.usage.Fixtures.KYSO_CA;
import static vn.kyso.usage.Fixtures.signed;
import static vn.kyso.usage.Fixtures.vn;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Units with history, read from the CA's dated directory (issue 14): a certificate is reported
 * under its unit as it was when the certificate was issued, and a report can roll history up into
 * today's units.
 */
class UnitHistoryTest {

    /** The fixed clock's period so far: 1 to 15 January 2026. */
    private static final ReportRequest JANUARY_2026 = ReportRequest.of(LocalDate.of(2026, 1, 1),
            LocalDate.of(2026, 1, 31));

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aCertificateIssuedTodayTo32002IsReportedUnderPhuongAnXuyenNotTheDissolvedPhuong4(TestDatabase database) {
        try (TestDatabase.Open db = database.open()) {
            UsageReports usage = Fixtures.usage(db);
            CertificateRef anXuyen = issue(usage, "a01", "32002", "2026-01-05T09:00");
            CertificateRef phuong4 = issue(usage, "a02", "32002", "2024-01-02T09:00");
            usage.record(signed(anXuyen, vn("2026-01-06T09:00"), "an-xuyen"));

            UsageReport report = usage.report(JANUARY_2026);

            assertThat(row(report, anXuyen).unitCode()).isEqualTo("32002");
            assertThat(row(report, anXuyen).unitName()).isEqualTo("Phường An Xuyên");
            assertThat(row(report, phuong4).unitCode()).isEqualTo("32002@2018-01-01");
            assertThat(row(report, phuong4).unitName()).isEqualTo("Phường 4");
            // An Xuyên lies directly under the province since July 2025: a row of its own, not in district 964
            assertThat(breakdown(report.byDistrict(), "964").summary().certificates()).isEqualTo(1);
            assertThat(breakdown(report.byDistrict(), "32002").summary().regular()).isEqualTo(1);
            assertThat(usage.report(JANUARY_2026.withUnit("964")).certificates()).extracting(r -> r.certificate())
                    .containsExactly(phuong4);
            assertThat(usage.report(JANUARY_2026.withUnit("32002")).certificates()).extracting(r -> r.certificate())
                    .containsExactly(anXuyen);
            assertThat(usage.unit("32002@2018-01-01")).get().extracting(Unit::name).isEqualTo("Phường 4");
            assertAddsUp(report);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void todaysUnitsRollHistoryUpSoThatPeriodsBeforeAndAfterTheReorganisationCompare(TestDatabase database) {
        try (TestDatabase.Open db = database.open()) {
            UsageReports usage = Fixtures.usage(db);
            CertificateRef planning = issue(usage, "b01", "AG-SKHDT", "2024-01-02T09:00"); // merged into AG-STC
            CertificateRef finance = issue(usage, "b02", "AG-STC", "2024-01-02T09:00");
            CertificateRef phuong8 = issue(usage, "b03", "32014", "2024-01-02T09:00"); // code reused by Lý Văn Lâm
            CertificateRef district = issue(usage, "b04", "966", "2024-01-02T09:00"); // dissolved, no successor

            ReportRequest asIssued = JANUARY_2026;
            ReportRequest today = JANUARY_2026.withTodaysUnits(true);
            UsageReport before = usage.report(asIssued);
            UsageReport after = usage.report(today);

            assertThat(row(before, planning).unitCode()).isEqualTo("AG-SKHDT");
            assertThat(row(after, planning).unitCode()).isEqualTo("AG-STC");
            assertThat(row(after, planning).unitName()).isEqualTo("Sở Tài chính");
            assertThat(row(after, finance).unitCode()).isEqualTo("AG-STC");
            assertThat(row(before, phuong8).unitName()).isEqualTo("Phường 8");
            assertThat(row(after, phuong8).unitCode()).isEqualTo("32014");
            assertThat(row(after, phuong8).unitName()).isEqualTo("Phường Lý Văn Lâm");
            assertThat(row(after, district).unitCode()).isEqualTo("CM");
            // today's units only: no district, no 2018 agency, and the rows still add up
            assertThat(after.byDistrict()).extracting(UsageReport.Breakdown::key).doesNotContain("964", "966");
            assertThat(after.byAgency()).extracting(UsageReport.Breakdown::key).doesNotContain("AG-SKHDT");
            assertThat(breakdown(after.byAgency(), "AG-STC").summary().certificates()).isEqualTo(2);
            assertThat(breakdown(before.byAgency(), "AG-STC").summary().certificates()).isEqualTo(1);
            assertThat(usage.report(today.withUnit("AG-STC")).certificates()).hasSize(2);
            // a unit of 2018 asked for under today's units means the unit that carries it on
            assertThat(usage.report(today.withUnit("AG-SKHDT")).unit().code()).isEqualTo("AG-STC");
            assertAddsUp(before);
            assertAddsUp(after);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aMergerStatedInTheDirectoryIsFollowedWhenRollingUp(TestDatabase database) {
        try (TestDatabase.Open db = database.open()) {
            // Xã Thử existed from July 2025 to 10 January 2026, then merged into Phường An Xuyên
            UsageReports usage = UsageReports.builder().dataSource(db.dataSource()).clock(Fixtures.CLOCK)
                    .unitHistory(TestUnits.caMauAnd(List.of(new DatedUnit("32999", "Xã Thử", Unit.Kind.COMMUNE, "CM",
                            LocalDate.of(2025, 7, 1), LocalDate.of(2026, 1, 10), "32002"))))
                    .build();
            CertificateRef merged = issue(usage, "c01", "32999", "2025-08-01T09:00");

            assertThat(row(usage.report(JANUARY_2026), merged).unitName()).isEqualTo("Xã Thử");
            assertThat(row(usage.report(JANUARY_2026.withTodaysUnits(true)), merged).unitName())
                    .isEqualTo("Phường An Xuyên");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void everyCertificateIsInOneAgencyOrDistrictRowTheProvinceOfficeAndNoUnitIncluded(TestDatabase database) {
        try (TestDatabase.Open db = database.open()) {
            UsageReports usage = Fixtures.usage(db);
            CertificateRef office = issue(usage, "d01", "CM", "2024-01-02T09:00");
            issue(usage, "d02", "AG-STP", "2024-01-02T09:00");
            issue(usage, "d03", "31999", "2024-01-02T09:00"); // Phường 9 of district 964
            CertificateRef underProvince = issue(usage, "d04", "32014", "2025-09-01T09:00"); // Lý Văn Lâm
            // a certificate of another CA, imported with no unit
            usage.importCertificates(("serial,subject,issuer,not_before,not_after\n"
                    + "d05,CN=Khách,CN=Other CA,2024-01-02,2028-01-01\n").getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    null);
            CertificateRef nowhere = new CertificateRef("CN=Other CA", "d05");
            usage.record(signed(office, vn("2026-01-05T09:00"), "office"));
            usage.record(signed(underProvince, vn("2026-01-06T09:00"), "commune"));

            UsageReport asIssued = usage.report(JANUARY_2026);
            UsageReport today = usage.report(JANUARY_2026.withTodaysUnits(true));
            assertThat(breakdown(asIssued.byAgency(), "CM").summary()).isEqualTo(UsageReport.Summary.of(1, 0, 0, 0, 1));
            assertThat(breakdown(asIssued.byDistrict(), "964").summary().certificates()).isEqualTo(1);
            // Phường 9 ended with district 964 and nobody stated its successor: today it is the province's
            assertThat(breakdown(today.byAgency(), "CM").summary()).isEqualTo(UsageReport.Summary.of(1, 0, 0, 1, 1));
            for (UsageReport report : List.of(asIssued, today)) {
                assertThat(report.summary().certificates()).isEqualTo(5);
                assertThat(breakdown(report.byAgency(), "-").summary().certificates()).isEqualTo(1);
                assertThat(breakdown(report.byDistrict(), "32014").summary()).isEqualTo(UsageReport.Summary.of(1, 0, 0, 0, 1));
                assertThat(report.certificates()).filteredOn(r -> r.certificate().equals(nowhere))
                        .singleElement().extracting(UsageReport.CertificateUsage::unitName).isNull();
                assertAddsUp(report);
                assertThat(report.byAgency().stream().mapToLong(b -> b.summary().signatures()).sum()
                        + report.byDistrict().stream().mapToLong(b -> b.summary().signatures()).sum())
                        .isEqualTo(report.summary().signatures());
            }
        }
    }

    private static CertificateRef issue(UsageReports usage, String serial, String unit, String issued) {
        CertificateRef ref = new CertificateRef(KYSO_CA, serial);
        usage.onCertificate(CertificateNotice.issued(ref, vn(issued), "C=VN,CN=Holder " + serial,
                CertificateKind.PERSONAL, unit, "Holder " + serial, null, vn(issued), vn("2028-12-31T09:00")));
        return ref;
    }

    /** Agency rows plus district rows (with the province office and communes under the province) = the total. */
    static void assertAddsUp(UsageReport report) {
        int agencies = report.byAgency().stream().mapToInt(b -> b.summary().certificates()).sum();
        int districts = report.byDistrict().stream().mapToInt(b -> b.summary().certificates()).sum();
        assertThat(agencies + districts).isEqualTo(report.summary().certificates());
        int regular = report.byAgency().stream().mapToInt(b -> b.summary().regular()).sum()
                + report.byDistrict().stream().mapToInt(b -> b.summary().regular()).sum();
        assertThat(regular).isEqualTo(report.summary().regular());
        assertThat(report.byKind().stream().mapToInt(b -> b.summary().certificates()).sum())
                .isEqualTo(report.summary().certificates());
    }

    private static UsageReport.CertificateUsage row(UsageReport report, CertificateRef ref) {
        return report.certificates().stream().filter(r -> r.certificate().equals(ref)).findFirst().orElseThrow();
    }

    private static UsageReport.Breakdown breakdown(List<UsageReport.Breakdown> rows, String key) {
        return rows.stream().filter(b -> b.key().equals(key)).findFirst().orElseThrow();
    }
}
