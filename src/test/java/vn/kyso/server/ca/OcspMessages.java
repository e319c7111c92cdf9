package vn.kyso.server.ca;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;

import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import vn.kyso.ca.CertificateAuthority;

/** OCSP requests made with Bouncy Castle's client for kyso's CA, and its answers checked as a relying party would. */
final class OcspMessages {

    private OcspMessages() {
    }

    /** A request for a serial of kyso's issuing CA, with a nonce (RFC 8954: an OCTET STRING, as OpenSSL sends) or none. */
    static byte[] request(CertificateAuthority ca, BigInteger serial, byte[] nonce) throws Exception {
        CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                new JcaX509CertificateHolder(ca.issuingCertificate()), serial);
        OCSPReqBuilder builder = new OCSPReqBuilder().addRequest(id);
        if (nonce != null) {
            builder.setRequestExtensions(new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                    new DEROctetString(new DEROctetString(nonce).getEncoded()))));
        }
        return builder.build().getEncoded();
    }

    /** The answer, which must be successful and signed by kyso's responder certificate. */
    static BasicOCSPResp signedAnswer(CertificateAuthority ca, byte[] der) throws Exception {
        OCSPResp response = new OCSPResp(der);
        assertThat(response.getStatus()).isEqualTo(OCSPRespBuilder.SUCCESSFUL);
        BasicOCSPResp basic = (BasicOCSPResp) response.getResponseObject();
        assertThat(basic.isSignatureValid(new JcaContentVerifierProviderBuilder()
                .build(ca.ocspResponderCertificate()))).isTrue();
        return basic;
    }
}
