package vn.kyso.signing.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.util.Optional;

import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.junit.jupiter.api.Test;

import vn.kyso.signing.testpki.TestPki;
import vn.kyso.signing.testpki.TestPkiServer;
import vn.kyso.signing.transport.HttpExchange;

class OnlineRevocationSourceTest {

    @Test
    void ocspFromTheAiaAnswersGoodThenRevoked() throws Exception {
        try (TestPkiServer server = TestPkiServer.start()) {
            TestPki.Credential c = server.pki().signer("OCSP", TestPki.KeyType.EC_P256);
            OnlineRevocationSource source = new OnlineRevocationSource();

            Optional<byte[]> good = source.ocsp(c.certificate(), server.pki().issuingCa().certificate());
            server.revoke(c.certificate());
            Optional<byte[]> revoked = source.ocsp(c.certificate(), server.pki().issuingCa().certificate());

            assertThat(status(good.orElseThrow())).isEqualTo(CertificateStatus.GOOD);
            assertThat(status(revoked.orElseThrow())).isInstanceOf(RevokedStatus.class);
            assertThat(server.hits(TestPkiServer.OCSP)).isEqualTo(2);
        }
    }

    @Test
    void crlFromTheDistributionPointListsRevokedSerials() throws Exception {
        try (TestPkiServer server = TestPkiServer.start()) {
            TestPki.Credential c = server.pki().signer("CRL", TestPki.KeyType.EC_P256);
            server.revoke(c.certificate());

            byte[] der = new OnlineRevocationSource().crl(c.certificate()).orElseThrow();

            X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der));
            assertThat(crl.isRevoked(c.certificate())).isTrue();
        }
    }

    @Test
    void aResponseOverTheSizeLimitIsNotAccepted() {
        try (TestPkiServer server = TestPkiServer.start()) {
            TestPki.Credential c = server.pki().signer("Limit", TestPki.KeyType.EC_P256);
            OnlineRevocationSource tiny = new OnlineRevocationSource(
                    new HttpExchange(Duration.ofSeconds(2), Duration.ofSeconds(2), 16));

            assertThat(tiny.crl(c.certificate())).isEmpty();
            assertThat(tiny.ocsp(c.certificate(), server.pki().issuingCa().certificate())).isEmpty();
        }
    }

    @Test
    void aCertificateWithoutUrlsHasNoRevocationData() {
        TestPki offline = TestPki.create();
        TestPki.Credential c = offline.signer("Offline", TestPki.KeyType.EC_P256);

        assertThat(new OnlineRevocationSource().crl(c.certificate())).isEmpty();
        assertThat(new OnlineRevocationSource().ocsp(c.certificate(), offline.issuingCa().certificate())).isEmpty();
    }

    private static CertificateStatus status(byte[] der) throws Exception {
        return ((BasicOCSPResp) new OCSPResp(der).getResponseObject()).getResponses()[0].getCertStatus();
    }
}
