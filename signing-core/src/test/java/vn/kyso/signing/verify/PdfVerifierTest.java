package vn.kyso.signing.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.kyso.signing.verify.VerifyFixture.*;

import java.time.Duration;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import vn.kyso.signing.Indication;
import vn.kyso.signing.Modifications;
import vn.kyso.signing.PadesLevel;
import vn.kyso.signing.RevocationSource;
import vn.kyso.signing.SignatureReport;
import vn.kyso.signing.SigningException;
import vn.kyso.signing.SubIndication;
import vn.kyso.signing.VerificationReport;
import vn.kyso.signing.testpki.TestPki;

class PdfVerifierTest {

    @Test
    void intactSignatureWithRevocationDataIsValid() {
        VerificationReport report = verifier(revocation()).verify(signedOnePage());

        assertThat(report.signatures()).hasSize(1);
        SignatureReport s = report.signatures().get(0);
        assertThat(s.problems()).isEmpty();
        assertThat(s.indication()).isEqualTo(Indication.VALID);
        assertThat(s.level()).isEqualTo(PadesLevel.B_B);
        assertThat(s.signer()).isEqualTo("Nguyễn Văn An");
        assertThat(s.issuer()).contains("Verify Issuing CA");
        assertThat(s.certificateSerial()).isEqualTo(SIGNER.certificate().getSerialNumber().toString(16));
        assertThat(s.signingTime()).isEqualTo(SIGNED_AT);
        assertThat(s.coversWholeDocument()).isTrue();
        assertThat(s.modifications()).isEqualTo(Modifications.NONE);
        assertThat(report.allValid()).isTrue();
    }

    @Test
    void oneFlippedByteInTheSignedRangeIsHashFailure() {
        byte[] pdf = signedOnePage();
        int at = indexOf(pdf, "/MediaBox [0") + 11; // the first coordinate: 0 becomes 1
        pdf[at] ^= 0x01;

        SignatureReport s = verifier(revocation()).verify(pdf).signatures().get(0);

        assertThat(s.indication()).isEqualTo(Indication.INVALID);
        assertThat(s.subIndication()).isEqualTo(SubIndication.HASH_FAILURE);
    }

    @Test
    void offlineWithoutRevocationDataIsTryLater() {
        SignatureReport s = verifier(RevocationSource.none()).verify(signedOnePage()).signatures().get(0);

        assertThat(s.indication()).isEqualTo(Indication.INDETERMINATE);
        assertThat(s.subIndication()).isEqualTo(SubIndication.TRY_LATER);
    }

    @Test
    void revocationDataInTheDssVerifiesOffline() {
        byte[] pdf = signedWithDss(signedOnePage());

        SignatureReport s = verifier(RevocationSource.none()).verify(pdf).signatures().get(0);

        assertThat(s.problems()).isEmpty();
        assertThat(s.indication()).isEqualTo(Indication.VALID);
        assertThat(s.modifications()).isEqualTo(Modifications.ALLOWED);
        assertThat(s.coversWholeDocument()).isFalse();
    }

    @Test
    void notAPdfIsAnExceptionNotAReport() {
        assertThatThrownBy(() -> verifier(RevocationSource.none()).verify(new byte[0]))
                .isInstanceOfSatisfying(SigningException.class, e -> assertThat(e.code()).isEqualTo(SigningException.ErrorCode.NOT_A_PDF));
        assertThatThrownBy(() -> verifier(RevocationSource.none()).verify("hello, world".getBytes()))
                .isInstanceOfSatisfying(SigningException.class, e -> assertThat(e.code()).isEqualTo(SigningException.ErrorCode.NOT_A_PDF));
        assertThatThrownBy(() -> verifier(RevocationSource.none()).verify(Arrays.copyOf(signedOnePage(), 20)))
                .isInstanceOfSatisfying(SigningException.class, e -> assertThat(e.code()).isEqualTo(SigningException.ErrorCode.NOT_A_PDF));
    }

