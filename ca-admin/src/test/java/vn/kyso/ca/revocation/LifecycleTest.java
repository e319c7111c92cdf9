package vn.kyso.ca.revocation;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.kyso.ca.testing.CaAssertions.assertCode;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;

import vn.kyso.ca.CaException;
import vn.kyso.ca.CertificateExpiring;
import vn.kyso.ca.CertificateRecord;
import vn.kyso.ca.CertificateStatus;
import vn.kyso.ca.CertificateStatusChanged;
import vn.kyso.ca.CsrIssueRequest;
import vn.kyso.ca.RevocationReason;
import vn.kyso.ca.testing.Csrs;
import vn.kyso.ca.testing.DatabaseTest;
import vn.kyso.ca.testing.MutableClock;
import vn.kyso.ca.testing.TestCa;
import vn.kyso.ca.testing.TestDatabase;

class LifecycleTest {

    @TempDir
    Path dir;

    private CertificateRecord issue(TestCa t, long subscriber) {
        return t.ca.issueFromCsr("admin", new CsrIssueRequest(subscriber, "personal", Csrs.csr(Csrs.ecP256())));
    }

    @DatabaseTest
    void suspendReleaseAndRevokeMoveTheStatusAndPublishEvents(TestDatabase db) {
        TestCa t = TestCa.open(db, dir, MutableClock.now());
        BigInteger serial = issue(t, t.officer("079000000001")).serial();

        CertificateRecord held = t.ca.suspend("admin", serial);
        assertThat(held.status()).isEqualTo(CertificateStatus.SUSPENDED);
        assertThat(held.reason()).isEqualTo(RevocationReason.CERTIFICATE_HOLD);
        assertThat(held.revokedAt()).isNotNull();

        CertificateRecord released = t.ca.release("admin", serial);
        assertThat(released.status()).isEqualTo(CertificateStatus.ACTIVE);
        assertThat(released.reason()).isNull();

        CertificateRecord revoked = t.ca.revoke("admin", serial, RevocationReason.KEY_COMPROMISE.code());
        assertThat(revoked.status()).isEqualTo(CertificateStatus.REVOKED);
        assertThat(revoked.reason()).isEqualTo(RevocationReason.KEY_COMPROMISE);

        assertThat(t.events(CertificateStatusChanged.class)).extracting(CertificateStatusChanged::status)
                .containsExactly(CertificateStatus.SUSPENDED, CertificateStatus.ACTIVE, CertificateStatus.REVOKED);
        assertThat(t.ca.auditLog(0, 1000)).extracting(e -> e.action())
                .contains("CERTIFICATE_SUSPENDED", "CERTIFICATE_RELEASED", "CERTIFICATE_REVOKED");
        assertCode(() -> t.ca.revoke("admin", serial, RevocationReason.SUPERSEDED), CaException.ErrorCode.INVALID_STATUS);
        assertCode(() -> t.ca.release("admin", serial), CaException.ErrorCode.INVALID_STATUS);
    }

    @DatabaseTest
    void refusedRevocationsWriteNothing(TestDatabase db) {
        TestCa t = TestCa.open(db, dir, MutableClock.now());
        BigInteger serial = issue(t, t.officer("079000000002")).serial();
        int audit = t.ca.auditLog(0, 1000).size();

        assertCode(() -> t.ca.revoke("admin", serial, 7), CaException.ErrorCode.INVALID_REVOCATION_REASON);
        assertCode(() -> t.ca.revoke("admin", serial, 42), CaException.ErrorCode.INVALID_REVOCATION_REASON);
        assertCode(() -> t.ca.revoke("admin", serial, RevocationReason.REMOVE_FROM_CRL),
                CaException.ErrorCode.REVOCATION_REFUSED);
        assertCode(() -> t.ca.revoke("admin", t.ca.issuingCertificate().getSerialNumber(),
                RevocationReason.CA_COMPROMISE), CaException.ErrorCode.REVOCATION_REFUSED);
        assertCode(() -> t.ca.revoke("admin", t.ca.rootCertificate().getSerialNumber(),
                RevocationReason.KEY_COMPROMISE), CaException.ErrorCode.REVOCATION_REFUSED);
        assertCode(() -> t.ca.revoke("admin", new BigInteger("123456789abcdef", 16), RevocationReason.KEY_COMPROMISE),
                CaException.ErrorCode.UNKNOWN_CERTIFICATE);
        assertCode(() -> t.ca.suspend("admin", BigInteger.TEN), CaException.ErrorCode.UNKNOWN_CERTIFICATE);

        assertThat(t.ca.certificate(serial)).get().extracting(CertificateRecord::status)
                .isEqualTo(CertificateStatus.ACTIVE);
        assertThat(t.ca.auditLog(0, 1000)).hasSize(audit);
        assertThat(t.events(CertificateStatusChanged.class)).isEmpty();
    }

