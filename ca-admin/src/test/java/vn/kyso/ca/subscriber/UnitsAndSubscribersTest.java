package vn.kyso.ca.subscriber;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.kyso.ca.testing.CaAssertions.assertCode;

import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.io.TempDir;

import vn.kyso.ca.CaException;
import vn.kyso.ca.NewAgency;
import vn.kyso.ca.NewOfficer;
import vn.kyso.ca.NewUnit;
import vn.kyso.ca.Officer;
import vn.kyso.ca.SubscriberKind;
import vn.kyso.ca.Unit;
import vn.kyso.ca.testing.DatabaseTest;
import vn.kyso.ca.testing.MutableClock;
import vn.kyso.ca.testing.TestCa;
import vn.kyso.ca.testing.TestDatabase;

class UnitsAndSubscribersTest {

    @TempDir
    Path dir;

    @DatabaseTest
    void unitsAreSeededWithTheirEffectiveDates(TestDatabase db) {
        TestCa t = TestCa.open(db, dir, MutableClock.now());

        assertThat(t.ca.units(LocalDate.of(2018, 6, 1))).hasSize(130);
        assertThat(t.ca.units(LocalDate.of(2018, 6, 1))).filteredOn(u -> u.kind().equals("district")).hasSize(9);
        assertThat(t.ca.units(LocalDate.of(2025, 1, 1))).hasSize(129); // Phường 4 merged on 1 Dec 2024
        assertThat(t.ca.units(LocalDate.of(2025, 7, 1))).filteredOn(u -> u.kind().equals("district")).isEmpty();
        Unit old = t.ca.unit("32002", LocalDate.of(2019, 1, 1));
        Unit merged = t.ca.unit("32002", LocalDate.of(2025, 8, 1));
        assertThat(old.name()).isEqualTo("Phường 4");
        assertThat(merged.id()).isNotEqualTo(old.id());
        assertThat(merged.name()).isNotEqualTo(old.name());
        assertCode(() -> t.ca.unit("XX", LocalDate.of(2025, 8, 1)), CaException.ErrorCode.UNKNOWN_UNIT);
    }

    @DatabaseTest
    void officersAndAgenciesAreRegisteredInTodaysUnitsOnceEach(TestDatabase db) {
        TestCa t = TestCa.open(db, dir, MutableClock.now());
        Officer officer = t.ca.registerOfficer("admin", new NewOfficer("Lê Văn Đức", "Chánh Văn phòng",
                "096123456789", "lvduc@camau.gov.vn", "AG-VPUB"));
        assertThat(officer.unit().name()).isEqualTo("Văn phòng Ủy ban nhân dân tỉnh");
        assertThat(t.ca.subscriber(officer.id())).isEqualTo(officer);
        t.agency("2000999999");
        assertThat(t.ca.subscribers(SubscriberKind.AGENCY, null)).hasSize(1);
        assertThat(t.ca.subscribers(null, null)).hasSize(2);

        int audit = t.ca.auditLog(0, 1000).size();
        assertCode(() -> t.ca.registerOfficer("admin", new NewOfficer("Khác", "Chuyên viên", "096123456789",
                "khac@camau.gov.vn", "AG-VPUB")), CaException.ErrorCode.DUPLICATE);
        assertCode(() -> t.ca.registerOfficer("admin", new NewOfficer("Khác", "Chuyên viên", "096123456788",
                "khac@camau.gov.vn", "964")), CaException.ErrorCode.UNKNOWN_UNIT); // a district, gone since 2025
        assertCode(() -> new NewOfficer("Khác", "Chuyên viên", "12345", "khac@camau.gov.vn", "AG-VPUB"),
                CaException.ErrorCode.INVALID_REQUEST);
        assertCode(() -> new NewAgency("Sở", "UBND", "12", null, "AG-STP"), CaException.ErrorCode.INVALID_REQUEST);
        assertThat(t.ca.auditLog(0, 1000)).hasSize(audit);
    }

    @DatabaseTest
    void aNewUnitCanBeAddedAndAnOldOneClosed(TestDatabase db) {
        TestCa t = TestCa.open(db, dir, MutableClock.now());
        Unit added = t.ca.addUnit("admin", new NewUnit("AG-SNGV", "Sở Ngoại vụ", "agency", "CM", LocalDate.of(2018, 1, 1)));
        Unit closed = t.ca.closeUnit("admin", added.id(), LocalDate.of(2019, 12, 6));
        assertThat(closed.existsOn(LocalDate.of(2019, 12, 6))).isTrue();
        assertThat(closed.existsOn(LocalDate.of(2019, 12, 7))).isFalse();
        assertCode(() -> t.ca.addUnit("admin", new NewUnit("AG-SNGV", "Sở Ngoại vụ", "agency", "CM",
                LocalDate.of(2018, 1, 1))), CaException.ErrorCode.DUPLICATE);
    }

    @DatabaseTest
    void theDatedDirectoryHoldsEveryPeriodAndNamesSuccessorsOfMergedUnits(TestDatabase db) {
        TestCa t = TestCa.open(db, dir, MutableClock.now());
        assertThat(t.ca.unitHistory()).hasSize(130 + 79);
        assertThat(t.ca.unitHistory()).filteredOn(u -> u.code().equals("32002")).extracting(Unit::name)
                .containsExactly("Phường 4", "Phường An Xuyên");
        // the bundled reorganisation: Sở Kế hoạch và Đầu tư went into Sở Tài chính on 1 July 2025
        assertThat(t.ca.unitHistory()).filteredOn(u -> u.code().equals("AG-SKHDT")).singleElement()
                .extracting(Unit::successorCode).isEqualTo("AG-STC");

        Unit added = t.ca.addUnit("admin", new NewUnit("32999", "Xã Thử", "commune", "CM", LocalDate.of(2025, 7, 1)));
        assertCode(() -> t.ca.mergeUnit("admin", added.id(), LocalDate.of(2026, 1, 31), "XX"),
                CaException.ErrorCode.UNKNOWN_UNIT);
        assertCode(() -> t.ca.mergeUnit("admin", added.id(), LocalDate.of(2026, 1, 31), "32999"),
                CaException.ErrorCode.INVALID_REQUEST);
        Unit merged = t.ca.mergeUnit("admin", added.id(), LocalDate.of(2026, 1, 31), "32002");
        assertThat(merged.validTo()).isEqualTo(LocalDate.of(2026, 1, 31));
        assertThat(merged.successorCode()).isEqualTo("32002");
        assertThat(t.ca.auditLog(0, 1000)).extracting(vn.kyso.ca.AuditEntry::action).contains("UNIT_MERGED");
    }
}
