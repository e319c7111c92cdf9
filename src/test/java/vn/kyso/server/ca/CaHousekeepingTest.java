package vn.kyso.server.ca;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.cert.CRLException;
import java.security.cert.CRLReason;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.kyso.ca.CertificateAuthority;
import vn.kyso.ca.CertificateStatusChanged;
import vn.kyso.ca.CustodyIssueRequest;
import vn.kyso.ca.PublishedCrl;
import vn.kyso.ca.RevocationReason;
import vn.kyso.ca.testing.MutableClock;
import vn.kyso.ca.testing.TestCa;
import vn.kyso.ca.testing.TestDatabase;

/**
 * The CRL rounds of {@link CaHousekeeping} against a real CA whose clock the test moves, so the
 * half-life re-issue needs no sleeping and a round that should do nothing is seen to do nothing.
 * The CA is the test's own: the service's scheduled bean would publish at times of its own.
 */
class CaHousekeepingTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T01:00:00Z"));
    private TestDatabase database;
    private TestCa testCa;
    private CertificateAuthority ca;
    private CaHousekeeping housekeeping;

    @BeforeEach
    void openCa() {
        database = TestDatabase.create(TestDatabase.Kind.H2);
        testCa = TestCa.open(database, dir, clock);
        ca = testCa.ca;
        housekeeping = new CaHousekeeping(ca, clock);
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void theCrlIsReissuedOnceHalfItsLifeIsGoneAndNotBefore() {
        housekeeping.refreshCrl();
        PublishedCrl first = ca.latestCrl().orElseThrow();
        Duration half = Duration.between(first.thisUpdate(), first.nextUpdate()).dividedBy(2);

        clock.advance(half.minusMinutes(1));
        housekeeping.refreshCrl();
        assertThat(ca.latestCrl().orElseThrow().crlNumber()).as("still fresh, nothing changed")
                .isEqualTo(first.crlNumber());

        clock.advance(Duration.ofMinutes(2));
        housekeeping.refreshCrl();
        PublishedCrl second = ca.latestCrl().orElseThrow();
        assertThat(second.crlNumber()).isGreaterThan(first.crlNumber());
        assertThat(second.thisUpdate()).isEqualTo(clock.instant());
        assertThat(second.nextUpdate()).isAfter(first.nextUpdate());
    }

    @Test
    void aStatusChangeIsPublishedOnTheNextRoundThoughTheCrlIsFresh() throws CRLException, CertificateException {
        BigInteger serial = ca.issueWithCustody("admin", new CustodyIssueRequest(testCa.officer("079201012121"),
                "personal", false)).serial();
        housekeeping.refreshCrl();
        long before = ca.latestCrl().orElseThrow().crlNumber();
        clock.advance(Duration.ofMinutes(1));

        ca.revoke("admin", serial, RevocationReason.KEY_COMPROMISE);
        // as Spring delivers the CA's events to the bean in the service
        testCa.events(CertificateStatusChanged.class).forEach(housekeeping::onStatusChanged);
        housekeeping.refreshCrl();

        PublishedCrl after = ca.latestCrl().orElseThrow();
        assertThat(after.crlNumber()).isGreaterThan(before);
        X509CRLEntry entry = ((X509CRL) CertificateFactory.getInstance("X.509")
                .generateCRL(new ByteArrayInputStream(after.der()))).getRevokedCertificate(serial);
        assertThat(entry.getRevocationReason()).isEqualTo(CRLReason.KEY_COMPROMISE);
        housekeeping.refreshCrl();
        assertThat(ca.latestCrl().orElseThrow().crlNumber()).as("one change, one CRL").isEqualTo(after.crlNumber());
    }
}