    @DatabaseTest
    void bulkRevocationTakesEveryCertificateOfTheOfficer(TestDatabase db) {
        TestCa t = TestCa.open(db, dir, MutableClock.now());
        long leaving = t.officer("079000000003");
        long staying = t.officer("079000000004");
        BigInteger a = issue(t, leaving).serial();
        BigInteger b = issue(t, leaving).serial();
        t.ca.suspend("admin", b);
        BigInteger other = issue(t, staying).serial();

        List<CertificateRecord> revoked = t.ca.revokeAllOf("admin", leaving, RevocationReason.AFFILIATION_CHANGED);

        assertThat(revoked).extracting(CertificateRecord::serial).containsExactlyInAnyOrder(a, b);
        assertThat(revoked).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(CertificateStatus.REVOKED);
            assertThat(r.reason()).isEqualTo(RevocationReason.AFFILIATION_CHANGED);
        });
        assertThat(t.ca.certificate(other)).get().extracting(CertificateRecord::status)
                .isEqualTo(CertificateStatus.ACTIVE);
    }

    @DatabaseTest
    void renewAndRekeySupersedeTheOldCertificate(TestDatabase db) {
        TestCa t = TestCa.open(db, dir, MutableClock.now());
        long officer = t.officer("079000000005");
        CertificateRecord first = issue(t, officer);

        CertificateRecord renewed = t.ca.renew("admin", first.serial());
        assertThat(renewed.certificate().getPublicKey()).isEqualTo(first.certificate().getPublicKey());
        assertThat(renewed.serial()).isNotEqualTo(first.serial());
        assertThat(t.ca.certificate(first.serial())).get().extracting(CertificateRecord::reason)
                .isEqualTo(RevocationReason.SUPERSEDED);

        var newKey = Csrs.ecP256();
        CertificateRecord rekeyed = t.ca.rekey("admin", renewed.serial(), Csrs.csr(newKey));
        assertThat(rekeyed.certificate().getPublicKey()).isEqualTo(newKey.getPublic());
        assertThat(t.ca.certificate(renewed.serial())).get().extracting(CertificateRecord::status)
                .isEqualTo(CertificateStatus.REVOKED);
        assertCode(() -> t.ca.renew("admin", first.serial()), CaException.ErrorCode.INVALID_STATUS);
    }

    @DatabaseTest
    void certificatesExpiringWithinThirtyDaysAreListedAndWarnedOnce(TestDatabase db) {
        MutableClock clock = MutableClock.now();
        TestCa t = TestCa.open(db, dir, clock);
        CertificateRecord cert = issue(t, t.officer("079000000006"));
        assertThat(t.ca.expiringCertificates()).isEmpty();

        clock.advance(Duration.between(cert.notBefore(), cert.notAfter()).minus(Duration.ofDays(10)));

        assertThat(t.ca.expiringCertificates()).extracting(CertificateRecord::serial).containsExactly(cert.serial());
        assertThat(t.ca.publishExpiryWarnings()).hasSize(1);
        assertThat(t.ca.publishExpiryWarnings()).isEmpty();
        assertThat(t.events(CertificateExpiring.class)).singleElement()
                .satisfies(e -> assertThat(e.serial()).isEqualTo(cert.serial()));
    }

    @DatabaseTest
    void theWarningStartsThirtyDaysBeforeExpiryToTheSecondAndFiresOncePerCertificate(TestDatabase db) {
        MutableClock clock = new MutableClock(Instant.parse("2025-03-10T08:00:00Z"));
        TestCa t = TestCa.open(db, dir, clock);
        long officer = t.officer("079000000007");
        CertificateRecord first = issue(t, officer);
        clock.advance(Duration.ofDays(1));
        CertificateRecord second = issue(t, officer);
        clock.advance(Duration.ofDays(1));
        CertificateRecord third = issue(t, officer);

        clock.advance(Duration.between(clock.instant(), second.notAfter().minus(Duration.ofDays(30))));
        assertThat(Duration.between(clock.instant(), first.notAfter())).isEqualTo(Duration.ofDays(29));
        assertThat(Duration.between(clock.instant(), third.notAfter())).isEqualTo(Duration.ofDays(31));
        assertThat(t.ca.expiringCertificates()).extracting(CertificateRecord::serial)
                .containsExactly(first.serial(), second.serial());
        assertThat(t.ca.publishExpiryWarnings()).extracting(CertificateRecord::serial)
                .containsExactly(first.serial(), second.serial());
        assertThat(t.ca.publishExpiryWarnings()).isEmpty();

        clock.advance(Duration.between(clock.instant(), third.notAfter().minus(Duration.ofDays(30)).minusSeconds(1)));
        assertThat(t.ca.expiringCertificates()).extracting(CertificateRecord::serial).doesNotContain(third.serial());
        assertThat(t.ca.publishExpiryWarnings()).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(t.ca.expiringCertificates()).extracting(CertificateRecord::serial).contains(third.serial());
        assertThat(t.ca.publishExpiryWarnings()).extracting(CertificateRecord::serial).containsExactly(third.serial());
        assertThat(TestCa.open(db, dir, clock).ca.publishExpiryWarnings()).as("another instance").isEmpty();

        assertThat(t.events(CertificateExpiring.class)).extracting(CertificateExpiring::serial)
                .containsExactly(first.serial(), second.serial(), third.serial());
        assertThat(t.events(CertificateExpiring.class)).extracting(CertificateExpiring::notAfter)
                .containsExactly(first.notAfter(), second.notAfter(), third.notAfter());
    }
}
