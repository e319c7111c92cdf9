package vn.kyso.server.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Duration;

import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.junit.jupiter.api.Test;

import vn.kyso.ca.testing.MutableClock;
import vn.kyso.signing.RevocationSource;

class CaRevocationSourceTest extends SigningTestSupport {

    @Test
    void whenSigningAGoodResponseIsReusedForTheWindowOnlyAndOtherAnswersNever() throws Exception {
        Signer officer = newOfficer("thuhoi-ocsp");
        BigInteger serial = new BigInteger(officer.serial(), 16);
        X509Certificate certificate = ca.certificate(serial).orElseThrow().certificate();
        MutableClock clock = MutableClock.now();
        CaRevocationSource source = new CaRevocationSource(ca, RevocationSource.none(), clock, Duration.ofSeconds(30));

        byte[] first = source.ocsp(certificate, ca.issuingCertificate()).orElseThrow();
        clock.advance(Duration.ofSeconds(29));
        byte[] reused = source.ocsp(certificate, ca.issuingCertificate()).orElseThrow();
        assertThat(reused).isEqualTo(first);

        ca.suspend("test", serial);
        clock.advance(Duration.ofSeconds(2)); // past the window: asked again, and the answer is not good
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
