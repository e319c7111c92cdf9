package vn.kyso.signing.verify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import vn.kyso.signing.PdfVerifier;
import vn.kyso.signing.RevocationSource;
import vn.kyso.signing.testpki.TestPki;

/**
 * The test PKI (generated once per JVM: RSA key generation is slow), a TSA, an OCSP responder
 * and a 1-page document, plus verifiers configured against them.
 */
final class VerifyFixture {

    static final Instant SIGNED_AT = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    static final Instant CHECKED_AT = SIGNED_AT.plus(Duration.ofHours(1));
    static final TestPki PKI = TestPki.create(SIGNED_AT, null, TestPki.KeyType.RSA_2048, "Verify");
    static final TestPki.Credential SIGNER = PKI.signer("Nguyễn Văn An", TestPki.KeyType.RSA_2048);
    static final TestPki.Credential SECOND_SIGNER = PKI.signer("Trần Thị Bình", TestPki.KeyType.EC_P256);
    static final TestPki.Credential TSA_CREDENTIAL = PKI.tsa();
    static final TestPki.Credential RESPONDER = PKI.ocspResponder();
    static final TestTsa TSA = new TestTsa(TSA_CREDENTIAL, SIGNED_AT);
    /** The standard 14 fonts lack Vietnamese letters; the text is plain ASCII on purpose. */
    static final byte[] ONE_PAGE = TestDocuments.onePage("Quyet dinh so 12/QD-UBND");

    private VerifyFixture() {
    }

    /** A fresh revocation source (tests may revoke in it) answering at {@link #SIGNED_AT} + 10 minutes. */
    static TestRevocationData revocation() {
        return new TestRevocationData(PKI, RESPONDER, SIGNED_AT.plus(Duration.ofMinutes(10)));
    }

    static PdfVerifier verifier(RevocationSource source) {
        return verifier(source, CHECKED_AT);
    }

    static PdfVerifier verifier(RevocationSource source, Instant now) {
        return PdfVerifier.builder()
                .trustAnchors(List.of(PKI.root().certificate()))
                .clock(Clock.fixed(now, ZoneOffset.UTC))
                .revocationSource(source)
                .onlineTimeout(Duration.ofSeconds(5))
                .build();
    }

    static TestSigner.Options options() {
        return TestSigner.Options.of(SIGNER, SIGNED_AT);
    }

    /** A B-B signature by {@link #SIGNER} over the 1-page document. */
    static byte[] signedOnePage() {
        return TestSigner.sign(ONE_PAGE, options());
    }

    /** Signed, then a DSS with OCSP responses for the signer and the issuing CA (offline-verifiable). */
    static byte[] signedWithDss(byte[] signed) {
        TestRevocationData data = revocation();
        byte[] signerOcsp = data.ocsp(SIGNER.certificate(), PKI.issuingCa().certificate(), RESPONDER);
        byte[] caOcsp = data.ocsp(PKI.issuingCa().certificate(), PKI.root().certificate(), PKI.root());
        return TestSigner.addDss(signed, List.of(SIGNER.certificate(), PKI.issuingCa().certificate(), RESPONDER.certificate(),
                TSA_CREDENTIAL.certificate()), List.of(signerOcsp, caOcsp), List.of());
    }
}
