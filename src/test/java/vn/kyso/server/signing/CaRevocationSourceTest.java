package vn.kyso.server.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.junit.jupiter.api.Test;

import vn.kyso.signing.RevocationSource;

class CaRevocationSourceTest extends SigningTestSupport {

    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    @Test
    void whenSigningAGoodResponseIsReusedForTheWindowOnlyAndOtherAnswersNever() throws Exception {
        Signer officer = newOfficer("thuhoi-ocsp");
        BigInteger serial = new BigInteger(officer.serial(), 16);
        X509Certificate certificate = ca.certificate(serial).orElseThrow().certificate();
        HandClock clock = new HandClock();
        CaRevocationSource source = new CaRevocationSource(ca, RevocationSource.none(), clock, Duration.ofSeconds(30));

        byte[] first = source.ocsp(certificate, ca.issuingCertificate()).orElseThrow();
        clock.now.set(clock.now.get().plusSeconds(29));
        byte[] reused = source.ocsp(certificate, ca.issuingCertificate()).orElseThrow();
        assertThat(reused).isEqualTo(first);

        ca.suspend("test", serial);
        clock.now.set(clock.now.get().plusSeconds(2)); // past the window: asked again, and the answer is not good
        byte[] held = source.ocsp(certificate, ca.issuingCertificate()).orElseThrow();
        assertThat(status(held)).isNotEqualTo(CertificateStatus.GOOD);
        ca.release("test", serial);
        byte[] again = source.ocsp(certificate, ca.issuingCertificate()).orElseThrow();
        assertThat(status(again)).as("a revoked (hold) answer is never reused").isEqualTo(CertificateStatus.GOOD);

        CaRevocationSource verifying = new CaRevocationSource(ca, RevocationSource.none());
        ca.revoke("test", serial, vn.kyso.ca.RevocationReason.KEY_COMPROMISE);
        assertThat(status(verifying.ocsp(certificate, ca.issuingCertificate()).orElseThrow()))
                .isNotEqualTo(CertificateStatus.GOOD);
    }

    private static CertificateStatus status(byte[] der) throws Exception {
        BasicOCSPResp basic = (BasicOCSPResp) new OCSPResp(der).getResponseObject();
        return basic.getResponses()[0].getCertStatus();
    }
}
