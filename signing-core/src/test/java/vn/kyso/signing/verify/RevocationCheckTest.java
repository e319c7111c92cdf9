package vn.kyso.signing.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.kyso.signing.verify.VerifyFixture.*;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import vn.kyso.signing.Indication;
import vn.kyso.signing.PdfVerifier;
import vn.kyso.signing.RevocationSource;
import vn.kyso.signing.SignatureReport;
import vn.kyso.signing.SubIndication;
import vn.kyso.signing.testpki.TestPki;

class RevocationCheckTest {

    @Test
    void aCrlInTheDssThatListsTheSignerMakesTheSignatureRevoked() {
        TestRevocationData data = revocation();
        data.revoke(SIGNER.certificate(), SIGNED_AT.minus(Duration.ofHours(2)));
        byte[] pdf = TestSigner.addDss(signedOnePage(), List.of(PKI.issuingCa().certificate()), List.of(), List.of(data.crl()));

        SignatureReport s = verifier(RevocationSource.none()).verify(pdf).signatures().get(0);

        assertThat(s.indication()).isEqualTo(Indication.INVALID);
        assertThat(s.subIndication()).isEqualTo(SubIndication.REVOKED);
    }

    @Test
    void anOcspResponseSignedByAnUnauthorisedResponderIsNotEvidence() {
        TestRevocationData data = revocation();
        // signed by the signer's own key: a certificate cannot vouch for itself
        byte[] forged = data.ocsp(SIGNER.certificate(), PKI.issuingCa().certificate(), SIGNER);
        byte[] caOcsp = data.ocsp(PKI.issuingCa().certificate(), PKI.root().certificate(), PKI.root());
        byte[] pdf = TestSigner.addDss(signedOnePage(), List.of(SIGNER.certificate()), List.of(forged, caOcsp), List.of());

        SignatureReport s = verifier(RevocationSource.none()).verify(pdf).signatures().get(0);

        assertThat(s.indication()).isEqualTo(Indication.INDETERMINATE);
        assertThat(s.subIndication()).isEqualTo(SubIndication.TRY_LATER);
    }

    @Test
    void aDelegatedResponderWithoutNoCheckIsAcceptedWithANote() throws Exception {
        TestPki.Credential responder = responderWithoutNoCheck();
        TestRevocationData data = revocation();
        byte[] signerOcsp = data.ocsp(SIGNER.certificate(), PKI.issuingCa().certificate(), responder);
        byte[] caOcsp = data.ocsp(PKI.issuingCa().certificate(), PKI.root().certificate(), PKI.root());
        byte[] pdf = TestSigner.addDss(signedOnePage(), List.of(), List.of(signerOcsp, caOcsp), List.of());

        SignatureReport s = verifier(RevocationSource.none()).verify(pdf).signatures().get(0);

        assertThat(s.indication()).isEqualTo(Indication.VALID);
        assertThat(s.problems()).anyMatch(p -> p.contains("lacks id-pkix-ocsp-nocheck"));
    }

    /** An OCSP signing certificate from the issuing CA without id-pkix-ocsp-nocheck. */
    private static TestPki.Credential responderWithoutNoCheck() throws Exception {
        var keys = java.security.KeyPairGenerator.getInstance("RSA");
        keys.initialize(2048);
        var pair = keys.generateKeyPair();
        var builder = new org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder(PKI.issuingCa().certificate(),
                java.math.BigInteger.valueOf(System.nanoTime()), java.util.Date.from(SIGNED_AT.minus(Duration.ofDays(1))),
                java.util.Date.from(SIGNED_AT.plus(Duration.ofDays(30))),
                new javax.security.auth.x500.X500Principal("CN=Responder without nocheck,O=kyso test,C=VN"), pair.getPublic());
        builder.addExtension(org.bouncycastle.asn1.x509.Extension.extendedKeyUsage, false,
                new org.bouncycastle.asn1.x509.ExtendedKeyUsage(org.bouncycastle.asn1.x509.KeyPurposeId.id_kp_OCSPSigning));
        X509Certificate cert = new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().getCertificate(builder.build(
                new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withRSA")
                        .build(PKI.issuingCa().privateKey())));
        return new TestPki.Credential(pair.getPrivate(), cert, List.of(PKI.issuingCa().certificate()));
    }

    @Test
    void aRevocationSourceThatDoesNotAnswerInTimeCountsAsNoData() {
        RevocationSource silent = new RevocationSource() {
            @Override
            public Optional<byte[]> ocsp(X509Certificate certificate, X509Certificate issuer) {
                try {
                    Thread.sleep(30_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Optional.empty();
            }

            @Override
            public Optional<byte[]> crl(X509Certificate certificate) {
                return ocsp(certificate, null);
            }
        };
        PdfVerifier verifier = PdfVerifier.builder().trustAnchors(List.of(PKI.root().certificate()))
                .clock(Clock.fixed(CHECKED_AT, ZoneOffset.UTC)).revocationSource(silent)
                .onlineTimeout(Duration.ofMillis(200)).build();

        long start = System.nanoTime();
        SignatureReport s = verifier.verify(signedOnePage()).signatures().get(0);
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(s.subIndication()).isEqualTo(SubIndication.TRY_LATER);
        assertThat(elapsedMillis).isLessThan(10_000);
    }

    @Test
    void aTrustAnchorNeedsNoRevocationCheck() {
        // trusting the issuing CA directly: only the signer needs an answer
        TestRevocationData data = revocation();
        byte[] signerOcsp = data.ocsp(SIGNER.certificate(), PKI.issuingCa().certificate(), RESPONDER);
        byte[] pdf = TestSigner.addDss(signedOnePage(), List.of(), List.of(signerOcsp), List.of());
        PdfVerifier verifier = PdfVerifier.builder().trustAnchors(List.of(PKI.issuingCa().certificate()))
                .clock(Clock.fixed(CHECKED_AT, ZoneOffset.UTC)).build();

        SignatureReport s = verifier.verify(pdf).signatures().get(0);

        assertThat(s.problems()).isEmpty();
        assertThat(s.indication()).isEqualTo(Indication.VALID);
    }
}