    @Test
    void contentChangedInALaterUpdateIsDisallowed() {
        byte[] pdf = TestUpdates.replacePageContent(signedOnePage(), "Quyet dinh so 99/QD-UBND");

        SignatureReport s = verifier(revocation()).verify(pdf).signatures().get(0);

        assertThat(s.modifications()).isEqualTo(Modifications.DISALLOWED);
        assertThat(s.indication()).isEqualTo(Indication.INVALID);
        assertThat(s.subIndication()).isEqualTo(SubIndication.FORMAT_FAILURE);
        assertThat(s.problems()).anyMatch(p -> p.contains("page 1") && p.contains("/Contents"));
    }

    @Test
    void aSecondSignatureLeavesTheFirstValidWithAllowedChanges() {
        byte[] pdf = TestSigner.sign(signedOnePage(), options().withCredential(SECOND_SIGNER));

        VerificationReport report = verifier(revocation()).verify(pdf);

        assertThat(report.signatures()).hasSize(2);
        SignatureReport first = report.signatures().get(0);
        SignatureReport second = report.signatures().get(1);
        assertThat(first.problems()).isEmpty();
        assertThat(first.indication()).isEqualTo(Indication.VALID);
        assertThat(first.modifications()).isEqualTo(Modifications.ALLOWED);
        assertThat(first.signer()).isEqualTo("Nguyễn Văn An");
        assertThat(second.indication()).isEqualTo(Indication.VALID);
        assertThat(second.modifications()).isEqualTo(Modifications.NONE);
        assertThat(second.signer()).isEqualTo("Trần Thị Bình");
        assertThat(report.allValid()).isTrue();
    }

    @Test
    void certificateRevokedBeforeSigningIsInvalidRevoked() {
        TestRevocationData data = revocation();
        data.revoke(SIGNER.certificate(), SIGNED_AT.minus(Duration.ofDays(1)));

        SignatureReport s = verifier(data).verify(signedOnePage()).signatures().get(0);

        assertThat(s.indication()).isEqualTo(Indication.INVALID);
        assertThat(s.subIndication()).isEqualTo(SubIndication.REVOKED);
    }

    @Test
    void revocationAfterATimestampedSigningLeavesTheSignatureValidWithANote() {
        TestRevocationData data = revocation();
        data.revoke(SIGNER.certificate(), SIGNED_AT.plus(Duration.ofMinutes(30)));

        SignatureReport s = verifier(data).verify(TestSigner.sign(ONE_PAGE, options().withTsa(TSA))).signatures().get(0);

        assertThat(s.indication()).isEqualTo(Indication.VALID);
        assertThat(s.problems()).anyMatch(p -> p.contains("revoked") && p.contains("after the timestamp"));
    }

    @Test
    void untrustedRootIsNoCertificateChainFound() {
        TestPki rogue = TestPki.create(SIGNED_AT, null, TestPki.KeyType.EC_P256, "Rogue");
        TestPki.Credential mallory = rogue.signer("Nguyễn Văn An", TestPki.KeyType.EC_P256);

        SignatureReport s = verifier(revocation()).verify(TestSigner.sign(ONE_PAGE, options().withCredential(mallory)))
                .signatures().get(0);

        assertThat(s.indication()).isEqualTo(Indication.INDETERMINATE);
        assertThat(s.subIndication()).isEqualTo(SubIndication.NO_CERTIFICATE_CHAIN_FOUND);
    }

    @Test
    void expiredCertificateNeedsATimestampAsProofOfExistence() {
        TestPki.Credential shortLived = PKI.signer("Lê Văn Cường", TestPki.KeyType.EC_P256,
                SIGNED_AT.minus(Duration.ofDays(10)), SIGNED_AT.plus(Duration.ofDays(30)));
        java.time.Instant later = SIGNED_AT.plus(Duration.ofDays(60));
        TestSigner.Options o = options().withCredential(shortLived);

        SignatureReport withoutTimestamp = verifier(revocation(), later).verify(TestSigner.sign(ONE_PAGE, o)).signatures().get(0);
        SignatureReport withTimestamp = verifier(revocation(), later).verify(TestSigner.sign(ONE_PAGE, o.withTsa(TSA)))
                .signatures().get(0);

        assertThat(withoutTimestamp.indication()).isEqualTo(Indication.INDETERMINATE);
        assertThat(withoutTimestamp.subIndication()).isEqualTo(SubIndication.OUT_OF_BOUNDS_NO_POE);
        assertThat(withTimestamp.problems()).isEmpty();
        assertThat(withTimestamp.indication()).isEqualTo(Indication.VALID);
        assertThat(withTimestamp.timestampTime()).isEqualTo(SIGNED_AT);
    }

