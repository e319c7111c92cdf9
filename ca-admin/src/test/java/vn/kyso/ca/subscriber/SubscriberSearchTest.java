package vn.kyso.ca.subscriber;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.kyso.ca.testing.CaAssertions.assertCode;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.kyso.ca.AuditEntry;
import vn.kyso.ca.AuditFilter;
import vn.kyso.ca.CaException;
import vn.kyso.ca.CertificateQuery;
import vn.kyso.ca.CertificateRecord;
import vn.kyso.ca.NewOfficer;
import vn.kyso.ca.ResultPage;
import vn.kyso.ca.Subscriber;
import vn.kyso.ca.SubscriberKind;
import vn.kyso.ca.SubscriberSearch;
import vn.kyso.ca.testing.DatabaseTest;
import vn.kyso.ca.testing.MutableClock;
import vn.kyso.ca.testing.TestCa;
import vn.kyso.ca.testing.TestDatabase;

/** Finding one person among hundreds: by name with or without diacritics, CCCD/MST, unit, serial; paged. */
class SubscriberSearchTest {

    @TempDir
    Path dir;

    @Test
    void foldingDropsDiacriticsAndCaseAndReadsDAsD() {
        assertThat(SubscriberMatch.fold("  Nguyễn   Thị ĐÀO ")).isEqualTo("nguyen thi dao");
        assertThat(SubscriberMatch.fold("Sở Tư pháp")).isEqualTo("so tu phap");
    }

    @DatabaseTest
    void aPersonIsFoundByNameWithoutDiacriticsByCccdPrefixAndByUnit(TestDatabase db) {
        TestCa t = TestCa.open(db, dir, MutableClock.now());
        long dao = t.ca.registerOfficer("admin", new NewOfficer("Trần Thị Đào", "Chuyên viên", "096111222333",
                "ttdao@camau.gov.vn", "AG-VPUB")).id();
        t.officer("096999888777"); // Nguyễn Văn Ất, Sở Tư pháp
        long agency = t.agency("2000111222");

        assertThat(ids(t.ca.findSubscribers(new SubscriberSearch("tran thi dao", null, 10, 0)))).containsExactly(dao);
        assertThat(ids(t.ca.findSubscribers(new SubscriberSearch("ĐÀO", null, 10, 0)))).containsExactly(dao);
        assertThat(ids(t.ca.findSubscribers(new SubscriberSearch("0961112", null, 10, 0)))).containsExactly(dao);
        assertThat(ids(t.ca.findSubscribers(new SubscriberSearch("2000111222", null, 10, 0)))).containsExactly(agency);
        // the unit's name (Sở Tư pháp) finds its officer and the agency registered in it
        assertThat(t.ca.findSubscribers(new SubscriberSearch("so tu phap", null, 10, 0)).total()).isEqualTo(2);
        assertThat(t.ca.findSubscribers(new SubscriberSearch("so tu phap", SubscriberKind.AGENCY, 10, 0)).items())
                .extracting(Subscriber::id).containsExactly(agency);
        // LIKE's wildcards are letters like any other
        assertThat(t.ca.findSubscribers(new SubscriberSearch("%", null, 10, 0)).total()).isZero();
        assertThat(t.ca.findSubscribers(new SubscriberSearch("_", null, 10, 0)).total()).isZero();
        assertCode(() -> new SubscriberSearch("x".repeat(101), null, 10, 0), CaException.ErrorCode.INVALID_REQUEST);
    }

    @DatabaseTest
    void pagesReadOnlyTheirRowsAndCountAllMatches(TestDatabase db) {
        TestCa t = TestCa.open(db, dir, MutableClock.now());
        for (int i = 0; i < 7; i++) {
            t.ca.registerOfficer("admin", new NewOfficer("Lê Văn Số " + i, "Chuyên viên", "09600000000" + i,
                    "so" + i + "@camau.gov.vn", "AG-VPUB"));
        }

        ResultPage<Subscriber> second = t.ca.findSubscribers(new SubscriberSearch("le van so", null, 3, 3));

        assertThat(second.total()).isEqualTo(7);
        assertThat(second.items()).extracting(Subscriber::displayName)
                .containsExactly("Lê Văn Số 3", "Lê Văn Số 4", "Lê Văn Số 5");
        assertThat(second.first()).isEqualTo(4);
        assertThat(second.hasPrevious()).isTrue();
        assertThat(second.hasNext()).isTrue();
        assertThat(t.ca.findSubscribers(new SubscriberSearch("le van so", null, 3, 6)).hasNext()).isFalse();
    }

