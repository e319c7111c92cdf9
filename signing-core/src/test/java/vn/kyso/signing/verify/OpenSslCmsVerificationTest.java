package vn.kyso.signing.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.kyso.signing.verify.VerifyFixture.*;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.kyso.signing.Indication;
import vn.kyso.signing.SignatureFormat;
import vn.kyso.signing.SignatureReport;
import vn.kyso.signing.SubIndication;
import vn.kyso.signing.testpki.TestPki;

/**
 * CMS variants that OpenSSL's {@code cms} command writes, as real-world signers do: DER and
 * streamed BER with indefinite lengths, encapsulated content, two signers, SHA-1, and the legacy
 * adbe.pkcs7.sha1 form; each placed into a PDF signature placeholder and verified.
 */
class OpenSslCmsVerificationTest {

    private static final String DETACHED = "adbe.pkcs7.detached";
    private static final String CADES = "ETSI.CAdES.detached";
    private static final String SHA1 = "adbe.pkcs7.sha1";

    private static SignatureReport verify(byte[] pdf) {
        List<SignatureReport> signatures = verifier(revocation()).verify(pdf).signatures();
        assertThat(signatures).hasSize(1);
        return signatures.get(0);
    }

    private static byte[] signed(String subFilter, java.util.function.UnaryOperator<byte[]> cms) {
        return ForeignCms.place(ONE_PAGE, subFilter, SIGNED_AT, cms);
    }

    @Test
    void opensslDetachedDerCmsIsValid() {
        SignatureReport s = verify(signed(DETACHED, c -> ForeignCms.openssl(c, List.of(SIGNER))));

        assertThat(s.problems()).isEmpty();
        assertThat(s.indication()).isEqualTo(Indication.VALID);
        assertThat(s.format()).isEqualTo(SignatureFormat.PKCS7_DETACHED);
        assertThat(s.level()).isNull(); // adbe.pkcs7.detached is not a PAdES baseline level
    }

    @Test
    void opensslStreamedBerCmsWithIndefiniteLengthsIsValid() {
        byte[][] cms = new byte[1][];
        byte[] pdf = signed(DETACHED, c -> cms[0] = ForeignCms.openssl(c, List.of(SIGNER), "-stream"));
        assertThat(cms[0][1]).as("indefinite length").isEqualTo((byte) 0x80);

        SignatureReport s = verify(pdf);

        assertThat(s.indication()).isEqualTo(Indication.VALID);
        // OpenSSL streams the signed bytes inside the CMS as well: the same bytes, so still valid
        assertThat(s.problems()).singleElement().asString().contains("encapsulates");
    }

    @Test
    void berCmsUnderTheCadesSubFilterIsValid() {
        SignatureReport s = verify(signed(CADES, c -> ForeignCms.openssl(c, List.of(SECOND_SIGNER), "-stream")));

        assertThat(s.indication()).isEqualTo(Indication.VALID);
        assertThat(s.format()).isEqualTo(SignatureFormat.CADES_DETACHED);
        assertThat(s.level()).as("no ESS signing-certificate-v2: not PAdES B-B").isNull();
    }

    @Test
    void berCmsWithDataAfterItsEndOfContentsIsFormatFailure() {
        SignatureReport s = verify(signed(DETACHED, c -> {
            byte[] ber = ForeignCms.openssl(c, List.of(SIGNER), "-stream");
            return TestSigner.concat(ber, new byte[] { 0x05, 0x00 });
        }));

        assertThat(s.indication()).isEqualTo(Indication.INVALID);
        assertThat(s.subIndication()).isEqualTo(SubIndication.FORMAT_FAILURE);
        assertThat(s.problems()).anyMatch(p -> p.contains("data after the signature"));
    }

    @Test
    void cmsEncapsulatingTheSignedBytesIsValidWithANote() {
        SignatureReport s = verify(signed(DETACHED, c -> ForeignCms.openssl(c, List.of(SIGNER), "-nodetach")));

        assertThat(s.indication()).isEqualTo(Indication.VALID);
        assertThat(s.problems()).anyMatch(p -> p.contains("encapsulates"));
    }

    @Test
    void cmsSigningOtherEncapsulatedContentIsHashFailure() {
        byte[] other = "a different document".getBytes(StandardCharsets.US_ASCII);
        SignatureReport s = verify(signed(DETACHED, c -> ForeignCms.openssl(other, List.of(SIGNER), "-nodetach")));

        assertThat(s.indication()).isEqualTo(Indication.INVALID);
        assertThat(s.subIndication()).isEqualTo(SubIndication.HASH_FAILURE);
        assertThat(s.problems()).anyMatch(p -> p.contains("not this document's bytes"));
    }

    @Test
    void twoSignerInfosAreJudgedByTheFirstAndSaidSo() {
        SignatureReport s = verify(signed(CADES, c -> ForeignCms.openssl(c, List.of(SIGNER, SECOND_SIGNER))));

        assertThat(s.indication()).isEqualTo(Indication.VALID);
        assertThat(s.level()).as("PAdES allows one SignerInfo").isNull();
        assertThat(s.problems()).anyMatch(p -> p.contains("2 SignerInfos"));
    }

