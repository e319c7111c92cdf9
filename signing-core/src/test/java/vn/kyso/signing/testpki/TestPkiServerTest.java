package vn.kyso.signing.testpki;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigInteger;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.Test;

/** The loopback PKI server answers as the tests that reuse it expect. */
class TestPkiServerTest {

    @Test
    void ocspOverGetEchoesTheNonceAndIsSignedByTheDelegatedResponder() throws Exception {
        try (TestPkiServer server = TestPkiServer.start()) {
            TestPki.Credential c = server.pki().signer("GET", TestPki.KeyType.EC_P256);
            server.markUnknown(c.certificate());
            CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                    new JcaX509CertificateHolder(server.pki().issuingCa().certificate()), c.certificate().getSerialNumber());
            byte[] nonce = BigInteger.valueOf(424242).toByteArray();
            OCSPReq req = new OCSPReqBuilder().addRequest(id).setRequestExtensions(new Extensions(
                    new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                    new DEROctetString(new DEROctetString(nonce).getEncoded())))).build();
            String path = URLEncoder.encode(Base64.getEncoder().encodeToString(req.getEncoded()), StandardCharsets.US_ASCII);

            HttpURLConnection conn = (HttpURLConnection) URI.create(server.baseUrl() + "/ocsp/" + path).toURL()
                    .openConnection();
            byte[] body;
            try (InputStream in = conn.getInputStream()) {
                body = in.readAllBytes();
            }

            BasicOCSPResp basic = (BasicOCSPResp) new OCSPResp(body).getResponseObject();
            assertThat(basic.isSignatureValid(new JcaContentVerifierProviderBuilder()
                    .build(server.ocspResponder().certificate()))).isTrue();
            assertThat(basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce).getExtnValue().getOctets())
                    .isEqualTo(new DEROctetString(nonce).getEncoded());
            assertThat(basic.getResponses()[0].getCertStatus()).isInstanceOf(UnknownStatus.class);
        }
    }
}