    @Test
    void padesLevelsFollowTimestampDssAndDocumentTimestamp() {
        byte[] bt = TestSigner.sign(ONE_PAGE, options().withTsa(TSA));
        byte[] blt = signedWithDss(bt);
        byte[] blta = TestSigner.addDocumentTimestamp(blt, TSA);
        PdfVerifierOffline offline = new PdfVerifierOffline();

        assertThat(verifier(revocation()).verify(bt).signatures().get(0).level()).isEqualTo(PadesLevel.B_T);
        SignatureReport lt = offline.verify(blt);
        assertThat(lt.problems()).isEmpty();
        assertThat(lt.level()).isEqualTo(PadesLevel.B_LT);
        VerificationReport lta = verifier(RevocationSource.none()).verify(blta);
        assertThat(lta.signatures().get(0).level()).isEqualTo(PadesLevel.B_LTA);
        assertThat(lta.signatures().get(0).modifications()).isEqualTo(Modifications.ALLOWED);
        assertThat(lta.timestamps()).hasSize(1);
        assertThat(lta.timestamps().get(0).problems()).isEmpty();
        assertThat(lta.timestamps().get(0).indication()).isEqualTo(Indication.VALID);
        assertThat(lta.timestamps().get(0).tsa()).contains("Test TSA");
        assertThat(lta.timestamps().get(0).coversWholeDocument()).isTrue();
        assertThat(lta.allValid()).isTrue();
    }

    @Test
    void adbePkcs7DetachedFromOtherToolsIsVerifiedWithoutALevel() {
        byte[] pdf = TestSigner.sign(ONE_PAGE, options().withSubFilter("adbe.pkcs7.detached", false));

        SignatureReport s = verifier(revocation()).verify(pdf).signatures().get(0);

        assertThat(s.indication()).isEqualTo(Indication.VALID);
        assertThat(s.level()).isNull();
    }

    @Test
    void rsaPssAndEcdsaWithSha384AndSha512Verify() {
        byte[] pss = TestSigner.sign(ONE_PAGE, options().withDigest(vn.kyso.signing.DigestAlgorithm.SHA384, true));
        byte[] ecdsa = TestSigner.sign(ONE_PAGE, options().withCredential(SECOND_SIGNER)
                .withDigest(vn.kyso.signing.DigestAlgorithm.SHA512, false));

        assertThat(verifier(revocation()).verify(pss).signatures().get(0).indication()).isEqualTo(Indication.VALID);
        assertThat(verifier(revocation()).verify(ecdsa).signatures().get(0).indication()).isEqualTo(Indication.VALID);
    }

