package vn.kyso.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The demo province reproduces the 2018 headline: 280 of 967 certificates used regularly, 28.96%. */
class DemoDataTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void demoHeadlineIs280Of967(TestDatabase database) {
        try (TestDatabase.Open db = database.open()) {
            UsageReports usage = Fixtures.usage(db);
            DemoPlan plan = usage.planDemo(2018);

            assertThat(plan.certificates()).hasSize(967);
            assertThat(plan.count(CertificateKind.AGENCY)).isEqualTo(265);
            assertThat(plan.count(CertificateKind.PERSONAL)).isEqualTo(702);
            assertThat(plan).isEqualTo(usage.planDemo(2018));

            List<CertificateRef> refs = usage.loadDemo(plan, Fixtures.KYSO_CA);
            UsageReport report = usage.report(usage.defaultPeriod(), Language.EN);

            assertThat(refs).hasSize(967).doesNotHaveDuplicates();
            assertThat(report.headline(Language.EN)).isEqualTo("280 of 967 certificates used regularly: 28.96%");
            assertThat(report.headline(Language.VI))
                    .isEqualTo("280 trên 967 chứng thư số được sử dụng thường xuyên: 28,96%");
            assertThat(report.summary().regularRate()).isEqualByComparingTo("28.96");
            assertThat(report.byKind()).extracting(b -> b.summary().certificates()).containsExactly(265, 702);
            // every certificate lands in the class the plan meant for it
            for (DemoPlan.PlannedCertificate c : plan.certificates()) {
                assertThat(PolicyOnDatabaseTest.classOf(report, refs.get(c.index()))).isEqualTo(c.intended());
            }
            // realistic spread: districts far apart, a few heavy users, many dormant or never used
            List<BigDecimal> districtRates = report.byDistrict().stream().map(b -> b.summary().regularRate())
                    .sorted().toList();
            assertThat(report.byDistrict()).hasSize(9);
            assertThat(districtRates.get(8).subtract(districtRates.get(0))).isGreaterThan(new BigDecimal("25"));
            // the 19 agencies of 2018 and the 2 new ones of July 2025 (the period is 2025), then the
            // province office (certificates of the province's own unit)
            assertThat(report.byAgency()).hasSize(22);
            assertThat(report.byAgency().get(21).key()).isEqualTo("CM");
            assertThat(report.byAgency().get(21).summary().certificates()).isEqualTo(15);
            assertThat(report.byAgency().stream().mapToInt(b -> b.summary().certificates()).sum()
                    + report.byDistrict().stream().mapToInt(b -> b.summary().certificates()).sum()).isEqualTo(967);
            // the 101 communes of 2018 and the 64 of July 2025, all of whose certificates were issued in 2018's
            assertThat(report.byCommune()).hasSize(101 + 64);
            assertThat(report.byCommune()).filteredOn(b -> b.summary().certificates() > 0)
                    .allSatisfy(b -> assertThat(usage.unit(b.key()).orElseThrow().validTo()).isNotNull());
            assertThat(report.topUsers().get(0).signatures()).isGreaterThanOrEqualTo(40 * 12);
            assertThat(report.summary().dormant()).isGreaterThan(150);
            assertThat(report.summary().neverUsed()).isGreaterThan(150);
            assertThat(report.dormant()).allSatisfy(r -> {
                assertThat(r.owner()).isNotBlank();
                assertThat(r.contact()).endsWith(".camau.gov.vn");
                assertThat(r.lastUse()).isBefore(report.request().from());
            });
            assertThat(report.trend()).hasSize(12).allSatisfy(m -> assertThat(m.activeCertificates()).isPositive());
            assertThat(report.certificates()).isSortedAccordingTo(Comparator.comparing(
                    (UsageReport.CertificateUsage r) -> usage.unit(r.unitCode()).orElseThrow().path()));
        }
    }
}
