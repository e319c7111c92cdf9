package vn.kyso.signing.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.kyso.signing.verify.VerifyFixture.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.kyso.signing.ChangeClass;
import vn.kyso.signing.Indication;
import vn.kyso.signing.Modifications;
import vn.kyso.signing.SignatureFormat;
import vn.kyso.signing.SignatureReport;
import vn.kyso.signing.SubIndication;
import vn.kyso.signing.VerificationReport;
import vn.kyso.signing.testpki.Pdfsig;

/**
 * Documents that OpenPDF signs with its own code (PdfStamper, PdfSignatureAppearance, PdfPKCS7),
 * alone and in sequence with kyso and EU DSS, verified by kyso and cross-checked with poppler.
 */
class OpenPdfInteropTest {

    private static final OpenPdfSigner.Request DETACHED = OpenPdfSigner.Request.detached();

    @TempDir
    Path dir;

    private static VerificationReport verify(byte[] pdf) {
        return verifier(revocation()).verify(pdf);
    }

    private static void assertValidUntouched(SignatureReport s) {
        assertThat(s.indication()).as(s.problems().toString()).isEqualTo(Indication.VALID);
        assertThat(s.format()).isEqualTo(SignatureFormat.PKCS7_DETACHED);
        assertThat(s.coversWholeDocument()).isTrue();
        assertThat(s.changes().changeClass()).isEqualTo(ChangeClass.NONE);
    }

    @Test
    void openPdfDetachedSignatureAppendedToTheFileIsValid() {
        VerificationReport report = verify(OpenPdfSigner.sign(ONE_PAGE, SIGNER, SIGNED_AT, DETACHED));

        assertThat(report.signatures()).singleElement().satisfies(OpenPdfInteropTest::assertValidUntouched);
        assertThat(report.allValid()).isTrue();
    }

    @Test
    void openPdfDetachedSignatureRewritingTheWholeFileIsValid() {
        VerificationReport report = verify(OpenPdfSigner.sign(ONE_PAGE, SIGNER, SIGNED_AT, DETACHED.rewriting()));

        assertThat(report.signatures()).singleElement().satisfies(OpenPdfInteropTest::assertValidUntouched);
    }

    @Test
    void openPdfVisibleSignatureWithItsOwnAppearanceIsValid() throws Exception {
        byte[] pdf = OpenPdfSigner.sign(ONE_PAGE, SIGNER, SIGNED_AT, DETACHED.visibleIn("Visible"));

        VerificationReport report = verify(pdf);

        assertThat(report.signatures()).singleElement().satisfies(s -> {
            assertValidUntouched(s);
            assertThat(s.field()).isEqualTo("Visible");
        });
        Path file = Files.write(dir.resolve("visible.pdf"), pdf);
        assertThat(Pdfsig.trusting(dir, PKI.root().certificate()).check(file)).singleElement()
                .satisfies(r -> assertThat(r.signatureValid()).isTrue());
    }

    @Test
    void openPdfLegacySha1SignatureIsTheLegacyFormatAndNeedsProofOfExistence() {
        SignatureReport s = verify(OpenPdfSigner.sign(ONE_PAGE, SIGNER, SIGNED_AT, DETACHED.legacySha1()))
                .signatures().get(0);

        assertThat(s.format()).isEqualTo(SignatureFormat.PKCS7_SHA1);
        assertThat(s.indication()).as(s.problems().toString()).isEqualTo(Indication.INDETERMINATE);
        assertThat(s.subIndication()).isEqualTo(SubIndication.CRYPTO_CONSTRAINTS_FAILURE_NO_POE);
    }

    @Test
    void openPdfSecondSignatureAfterAKysoSignatureLeavesTheFirstGreen() {
        byte[] pdf = OpenPdfSigner.sign(signedOnePage(), SIGNER, SIGNED_AT, DETACHED.visibleIn("Second"));

        VerificationReport report = verify(pdf);

        assertThat(report.signatures()).hasSize(2);
        SignatureReport first = report.signatures().get(0);
        assertThat(first.indication()).as(first.problems().toString()).isEqualTo(Indication.VALID);
        assertThat(first.modifications()).isNotEqualTo(Modifications.DISALLOWED);
        assertThat(first.changes().permitted()).isTrue();
        assertValidUntouched(report.signatures().get(1));
        assertThat(report.allValid()).isTrue();
    }

    @Test
    void openPdfSecondSignatureAfterADssSignatureLeavesTheFirstGreen() {
        byte[] dss = DssInterop.sign(ONE_PAGE, SIGNER, SIGNED_AT, null);
        byte[] pdf = OpenPdfSigner.sign(dss, SIGNER, SIGNED_AT, DETACHED);

        VerificationReport report = verify(pdf);

        assertThat(report.signatures()).hasSize(2);
        SignatureReport first = report.signatures().get(0);
        assertThat(first.indication()).as(first.problems().toString()).isEqualTo(Indication.VALID);
        assertThat(first.changes().permitted()).isTrue();
        assertValidUntouched(report.signatures().get(1));
    }

