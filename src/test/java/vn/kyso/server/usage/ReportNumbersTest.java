package vn.kyso.server.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.kyso.usage.Language;
import vn.kyso.usage.ReportRequest;
import vn.kyso.usage.Unit;
import vn.kyso.usage.UsageReport;
import vn.kyso.usage.UsageReport.Breakdown;
import vn.kyso.usage.UsageReport.Summary;

/** Numbers as each language writes them, and the drill-down's level below a unit, without a server. */
class ReportNumbersTest {

    @Test
    void vietnameseGroupsWithDotsAndDecimalsWithACommaEnglishTheOtherWay() {
        ReportNumbers vi = ReportNumbers.of(Language.VI);
        ReportNumbers en = ReportNumbers.of(Language.EN);

        assertThat(vi.count(3000)).isEqualTo("3.000");
        assertThat(vi.rate(new BigDecimal("28.96"))).isEqualTo("28,96%");
        assertThat(vi.rate(new BigDecimal("6.85"))).isEqualTo("6,85%");
        assertThat(en.count(3000)).isEqualTo("3,000");
        assertThat(en.rate(new BigDecimal("28.96"))).isEqualTo("28.96%");
        assertThat(en.rate(new BigDecimal("100.00"))).isEqualTo("100.00%");
    }

    @Test
    void timesAreVietnamsClockInBothLanguages() {
        Instant lateEvening = Instant.parse("2026-12-07T17:05:00Z"); // 00:05 on the 8th in Cà Mau

        assertThat(ReportNumbers.of(Language.VI).time(lateEvening)).isEqualTo("08/12/2026 00:05");
        assertThat(ReportNumbers.of(Language.EN).time(lateEvening)).isEqualTo("08/12/2026 00:05");
        assertThat(ReportNumbers.of(Language.VI).time(null)).isEmpty();
    }

    @Test
    void theHeadlineGroupsThousandsInTheLanguagesWay() {
        Summary s = Summary.of(1000, 1500, 500, 0, 0);

        assertThat(s.headline(Language.VI)).isEqualTo("1.000 trên 3.000 chứng thư số được sử dụng thường xuyên: 33,33%");
        assertThat(s.headline(Language.EN)).isEqualTo("1,000 of 3,000 certificates used regularly: 33.33%");
    }

    @Test
    void aDistrictsLevelBelowIsItsCommunesAndAgenciesHighestRateFirstWithoutItsOwnRow() {
        Unit province = new Unit("CM", "CM", "Tỉnh Cà Mau", Unit.Kind.PROVINCE, null, "/CM/", java.time.LocalDate.of(2018, 1, 1), null);
        Unit district = new Unit("964", "964", "Huyện Thới Bình", Unit.Kind.DISTRICT, "CM", "/CM/964/", java.time.LocalDate.of(2018, 1, 1), null);
        Unit low = new Unit("32002", "32002", "Xã Biển Bạch", Unit.Kind.COMMUNE, "964", "/CM/964/32002/", java.time.LocalDate.of(2018, 1, 1), null);
        Unit high = new Unit("32003", "32003", "Xã Tân Bằng", Unit.Kind.COMMUNE, "964", "/CM/964/32003/", java.time.LocalDate.of(2018, 1, 1), null);
        Unit elsewhere = new Unit("32100", "32100", "Xã Khác", Unit.Kind.COMMUNE, "965", "/CM/965/32100/", java.time.LocalDate.of(2018, 1, 1), null);
        UsageReport report = report(district,
                List.of(new Breakdown("964", district.name(), Summary.of(1, 0, 0, 3, 0))),
                List.of(new Breakdown("32002", low.name(), Summary.of(0, 0, 0, 2, 0)),
                        new Breakdown("32003", high.name(), Summary.of(1, 0, 0, 1, 0))));

        DrillDown drill = DrillDown.of(report, List.of(province, district, low, high, elsewhere));

        assertThat(drill.level()).isEqualTo("DISTRICT");
        assertThat(drill.trail()).containsExactly(district);
        assertThat(drill.children()).extracting(Breakdown::key).containsExactly("32003", "32002");
        assertThat(drill.opens()).containsExactlyInAnyOrder("32002", "32003");
        assertThat(drill.leaf()).isFalse();

        DrillDown commune = DrillDown.of(report(low, List.of(), List.of(new Breakdown("32002", low.name(),
                Summary.of(0, 0, 0, 2, 0)))), List.of(province, district, low, high));
        assertThat(commune.trail()).containsExactly(district, low);
        assertThat(commune.leaf()).isTrue();
    }

    private static UsageReport report(Unit unit, List<Breakdown> districts, List<Breakdown> communes) {
        ReportRequest request = ReportRequest.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31))
                .withUnit(unit.code());
        return new UsageReport(request, unit, Instant.EPOCH, 1, 1, "", Summary.of(0, 0, 0, 0, 0), List.of(), List.of(),
                districts, communes, List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }
}
