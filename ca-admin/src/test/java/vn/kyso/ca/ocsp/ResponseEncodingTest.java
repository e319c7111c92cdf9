package vn.kyso.ca.ocsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.io.TempDir;

import vn.kyso.ca.CsrIssueRequest;
import vn.kyso.ca.RevocationReason;
import vn.kyso.ca.testing.Csrs;
import vn.kyso.ca.testing.DatabaseTest;
import vn.kyso.ca.testing.MutableClock;
import vn.kyso.ca.testing.TestCa;
import vn.kyso.ca.testing.TestDatabase;

/**
 * The responder writes its DER itself: every field a relying party reads is checked here with
 * Bouncy Castle's parser, and the bytes must be canonical DER (re-encoding them changes nothing).
 */
class ResponseEncodingTest {

    @TempDir
    Path dir;

    private final SecureRandom random = new SecureRandom();

    @DatabaseTest
    void everyFieldOfASignedResponseReadsBackAndTheSignatureVerifies(TestDatabase db) throws Exception {
        MutableClock clock = MutableClock.now();
        TestCa t = TestCa.open(db, dir, clock);
        X509Certificate good = issue(t, "079000000031");
        X509Certificate revoked = issue(t, "079000000032");
        clock.advance(Duration.ofMinutes(3));
        Instant revokedAt = clock.instant();
        t.ca.revoke("admin", revoked.getSerialNumber(), RevocationReason.AFFILIATION_CHANGED);
        clock.advance(Duration.ofMinutes(5));
        byte[] nonce = bytes(16);

        byte[] der = t.ca.ocsp(request(t, nonceExtension(nonce), good.getSerialNumber(), revoked.getSerialNumber(),
                new BigInteger("7fffffffffff", 16)));

        OCSPResp response = new OCSPResp(der);
        assertThat(response.getStatus()).isEqualTo(OCSPRespBuilder.SUCCESSFUL);
        assertThat(response.getEncoded()).as("canonical DER").isEqualTo(der);
        BasicOCSPResp basic = (BasicOCSPResp) response.getResponseObject();
        X509CertificateHolder responder = new X509CertificateHolder(t.ca.ocspResponderCertificate().getEncoded());
        assertThat(basic.getCerts()).containsExactly(responder);
        assertThat(basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(responder))).isTrue();
        assertThat(basic.getResponderId().equals(new org.bouncycastle.cert.ocsp.RespID(
                responder.getSubjectPublicKeyInfo(),
                new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1)))).isTrue();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        assertThat(basic.getProducedAt().toInstant()).isEqualTo(now);
        assertThat(basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce).getExtnValue().getOctets())
                .isEqualTo(new DEROctetString(nonce).getEncoded());

        SingleResp[] singles = basic.getResponses();
        assertThat(singles).extracting(s -> s.getCertID().getSerialNumber()).containsExactly(
                good.getSerialNumber(), revoked.getSerialNumber(), new BigInteger("7fffffffffff", 16));
        assertThat(singles[0].getCertStatus()).isNull(); // good
        RevokedStatus status = (RevokedStatus) singles[1].getCertStatus();
        assertThat(status.getRevocationTime().toInstant()).isEqualTo(revokedAt.truncatedTo(ChronoUnit.SECONDS));
        assertThat(status.getRevocationReason()).isEqualTo(CRLReason.affiliationChanged);
        assertThat(singles[2].getCertStatus()).isInstanceOf(UnknownStatus.class);
        for (SingleResp single : singles) {
            assertThat(single.getThisUpdate().toInstant()).isEqualTo(now);
            assertThat(single.getNextUpdate().toInstant())
                    .isEqualTo(now.plus(t.settings.responders().ocspResponseValidity()));
        }
    }

    @DatabaseTest
    void noncesOfOneTo32OctetsAreEchoedAndEmptyOrLongerOnesAreMalformed(TestDatabase db) throws Exception {
        TestCa t = TestCa.open(db, dir, MutableClock.now());
        BigInteger serial = issue(t, "079000000033").getSerialNumber();
        for (int length : new int[] {1, 16, 32}) {
            byte[] nonce = bytes(length);
            OCSPResp response = new OCSPResp(t.ca.ocsp(request(t, nonceExtension(nonce), serial)));
            assertThat(response.getStatus()).as("nonce of %d octets", length).isEqualTo(OCSPRespBuilder.SUCCESSFUL);
            Extension echoed = ((BasicOCSPResp) response.getResponseObject())
                    .getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            assertThat(ASN1OctetString.getInstance(echoed.getExtnValue().getOctets()).getOctets()).isEqualTo(nonce);
        }
        for (int length : new int[] {0, 33, 64}) {
            assertThat(new OCSPResp(t.ca.ocsp(request(t, nonceExtension(bytes(length)), serial))).getStatus())
                    .as("nonce of %d octets", length).isEqualTo(OCSPRespBuilder.MALFORMED_REQUEST);
        }
        // an older client's raw nonce (no inner OCTET STRING) counts by its own length
        Extension raw = new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false, new DEROctetString(bytes(20)));
        assertThat(new OCSPResp(t.ca.ocsp(request(t, raw, serial))).getStatus()).isEqualTo(OCSPRespBuilder.SUCCESSFUL);
    }

    private X509Certificate issue(TestCa t, String cccd) {
        long officer = t.officer(cccd);
        return t.ca.issueFromCsr("admin", new CsrIssueRequest(officer, "personal", Csrs.csr(Csrs.ecP256())))
                .certificate();
    }

    private byte[] request(TestCa t, Extension nonce, BigInteger... serials) throws Exception {
        X509CertificateHolder issuer = new X509CertificateHolder(t.ca.issuingCertificate().getEncoded());
        OCSPReqBuilder builder = new OCSPReqBuilder();
        for (BigInteger serial : serials) {
            builder.addRequest(new CertificateID(
                    new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1), issuer, serial));
        }
        builder.setRequestExtensions(new Extensions(nonce));
        return builder.build().getEncoded();
    }

    /** RFC 8954: extnValue holds the DER of an OCTET STRING holding the nonce. */
    private static Extension nonceExtension(byte[] nonce) throws Exception {
        return new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                new DEROctetString(new DEROctetString(nonce).getEncoded(ASN1Encoding.DER)));
    }

    private byte[] bytes(int length) {
        byte[] b = new byte[length];
        random.nextBytes(b);
        return b;
    }
}