    @Test
    void formFilledByOpenPdfAfterSigningIsPermittedFormFillingNotIntact() {
        byte[] signed = OpenPdfSigner.sign(TestDocuments.withTextField(), SIGNER, SIGNED_AT, DETACHED);
        byte[] filled = OpenPdfSigner.fillField(signed, "amount", "250");

        SignatureReport s = verify(filled).signatures().get(0);

        assertThat(s.indication()).as(s.problems().toString()).isEqualTo(Indication.VALID);
        assertThat(s.coversWholeDocument()).isFalse();
        assertThat(s.modifications()).isEqualTo(Modifications.ALLOWED);
        assertThat(s.changes().changeClass()).isEqualTo(ChangeClass.FORM_FILLING);
        assertThat(s.changes().permitted()).isTrue();
    }

    @Test
    void pdfsigAgreesWithKysoOnAnOpenPdfSignatureAfterKysos() throws Exception {
        byte[] pdf = OpenPdfSigner.sign(signedOnePage(), SIGNER, SIGNED_AT, DETACHED);
        Path file = Files.write(dir.resolve("two.pdf"), pdf);

        List<Pdfsig.Result> poppler = Pdfsig.trusting(dir, PKI.root().certificate()).check(file);
        List<SignatureReport> kyso = verify(pdf).signatures();

        assertThat(poppler).hasSize(2).allMatch(Pdfsig.Result::signatureValid);
        assertThat(kyso).hasSize(2).allMatch(s -> s.indication() == Indication.VALID);
        assertThat(poppler.get(1).totalDocumentSigned()).isEqualTo(kyso.get(1).coversWholeDocument()).isTrue();
    }

    @Test
    void formFilledAfterAnOpenPdfCertificationThatForbidsChangesIsDisallowed() {
        byte[] signed = OpenPdfSigner.sign(TestDocuments.withTextField(), SIGNER, SIGNED_AT,
                DETACHED.certifying(com.lowagie.text.pdf.PdfSignatureAppearance.CERTIFIED_NO_CHANGES_ALLOWED));
        assertThat(verify(signed).signatures().get(0).indication()).isEqualTo(Indication.VALID);

        SignatureReport s = verify(OpenPdfSigner.fillField(signed, "amount", "250")).signatures().get(0);

        assertThat(s.modifications()).as(s.problems().toString()).isEqualTo(Modifications.DISALLOWED);
        assertThat(s.indication()).isEqualTo(Indication.INVALID);
    }

    @Test
    void formFilledAfterAnOpenPdfCertificationThatAllowsFormFillingIsPermitted() {
        byte[] signed = OpenPdfSigner.sign(TestDocuments.withTextField(), SIGNER, SIGNED_AT,
                DETACHED.certifying(com.lowagie.text.pdf.PdfSignatureAppearance.CERTIFIED_FORM_FILLING));

        SignatureReport s = verify(OpenPdfSigner.fillField(signed, "amount", "250")).signatures().get(0);

        assertThat(s.indication()).as(s.problems().toString()).isEqualTo(Indication.VALID);
        assertThat(s.modifications()).isEqualTo(Modifications.ALLOWED);
        assertThat(s.changes().changeClass()).isEqualTo(ChangeClass.FORM_FILLING);
    }

    @Test
    void openPdfApprovalSignatureAfterACertificationThatForbidsChangesIsDisallowed() {
        byte[] certified = OpenPdfSigner.sign(ONE_PAGE, SIGNER, SIGNED_AT,
                DETACHED.certifying(com.lowagie.text.pdf.PdfSignatureAppearance.CERTIFIED_NO_CHANGES_ALLOWED));
        byte[] pdf = OpenPdfSigner.sign(certified, SIGNER, SIGNED_AT,
                new OpenPdfSigner.Request("adbe.pkcs7.detached", true, true, "Late", 0));

        SignatureReport first = verify(pdf).signatures().get(0);

        assertThat(first.modifications()).as(first.problems().toString()).isEqualTo(Modifications.DISALLOWED);
    }

    @Test
    void openPdfEcdsaSignatureIsValid() {
        SignatureReport s = verify(OpenPdfSigner.sign(ONE_PAGE, SECOND_SIGNER, SIGNED_AT, DETACHED)).signatures().get(0);

        assertValidUntouched(s);
    }

    @Test
    void openPdfRewritingAKysoSignedFileBreaksTheFirstSignature() {
        byte[] pdf = OpenPdfSigner.sign(signedOnePage(), SIGNER, SIGNED_AT, DETACHED.rewriting());

        VerificationReport report = verify(pdf);

        assertThat(report.allValid()).isFalse();
        assertThat(report.signatures()).anyMatch(s -> s.indication() == Indication.INVALID);
    }

    @Test
    void formFilledByOpenPdfAfterAKysoSignatureIsPermittedFormFilling() {
        byte[] signed = TestSigner.sign(TestDocuments.withTextField(), options());

        SignatureReport s = verify(OpenPdfSigner.fillField(signed, "amount", "9999")).signatures().get(0);

        assertThat(s.indication()).as(s.problems().toString()).isEqualTo(Indication.VALID);
        assertThat(s.changes().changeClass()).isEqualTo(ChangeClass.FORM_FILLING);
        assertThat(s.changes().permitted()).isTrue();
    }

    @Test
    void formFilledByOpenPdfAfterAKysoCertificationThatForbidsChangesIsDisallowed() {
        byte[] signed = TestSigner.sign(TestDocuments.withTextField(), options().certifying(1));

        SignatureReport s = verify(OpenPdfSigner.fillField(signed, "amount", "9999")).signatures().get(0);

        assertThat(s.modifications()).as(s.problems().toString()).isEqualTo(Modifications.DISALLOWED);
    }
}