    @Test
    void sha1DigestWithoutProofOfExistenceIsCryptoConstraintsFailureNoPoe() {
        SignatureReport s = verify(signed(DETACHED, c -> ForeignCms.openssl(c, List.of(SIGNER), "-md", "sha1")));

        assertThat(s.indication()).isEqualTo(Indication.INDETERMINATE);
        assertThat(s.subIndication()).isEqualTo(SubIndication.CRYPTO_CONSTRAINTS_FAILURE_NO_POE);
        assertThat(s.problems()).anyMatch(p -> p.contains("SHA-1"));
    }

    @Test
    void legacyPkcs7Sha1IsItsOwnFormatAndNeedsProofOfExistence() {
        SignatureReport s = verify(signed(SHA1,
                c -> ForeignCms.openssl(ForeignCms.sha1(c), List.of(SIGNER), "-nodetach", "-md", "sha1")));

        assertThat(s.format()).isEqualTo(SignatureFormat.PKCS7_SHA1);
        assertThat(s.format().legacy()).isTrue();
        assertThat(s.indication()).isEqualTo(Indication.INDETERMINATE);
        assertThat(s.subIndication()).isEqualTo(SubIndication.CRYPTO_CONSTRAINTS_FAILURE_NO_POE);
        assertThat(s.level()).isNull();
    }

    @Test
    void legacyPkcs7Sha1SignedWithSha256StillRestsOnSha1() {
        SignatureReport s = verify(signed(SHA1,
                c -> ForeignCms.openssl(ForeignCms.sha1(c), List.of(SIGNER), "-nodetach", "-stream")));

        assertThat(s.indication()).isEqualTo(Indication.INDETERMINATE);
        assertThat(s.subIndication()).isEqualTo(SubIndication.CRYPTO_CONSTRAINTS_FAILURE_NO_POE);
        assertThat(s.problems()).anyMatch(p -> p.contains("adbe.pkcs7.sha1"));
    }

    @Test
    void legacyPkcs7Sha1VerifiedWhileSha1WasReliableIsValid() {
        Instant then = Instant.parse("2009-06-01T08:00:00Z");
        TestPki pki = TestPki.create(then, null, TestPki.KeyType.RSA_2048, "Legacy");
        TestPki.Credential signer = pki.signer("Lê Văn Cũ", TestPki.KeyType.RSA_2048);
        byte[] pdf = ForeignCms.place(ONE_PAGE, SHA1, then,
                c -> ForeignCms.openssl(ForeignCms.sha1(c), List.of(signer), "-nodetach", "-md", "sha1"));
        TestPki.Credential responder = pki.ocspResponder();
        TestRevocationData revocation = new TestRevocationData(pki, responder, then.plus(Duration.ofMinutes(10)));

        SignatureReport s = vn.kyso.signing.PdfVerifier.builder()
                .trustAnchors(List.of(pki.root().certificate()))
                .clock(java.time.Clock.fixed(then.plus(Duration.ofHours(1)), java.time.ZoneOffset.UTC))
                .revocationSource(revocation).onlineTimeout(Duration.ofSeconds(5)).build()
                .verify(pdf).signatures().get(0);

        assertThat(s.problems()).isEmpty();
        assertThat(s.indication()).isEqualTo(Indication.VALID);
        assertThat(s.format()).isEqualTo(SignatureFormat.PKCS7_SHA1);
    }

    @Test
    void sha1FormDeclaredAsDetachedIsRecognised() {
        SignatureReport s = verify(signed(DETACHED,
                c -> ForeignCms.openssl(ForeignCms.sha1(c), List.of(SIGNER), "-nodetach")));

        assertThat(s.format()).isEqualTo(SignatureFormat.PKCS7_SHA1);
        assertThat(s.indication()).isNotEqualTo(Indication.INVALID);
        assertThat(s.problems()).anyMatch(p -> p.contains("encoded as adbe.pkcs7.sha1"));
    }

    @Test
    void changedBytesUnderALegacySha1SignatureAreHashFailure() {
        byte[] pdf = signed(SHA1, c -> ForeignCms.openssl(ForeignCms.sha1(c), List.of(SIGNER), "-nodetach"));
        int at = PdfVerifierTest.indexOf(pdf, "/MediaBox [0") + 11;
        pdf[at] ^= 0x01;

        SignatureReport s = verify(pdf);

        assertThat(s.indication()).isEqualTo(Indication.INVALID);
        assertThat(s.subIndication()).isEqualTo(SubIndication.HASH_FAILURE);
    }

    @Test
    void pkcs7Sha1WithoutEncapsulatedDigestIsFormatFailure() {
        SignatureReport s = verify(signed(SHA1, c -> ForeignCms.openssl(c, List.of(SIGNER))));

        assertThat(s.indication()).isEqualTo(Indication.INVALID);
        assertThat(s.subIndication()).isEqualTo(SubIndication.FORMAT_FAILURE);
    }
}