    @Test
    void encryptedPdfWithoutPasswordIsAnException() throws Exception {
        byte[] encrypted;
        try (var doc = org.apache.pdfbox.Loader.loadPDF(ONE_PAGE)) {
            var policy = new org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy("owner", "user",
                    new org.apache.pdfbox.pdmodel.encryption.AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            encrypted = TestDocuments.save(doc);
        }
        byte[] pdf = encrypted;

        assertThatThrownBy(() -> verifier(RevocationSource.none()).verify(pdf))
                .isInstanceOfSatisfying(SigningException.class,
                        e -> assertThat(e.code()).isEqualTo(SigningException.ErrorCode.ENCRYPTED_PDF));
    }

    @Test
    void unsignedPdfHasNoSignaturesAndSaysSo() {
        VerificationReport report = verifier(RevocationSource.none()).verify(ONE_PAGE);

        assertThat(report.signatures()).isEmpty();
        assertThat(report.allValid()).isFalse();
        assertThat(report.documentProblems()).contains("the document has no signatures");
    }

    @Test
    void formFillingIsAllowedAfterAnApprovalSignatureButNotAfterACertificationForbiddingChanges() {
        byte[] approved = TestUpdates.fillField(TestSigner.sign(TestDocuments.withTextField(), options()), "amount", "999");
        byte[] certified = TestUpdates.fillField(TestSigner.sign(TestDocuments.withTextField(), options().certifying(1)),
                "amount", "999");
        byte[] certifiedP2 = TestUpdates.fillField(TestSigner.sign(TestDocuments.withTextField(), options().certifying(2)),
                "amount", "999");

        SignatureReport a = verifier(revocation()).verify(approved).signatures().get(0);
        SignatureReport c = verifier(revocation()).verify(certified).signatures().get(0);
        SignatureReport c2 = verifier(revocation()).verify(certifiedP2).signatures().get(0);

        assertThat(a.problems()).isEmpty();
        assertThat(a.modifications()).isEqualTo(Modifications.ALLOWED);
        assertThat(c.modifications()).isEqualTo(Modifications.DISALLOWED);
        assertThat(c.indication()).isEqualTo(Indication.INVALID);
        assertThat(c2.modifications()).isEqualTo(Modifications.ALLOWED);
    }

    @Test
    void essSigningCertificateReferenceNamingAnotherCertificateIsFormatFailure() {
        byte[] pdf = TestSigner.sign(ONE_PAGE, options().withEssFor(SECOND_SIGNER.certificate()));

        SignatureReport s = verifier(revocation()).verify(pdf).signatures().get(0);

        assertThat(s.indication()).isEqualTo(Indication.INVALID);
        assertThat(s.subIndication()).isEqualTo(SubIndication.FORMAT_FAILURE);
        assertThat(s.problems()).anyMatch(p -> p.contains("signing-certificate-v2"));
    }

    @Test
    void aSignatureAfterACertificationForbiddingChangesIsDisallowed() {
        byte[] pdf = TestSigner.sign(TestSigner.sign(ONE_PAGE, options().certifying(1)), options().withCredential(SECOND_SIGNER));

        SignatureReport certification = verifier(revocation()).verify(pdf).signatures().get(0);

        assertThat(certification.modifications()).isEqualTo(Modifications.DISALLOWED);
        assertThat(certification.problems()).anyMatch(p -> p.contains("DocMDP P=1"));
    }

    @Test
    void aDocumentTimestampOverChangedBytesIsHashFailureWhileTheSignatureStays() {
        byte[] pdf = TestSigner.addDocumentTimestamp(signedWithDss(TestSigner.sign(ONE_PAGE, options().withTsa(TSA))), TSA);
        int dss = indexOf(pdf, "/DSS");
        assertThat(pdf[dss - 1]).isIn((byte) ' ', (byte) '\n');
        pdf[dss - 1] = (byte) (pdf[dss - 1] == ' ' ? '\n' : ' '); // white space for white space: same objects, other bytes

        VerificationReport report = verifier(RevocationSource.none()).verify(pdf);

        assertThat(report.timestamps().get(0).indication()).isEqualTo(Indication.INVALID);
        assertThat(report.timestamps().get(0).subIndication()).isEqualTo(SubIndication.HASH_FAILURE);
        assertThat(report.signatures().get(0).indication()).isEqualTo(Indication.VALID);
        assertThat(report.signatures().get(0).level()).isEqualTo(PadesLevel.B_LT);
    }

    /** Offline verification of a single-signature file. */
    private static final class PdfVerifierOffline {
        SignatureReport verify(byte[] pdf) {
            return verifier(RevocationSource.none()).verify(pdf).signatures().get(0);
        }
    }

    static int indexOf(byte[] data, String text) {
        int i = vn.kyso.signing.verify.PdfFile.indexOf(data, text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0, data.length);
        if (i < 0) {
            throw new IllegalArgumentException(text + " not found");
        }
        return i;
    }
}