    @DatabaseTest
    void certificatesAreFoundBySerialPrefixAndByTheirHoldersNameOrCccd(TestDatabase db) {
        TestCa t = TestCa.open(db, dir, MutableClock.now());
        long dao = t.ca.registerOfficer("admin", new NewOfficer("Trần Thị Đào", "Chuyên viên", "096111222333",
                "ttdao@camau.gov.vn", "AG-VPUB")).id();
        long other = t.officer("096999888777");
        CertificateRecord daos = t.custody(dao, "personal", "135790".toCharArray(), false);
        CertificateRecord others = t.custody(other, "personal", "135790".toCharArray(), false);

        assertThat(serials(t.ca.findCertificates(new CertificateQuery(null, null, null, "Đào", 10, 0))))
                .containsExactly(daos.serialHex());
        assertThat(serials(t.ca.findCertificates(new CertificateQuery(null, null, null, "096999888777", 10, 0))))
                .containsExactly(others.serialHex());
        String prefix = others.serialHex().substring(0, 12);
        assertThat(serials(t.ca.findCertificates(new CertificateQuery(null, null, null, prefix.toUpperCase(), 10, 0))))
                .containsExactly(others.serialHex());
        ResultPage<CertificateRecord> all = t.ca.findCertificates(new CertificateQuery(null, null, null, 1, 0));
        assertThat(all.items()).hasSize(1);
        assertThat(all.total()).isGreaterThanOrEqualTo(2);
        assertThat(t.ca.findCertificates(new CertificateQuery(null, null, null, "khong co ai", 10, 0)).total()).isZero();
    }

    @DatabaseTest
    void theAuditLogIsReadNewestFirstAndFilteredByActionActorAndTime(TestDatabase db) {
        MutableClock clock = MutableClock.now();
        TestCa t = TestCa.open(db, dir, clock);
        Instant start = clock.instant();
        clock.advance(Duration.ofMinutes(1));
        t.ca.audit("thu.ha", "LOGIN", "account:thu.ha", "console");
        clock.advance(Duration.ofMinutes(1));
        t.ca.audit("admin", "LOGIN", "account:admin", "console");
        clock.advance(Duration.ofMinutes(1));
        t.ca.audit("admin", "UNIT_ADDED", "X", "x");

        ResultPage<AuditEntry> newest = t.ca.auditLog(AuditFilter.none(), 2, 0);
        assertThat(newest.items()).extracting(AuditEntry::action).containsExactly("UNIT_ADDED", "LOGIN");
        assertThat(newest.items().get(0).seq()).isGreaterThan(newest.items().get(1).seq());
        assertThat(t.ca.auditLog(new AuditFilter("LOGIN", null, null, null), 10, 0).items())
                .extracting(AuditEntry::actor).containsExactly("admin", "thu.ha");
        assertThat(t.ca.auditLog(new AuditFilter(null, "THU", null, null), 10, 0).items())
                .extracting(AuditEntry::actor).containsExactly("thu.ha");
        assertThat(t.ca.auditLog(new AuditFilter(null, null, start.plus(Duration.ofSeconds(90)),
                start.plus(Duration.ofSeconds(150))), 10, 0).items())
                .extracting(AuditEntry::actor).containsExactly("admin");
        assertThat(t.ca.auditActions()).contains("LOGIN", "UNIT_ADDED", "HIERARCHY_CREATED");
        assertCode(() -> new AuditFilter("drop table", null, null, null), CaException.ErrorCode.INVALID_REQUEST);
        assertCode(() -> new AuditFilter(null, null, start, start.minusSeconds(1)), CaException.ErrorCode.INVALID_REQUEST);
    }

    private static java.util.List<Long> ids(ResultPage<Subscriber> page) {
        return page.items().stream().map(Subscriber::id).toList();
    }

    private static java.util.List<String> serials(ResultPage<CertificateRecord> page) {
        return page.items().stream().map(CertificateRecord::serialHex).toList();
    }
}
