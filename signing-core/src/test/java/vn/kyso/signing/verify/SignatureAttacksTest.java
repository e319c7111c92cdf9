package vn.kyso.signing.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.kyso.signing.verify.VerifyFixture.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNull;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.optionalcontent.PDOptionalContentProperties;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.junit.jupiter.api.Test;

import vn.kyso.signing.Indication;
import vn.kyso.signing.Modifications;
import vn.kyso.signing.SignatureReport;
import vn.kyso.signing.SubIndication;
import vn.kyso.signing.VerificationReport;

/**
 * The attack classes on PDF signatures (Mladenov et al. 2019, "1 Trillion Dollar Refund"; Mainka
 * et al. 2021, shadow attacks), each built in code against a real test signature.
 */
class SignatureAttacksTest {

    // --- universal signature forgery: a signature dictionary that says nothing verifiable ---

    @Test
    void universalSignatureForgeryWithoutContentsOrByteRangeIsInvalid() {
        assertFormatFailure(forged(sig -> { }), "no /Contents");
    }

    @Test
    void universalSignatureForgeryWithEmptyContentsAndZeroByteRangeIsInvalid() {
        assertFormatFailure(forged(sig -> {
            sig.setItem(COSName.CONTENTS, new COSString(new byte[0]));
            sig.setItem(COSName.BYTERANGE, range(0, 0, 0, 0));
        }), "/Contents is empty");
    }

    @Test
    void universalSignatureForgeryWithNullByteRangeAndARealSignatureValueIsInvalid() {
        byte[] realCms = TestSigner.cms("anything".getBytes(StandardCharsets.US_ASCII), options());
        assertFormatFailure(forged(sig -> {
            sig.setItem(COSName.CONTENTS, new COSString(realCms));
            sig.setItem(COSName.BYTERANGE, COSNull.NULL);
        }), "no /ByteRange");
    }

    @Test
    void universalSignatureForgeryWithAMalformedByteRangeIsInvalid() {
        byte[] realCms = TestSigner.cms("anything".getBytes(StandardCharsets.US_ASCII), options());
        assertFormatFailure(forged(sig -> {
            sig.setItem(COSName.CONTENTS, new COSString(realCms));
            COSArray sixNumbers = range(0, 10, 20, 30);
            sixNumbers.add(COSInteger.get(40));
            sixNumbers.add(COSInteger.get(50));
            sig.setItem(COSName.BYTERANGE, sixNumbers);
        }), "not an array of four");
    }

    @Test
    void universalSignatureForgeryWithoutTheSignerCertificateIsNotValid() {
        SignatureReport s = verify(TestSigner.sign(ONE_PAGE, options().withoutCertificates())).signatures().get(0);

        assertThat(s.indication()).isEqualTo(Indication.INDETERMINATE);
        assertThat(s.subIndication()).isEqualTo(SubIndication.NO_SIGNING_CERTIFICATE_FOUND);
    }

    // --- incremental saving attack: content appended after the signature ---

    @Test
    void incrementalSavingAttackWithANewXrefIsDisallowed() {
        byte[] signed = signedOnePage();
        long pages = pagesObject(signed);
        long page = TestUpdates.pageObject(signed);
        byte[] attacked = TestUpdates.rawUpdate(signed, Map.of(
                pages, "<< /Type /Pages /Kids [" + page + " 0 R 9001 0 R] /Count 2 >>",
                9001L, "<< /Type /Page /Parent " + pages + " 0 R /MediaBox [0 0 595 842] /Contents 9002 0 R >>",
                9002L, TestUpdates.contentStream("Refund 1,000,000,000,000 USD")), -1);

        SignatureReport s = verify(attacked).signatures().get(0);

        assertDisallowed(s);
        assertThat(s.problems()).anyMatch(p -> p.contains("page tree"));
    }

    @Test
    void incrementalSavingAttackWithoutXrefIsDisallowed() {
        byte[] signed = signedOnePage();
        byte[] attacked = TestUpdates.appendWithoutXref(signed,
                Map.of(TestUpdates.pageContentObject(signed), TestUpdates.contentStream("Refund")));

        VerificationReport report = verify(attacked);

        assertDisallowed(report.signatures().get(0));
        assertThat(report.documentProblems()).anyMatch(p -> p.contains("after its last %%EOF"));
    }

    @Test
    void incrementalSavingAttackWithAManipulatedTrailerThatDropsTheSignatureIsCaught() {
        byte[] signed = signedOnePage();
        byte[] attacked = TestUpdates.rawUpdate(signed, Map.of(
                9000L, "<< /Type /Catalog /Pages 9003 0 R >>",
                9003L, "<< /Type /Pages /Kids [9001 0 R] /Count 1 >>",
                9001L, "<< /Type /Page /Parent 9003 0 R /MediaBox [0 0 595 842] /Contents 9002 0 R >>",
                9002L, TestUpdates.contentStream("Refund")), 9000);

        VerificationReport report = verify(attacked);

        assertThat(report.signatures()).hasSize(1);
        assertDisallowed(report.signatures().get(0));
        assertThat(report.signatures().get(0).problems()).anyMatch(p -> p.contains("removed this signature"));
        assertThat(report.allValid()).isFalse();
    }

    // --- signature wrapping: the signed bytes are relocated so the gap hides attacker content ---

    @Test
    void signatureWrappingWithAttackerContentAfterTheContentsIsInvalid() {
        byte[] signed = signedOnePage();
        long[] r = byteRange(signed);
        // a comment keeps the dictionary readable; the gap still starts with '<' and ends with '>'
        byte[] attacked = wrap(signed, (int) r[2], "%<</Wrapped true>>");

        assertFormatFailure(attacked, "holds something other than the /Contents hex digits");
    }

    @Test
    void signatureWrappingWithAttackerContentBeforeTheContentsIsInvalid() {
        byte[] signed = signedOnePage();
        long[] r = byteRange(signed);
        byte[] attacked = wrap(signed, (int) r[1], "%shadowed\n");

        assertFormatFailure(attacked, "not exactly the /Contents hex string");
    }

    @Test
    void signedRangeThatDoesNotEndAtARevisionEndIsInvalid() {
        byte[] signed = signedOnePage();
        long[] r = byteRange(signed);
        byte[] attacked = resign(signed.clone(), (int) r[1], (int) r[2], new long[] { 0, r[1], r[2], r[3] - 20 });

        assertFormatFailure(attacked, "does not end where a revision");
    }

    @Test
    void overwrittenSignatureDictionaryIsCaught() {
        byte[] signed = signedOnePage();
        long sigObject = signatureObject(signed);
        byte[] attacked = TestUpdates.rawUpdate(signed, Map.of(sigObject,
                "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /ByteRange [0 10 20 30] /Contents <3000> >>"),
                -1);

        VerificationReport report = verify(attacked);

        assertThat(report.allValid()).isFalse();
        assertThat(report.signatures()).allMatch(s -> s.indication() == Indication.INVALID);
    }

    // --- shadow attacks: prepared before signing, revealed or swapped in an update ---

    @Test
    void shadowHideAttackRevealingAHiddenAnnotationIsDisallowed() {
        byte[] signed = TestSigner.sign(TestDocuments.withHiddenOverlays(), options());
        byte[] attacked = update(signed, doc -> {
            PDAnnotation overlay = doc.getPage(0).getAnnotations().get(0);
            overlay.setHidden(false);
            overlay.setPrinted(true);
            overlay.getCOSObject().setNeedToBeUpdated(true);
        });

        SignatureReport s = verify(attacked).signatures().get(0);

        assertDisallowed(s);
        assertThat(s.problems()).anyMatch(p -> p.contains("annotation 1 (Square)"));
    }

    @Test
    void shadowHideAttackSwitchingOnAnOptionalContentGroupIsDisallowed() {
        byte[] signed = TestSigner.sign(TestDocuments.withHiddenOverlays(), options());
        byte[] attacked = update(signed, doc -> {
            PDOptionalContentProperties oc = doc.getDocumentCatalog().getOCProperties();
            oc.setGroupEnabled("overlay", true);
            oc.getCOSObject().setNeedToBeUpdated(true);
            doc.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
        });

        SignatureReport s = verify(attacked).signatures().get(0);

        assertDisallowed(s);
        assertThat(s.problems()).anyMatch(p -> p.contains("/OCProperties"));
    }

    @Test
    void shadowReplaceAttackSwappingAFontIsDisallowed() {
        byte[] signed = signedOnePage();
        byte[] attacked = update(signed, doc -> {
            PDResources resources = doc.getPage(0).getResources();
            for (COSName name : resources.getFontNames()) {
                resources.put(name, new PDType1Font(Standard14Fonts.FontName.COURIER));
            }
            doc.getPage(0).getCOSObject().setNeedToBeUpdated(true);
            resources.getCOSObject().setNeedToBeUpdated(true);
        });

        SignatureReport s = verify(attacked).signatures().get(0);

        assertDisallowed(s);
        assertThat(s.problems()).anyMatch(p -> p.contains("page 1: /Resources"));
    }

    @Test
    void shadowReplaceAttackSwappingTheFormsDefaultFontIsDisallowed() {
        byte[] signed = TestSigner.sign(TestDocuments.withTextField(), options());
        byte[] attacked = update(signed, doc -> {
            PDAcroForm form = doc.getDocumentCatalog().getAcroForm();
            PDResources dr = form.getDefaultResources();
            dr.put(COSName.getPDFName("Helv"), new PDType1Font(Standard14Fonts.FontName.COURIER));
            dr.getCOSObject().setNeedToBeUpdated(true);
            form.getCOSObject().setNeedToBeUpdated(true);
        });

        SignatureReport s = verify(attacked).signatures().get(0);

        assertDisallowed(s);
        assertThat(s.problems()).anyMatch(p -> p.contains("/DR"));
    }

    @Test
    void shadowReplaceAttackOnAFormFieldIsDisallowedWhenTheCertificationForbidsChanges() {
        byte[] attacked = TestUpdates.fillField(TestSigner.sign(TestDocuments.withTextField(), options().certifying(1)),
                "amount", "100000000");

        assertDisallowed(verify(attacked).signatures().get(0));
    }

    @Test
    void shadowReplaceAttackOnAFormFieldAfterAnApprovalSignatureIsPermittedFormFilling() {
        // Like pyHanko and Acrobat: an approval signature allows form filling; the report says ALLOWED
        // (not NONE), so a reader can tell the document changed after signing.
        byte[] attacked = TestUpdates.fillField(TestSigner.sign(TestDocuments.withTextField(), options()), "amount", "100000000");

        SignatureReport s = verify(attacked).signatures().get(0);

        assertThat(s.modifications()).isEqualTo(Modifications.ALLOWED);
        assertThat(s.coversWholeDocument()).isFalse();
    }

    @Test
    void shadowHideAndReplaceAttackPointingAnObjectNumberAtNewContentIsDisallowed() {
        byte[] signed = signedOnePage();
        byte[] attacked = TestUpdates.rawUpdate(signed,
                Map.of(TestUpdates.pageContentObject(signed), TestUpdates.contentStream("Refund")), -1);

        SignatureReport s = verify(attacked).signatures().get(0);

        assertDisallowed(s);
        assertThat(s.problems()).anyMatch(p -> p.contains("page 1: /Contents"));
    }

    @Test
    void anUnsignedSignatureFieldWhoseAppearanceOverlaysThePageIsDisallowed() {
        // the "sneaky signature" overlay: a signature widget that draws over the content but signs nothing
        byte[] signed = signedOnePage();
        byte[] attacked = update(signed, doc -> {
            PDAcroForm form = doc.getDocumentCatalog().getAcroForm();
            PDSignatureField field = new PDSignatureField(form);
            var widget = field.getWidgets().get(0);
            widget.setRectangle(new org.apache.pdfbox.pdmodel.common.PDRectangle(40, 690, 300, 40));
            widget.setPage(doc.getPage(0));
            var ap = new org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream(doc);
            ap.setBBox(new org.apache.pdfbox.pdmodel.common.PDRectangle(300, 40));
            var apd = new org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary();
            apd.setNormalAppearance(ap);
            widget.setAppearance(apd);
            doc.getPage(0).getAnnotations().add(widget);
            form.getFields().add(field);
            doc.getPage(0).getCOSObject().setNeedToBeUpdated(true);
            form.getCOSObject().setNeedToBeUpdated(true);
            doc.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
        });

        SignatureReport s = verify(attacked).signatures().get(0);

        assertDisallowed(s);
        assertThat(s.problems()).anyMatch(p -> p.contains("unsigned signature field with an appearance"));
    }

    // --- corpus widening (issue 12): the variants of each class not covered above ---

    @Test
    void universalSignatureForgeryWithNullContentsIsInvalid() {
        assertFormatFailure(forged(sig -> {
            sig.setItem(COSName.CONTENTS, COSNull.NULL);
            sig.setItem(COSName.BYTERANGE, range(0, 100, 200, 300));
        }));
    }

    @Test
    void universalSignatureForgeryWithZeroedContentsInARealLayoutIsInvalid() {
        byte[] signed = signedOnePage();
        long[] r = byteRange(signed);
        byte[] attacked = signed.clone();
        Arrays.fill(attacked, (int) r[1] + 1, (int) r[2] - 1, (byte) '0');

        assertFormatFailure(attacked);
    }

    @Test
    void universalSignatureForgeryWithZeroContentsBytesAndAWholeFileByteRangeIsInvalid() {
        assertFormatFailure(forged(sig -> {
            sig.setItem(COSName.CONTENTS, new COSString(new byte[256]));
            sig.setItem(COSName.BYTERANGE, range(0, 10, 20, 30));
        }));
    }

    @Test
    void incrementalSavingAttackWithAnEmptyUpdateIsNoLongerTheWholeFile() {
        byte[] attacked = TestUpdates.rawUpdate(signedOnePage(), Map.of(), -1);

        SignatureReport s = verify(attacked).signatures().get(0);

        assertThat(s.coversWholeDocument()).isFalse();
        assertThat(s.modifications()).isNotEqualTo(Modifications.NONE);
        assertThat(s.changes().changeClass()).isNotEqualTo(vn.kyso.signing.ChangeClass.NONE);
    }

    @Test
    void incrementalSavingAttackRedefiningTheSignedPageUnderItsOwnNumberIsDisallowed() {
        byte[] signed = signedOnePage();
        long page = TestUpdates.pageObject(signed);
        long pages = pagesObject(signed);
        byte[] attacked = TestUpdates.rawUpdate(signed, Map.of(
                page, "<< /Type /Page /Parent " + pages + " 0 R /MediaBox [0 0 595 842] /Contents 9002 0 R >>",
                9002L, TestUpdates.contentStream("Refund 1,000,000 USD")), -1);

        assertDisallowed(verify(attacked).signatures().get(0));
    }

    @Test
    void incrementalSavingAttackRedefiningTheCatalogUnderItsOwnNumberIsDisallowed() {
        byte[] signed = signedOnePage();
        long catalog = TestUpdates.catalogObject(signed);
        byte[] attacked = TestUpdates.rawUpdate(signed, Map.of(
                catalog, "<< /Type /Catalog /Pages 9003 0 R >>",
                9003L, "<< /Type /Pages /Kids [9001 0 R] /Count 1 >>",
                9001L, "<< /Type /Page /Parent 9003 0 R /MediaBox [0 0 595 842] /Contents 9002 0 R >>",
                9002L, TestUpdates.contentStream("Refund")), -1);

        VerificationReport report = verify(attacked);

        assertThat(report.signatures()).hasSize(1);
        assertDisallowed(report.signatures().get(0));
        assertThat(report.allValid()).isFalse();
    }

    @Test
    void incrementalSavingAttackRedefiningThePageTreeUnderItsOwnNumberIsDisallowed() {
        byte[] signed = signedOnePage();
        long pages = pagesObject(signed);
        byte[] attacked = TestUpdates.rawUpdate(signed, Map.of(
                pages, "<< /Type /Pages /Kids [9001 0 R] /Count 1 >>",
                9001L, "<< /Type /Page /Parent " + pages + " 0 R /MediaBox [0 0 595 842] /Contents 9002 0 R >>",
                9002L, TestUpdates.contentStream("Refund")), -1);

        assertDisallowed(verify(attacked).signatures().get(0));
    }

    @Test
    void anOrphanSignatureDictionaryCoveringTheWholeFileIsNotASignature() {
        byte[] signed = signedOnePage();
        String cms = HexFormat.of().formatHex(TestSigner.cms(signed, options()));
        String fake = "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /ByteRange [0 "
                + signed.length + " " + signed.length + " 0] /Contents <" + cms + "> >>";
        byte[] attacked = TestUpdates.rawUpdate(signed, Map.of(9001L, fake), -1);

        VerificationReport report = verify(attacked);

        assertThat(report.signatures()).singleElement().satisfies(s -> assertThat(s.coversWholeDocument()).isFalse());
    }

    @Test
    void aSecondFieldReplayingTheFirstSignaturesByteRangeAndCmsIsInvalid() {
        byte[] signed = signedOnePage();
        byte[] attacked = update(signed, doc -> {
            COSDictionary original = doc.getLastSignatureDictionary().getCOSObject();
            COSDictionary copy = new COSDictionary();
            copy.setItem(COSName.TYPE, COSName.SIG);
            copy.setItem(COSName.FILTER, original.getItem(COSName.FILTER));
            copy.setItem(COSName.SUB_FILTER, original.getItem(COSName.SUB_FILTER));
            copy.setItem(COSName.BYTERANGE, original.getItem(COSName.BYTERANGE));
            copy.setItem(COSName.CONTENTS, new COSString(((COSString) original.getDictionaryObject(COSName.CONTENTS)).getBytes()));
            PDAcroForm form = doc.getDocumentCatalog().getAcroForm();
            PDSignatureField field = new PDSignatureField(form);
            field.setPartialName("Replayed");
            field.getCOSObject().setItem(COSName.V, copy);
            field.getWidgets().get(0).setPage(doc.getPage(0));
            doc.getPage(0).getAnnotations().add(field.getWidgets().get(0));
            form.getFields().add(field);
            doc.getPage(0).getCOSObject().setNeedToBeUpdated(true);
            form.getCOSObject().setNeedToBeUpdated(true);
            doc.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
        });

        VerificationReport report = verify(attacked);

        assertThat(report.allValid()).isFalse();
        assertThat(report.signatures()).filteredOn(s -> s.field().equals("Replayed")).singleElement()
                .satisfies(s -> assertThat(s.indication()).isEqualTo(Indication.INVALID));
    }

    @Test
    void signedRangeThatDoesNotStartAtTheFileStartIsInvalid() {
        byte[] signed = signedOnePage();
        long[] r = byteRange(signed);
        byte[] attacked = resign(signed.clone(), (int) r[1], (int) r[2], new long[] { 9, r[1] - 9, r[2], r[3] });

        assertFormatFailure(attacked);
    }

    @Test
    void signatureWrappingWithAGapLargerThanTheContentsHidingGarbageIsInvalid() {
        byte[] signed = signedOnePage();
        long[] r = byteRange(signed);
        // the declared gap swallows the bytes after the hex string up to the end of the dictionary's next line
        byte[] attacked = resign(signed.clone(), (int) r[1], (int) r[2], new long[] { 0, r[1], r[2] + 12, r[3] - 12 });

        assertFormatFailure(attacked);
    }

    @Test
    void aDocumentTimestampWhoseTypeSaysSigIsStillJudgedAsATimestamp() {
        byte[] stamped = TestSigner.addDocumentTimestamp(signedOnePage(), TSA);
        byte[] lying = forgedType(stamped, "/Type /DocTimeStamp", "/Type /Sig");

        VerificationReport honest = verify(stamped);
        VerificationReport report = verify(lying);

        assertThat(report.signatures()).extracting(SignatureReport::field, SignatureReport::indication)
                .isEqualTo(honest.signatures().stream().map(s -> org.assertj.core.groups.Tuple.tuple(s.field(), s.indication()))
                        .toList());
        assertThat(report.signatures()).noneMatch(s -> s.signer() != null && s.signer().contains("TSA"));
    }

    @Test
    void aLyingCertEntryDoesNotNameTheSigner() throws Exception {
        byte[] signed = signedOnePage();
        String hex = HexFormat.of().formatHex(SECOND_SIGNER.certificate().getEncoded());
        byte[] attacked = update(signed, doc -> {
            COSDictionary sig = doc.getLastSignatureDictionary().getCOSObject();
            sig.setItem(COSName.getPDFName("Cert"), new COSString(HexFormat.of().parseHex(hex)));
            sig.setNeedToBeUpdated(true);
        });

        SignatureReport s = verify(attacked).signatures().get(0);

        assertThat(s.signer()).doesNotContain("Bình");
        assertThat(s.indication()).isEqualTo(Indication.INVALID);
    }

    @Test
    void formFillingThatAlsoMovesTheWidgetOverThePageIsDisallowed() {
        byte[] signed = TestSigner.sign(TestDocuments.withTextField(), options());
        byte[] attacked = update(signed, doc -> {
            var field = doc.getDocumentCatalog().getAcroForm().getField("amount");
            field.setValue("100000000");
            var widget = field.getWidgets().get(0);
            widget.setRectangle(new org.apache.pdfbox.pdmodel.common.PDRectangle(0, 0, 595, 842));
            field.getCOSObject().setNeedToBeUpdated(true);
            widget.getCOSObject().setNeedToBeUpdated(true);
        });

        assertDisallowed(verify(attacked).signatures().get(0));
    }

    @Test
    void formFillingThatAddsAScriptToTheFieldIsDisallowed() {
        byte[] signed = TestSigner.sign(TestDocuments.withTextField(), options());
        byte[] attacked = update(signed, doc -> {
            var field = doc.getDocumentCatalog().getAcroForm().getField("amount");
            field.setValue("100000000");
            COSDictionary js = new COSDictionary();
            js.setItem(COSName.S, COSName.getPDFName("JavaScript"));
            js.setString(COSName.JS, "this.getField('amount').value = '1';");
            COSDictionary aa = new COSDictionary();
            aa.setItem(COSName.getPDFName("K"), js);
            field.getCOSObject().setItem(COSName.AA, aa);
            field.getCOSObject().setNeedToBeUpdated(true);
        });

        assertDisallowed(verify(attacked).signatures().get(0));
    }

    @Test
    void anOpenActionAddedAfterSigningIsDisallowed() {
        byte[] attacked = update(signedOnePage(), doc -> {
            COSDictionary js = new COSDictionary();
            js.setItem(COSName.S, COSName.getPDFName("JavaScript"));
            js.setString(COSName.JS, "app.alert('signed and intact');");
            doc.getDocumentCatalog().getCOSObject().setItem(COSName.OPEN_ACTION, js);
            doc.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
        });

        assertDisallowed(verify(attacked).signatures().get(0));
    }

    @Test
    void incrementalSavingAttackHidingTheNewContentInAHybridXrefStreamIsDisallowed() {
        // a classic section that lists nothing and an /XRefStm that redefines page 1's content:
        // readers that ignore hybrid references see the signed page, PDF 1.5 readers the new one
        byte[] signed = signedOnePage();
        long content = TestUpdates.pageContentObject(signed);
        String text = new String(signed, StandardCharsets.ISO_8859_1);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("startxref\\s+(\\d+)").matcher(text);
        long prev = -1;
        while (m.find()) {
            prev = Long.parseLong(m.group(1));
        }
        long size = Math.max(content, 9000) + 1;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes(signed);
        out.writeBytes("\n".getBytes(StandardCharsets.ISO_8859_1));
        long objectAt = out.size();
        out.writeBytes((content + " 0 obj\n" + TestUpdates.contentStream("Refund 1,000,000 USD") + "\nendobj\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        long streamAt = out.size();
        byte[] entry = { 1, (byte) (objectAt >>> 24), (byte) (objectAt >>> 16), (byte) (objectAt >>> 8), (byte) objectAt, 0, 0 };
        out.writeBytes(("9000 0 obj\n<< /Type /XRef /Size " + size + " /W [1 4 2] /Index [" + content + " 1] /Length 7 >>\nstream\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(entry);
        out.writeBytes("\nendstream\nendobj\n".getBytes(StandardCharsets.ISO_8859_1));
        long xrefAt = out.size();
        out.writeBytes(("xref\n0 1\n0000000000 65535 f\r\ntrailer\n<< /Size " + size + " /Root " + TestUpdates.catalogObject(signed)
                + " 0 R /Prev " + prev + " /XRefStm " + streamAt + " >>\nstartxref\n" + xrefAt + "\n%%EOF\n")
                .getBytes(StandardCharsets.ISO_8859_1));

        byte[] attacked = out.toByteArray();
        try (PDDocument doc = Loader.loadPDF(attacked); var in = doc.getPage(0).getContents()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1)).as("PDFBox reads the hybrid entry")
                    .contains("Refund");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }

        VerificationReport report = verify(attacked);

        assertThat(report.signatures()).hasSize(1);
        assertDisallowed(report.signatures().get(0));
    }

    // --- helpers ---

    private static VerificationReport verify(byte[] pdf) {
        return verifier(revocation()).verify(pdf);
    }

    private static void assertFormatFailure(byte[] pdf) {
        assertFormatFailure(pdf, "");
    }

    private static void assertFormatFailure(byte[] pdf, String because) {
        VerificationReport report = verify(pdf);
        assertThat(report.signatures()).isNotEmpty();
        SignatureReport s = report.signatures().get(report.signatures().size() - 1);
        assertThat(s.problems()).anyMatch(p -> p.contains(because));
        assertThat(s.indication()).as(s.problems().toString()).isEqualTo(Indication.INVALID);
        assertThat(s.subIndication()).isEqualTo(SubIndication.FORMAT_FAILURE);
        assertThat(report.allValid()).isFalse();
    }

    private static void assertDisallowed(SignatureReport s) {
        assertThat(s.modifications()).as(s.problems().toString()).isEqualTo(Modifications.DISALLOWED);
        assertThat(s.indication()).isEqualTo(Indication.INVALID);
    }

    private static COSArray range(long... values) {
        COSArray a = new COSArray();
        for (long v : values) {
            a.add(COSInteger.get(v));
        }
        return a;
    }

    /** A document whose signature field's value is a hand-made signature dictionary. */
    private static byte[] forged(Consumer<COSDictionary> fill) {
        try (PDDocument doc = Loader.loadPDF(ONE_PAGE)) {
            PDAcroForm form = new PDAcroForm(doc);
            doc.getDocumentCatalog().setAcroForm(form);
            PDSignatureField field = new PDSignatureField(form);
            COSDictionary sig = new COSDictionary();
            sig.setItem(COSName.TYPE, COSName.SIG);
            sig.setItem(COSName.FILTER, COSName.getPDFName("Adobe.PPKLite"));
            sig.setItem(COSName.SUB_FILTER, COSName.getPDFName("ETSI.CAdES.detached"));
            fill.accept(sig);
            field.getCOSObject().setItem(COSName.V, sig);
            field.getWidgets().get(0).setPage(doc.getPage(0));
            doc.getPage(0).getAnnotations().add(field.getWidgets().get(0));
            form.getFields().add(field);
            return TestDocuments.save(doc);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Replaces {@code from} in the last signed dictionary with {@code to} (padded to the same length) and re-stamps the range. */
    private static byte[] forgedType(byte[] stamped, String from, String to) {
        long[] r = byteRange(stamped);
        byte[] n = stamped.clone();
        String text = new String(n, StandardCharsets.ISO_8859_1);
        int at = text.lastIndexOf(from, (int) r[1]);
        assertThat(at).isPositive();
        byte[] t = (to + " ".repeat(from.length() - to.length())).getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(t, 0, n, at, t.length);
        return resign(n, (int) r[1], (int) r[2], r, TSA::stamp);
    }

    private static byte[] update(byte[] pdf, TestUpdates.Edit change) {
        return TestUpdates.update(pdf, change);
    }

    private static long[] byteRange(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            int[] r = doc.getLastSignatureDictionary().getByteRange();
            return new long[] { r[0], r[1], r[2], r[3] };
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long signatureObject(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            var item = doc.getSignatureFields().get(0).getCOSObject().getItem(COSName.V);
            return ((org.apache.pdfbox.cos.COSObject) item).getObjectNumber();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long pagesObject(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            var item = doc.getDocumentCatalog().getCOSObject().getItem(COSName.PAGES);
            return ((org.apache.pdfbox.cos.COSObject) item).getObjectNumber();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Signature wrapping: inserts {@code inject} at {@code at} (in or next to the gap), declares
     * the second signed part where the original bytes moved to, and signs that declared range
     * with the genuine key, so only the structural rules can catch it.
     */
    private static byte[] wrap(byte[] signed, int at, String inject) {
        long[] r = byteRange(signed);
        byte[] extra = inject.getBytes(StandardCharsets.ISO_8859_1);
        byte[] n = new byte[signed.length + extra.length];
        System.arraycopy(signed, 0, n, 0, at);
        System.arraycopy(extra, 0, n, at, extra.length);
        System.arraycopy(signed, at, n, at + extra.length, signed.length - at);
        int hexStart = at <= r[1] ? (int) r[1] + extra.length : (int) r[1];
        int hexEnd = at <= r[1] ? (int) r[2] + extra.length : (int) r[2];
        return resign(n, hexStart, hexEnd, new long[] { 0, r[1], r[2] + extra.length, r[3] });
    }

    /** Rewrites /ByteRange to {@code range} and puts a genuine signature over it into the hex string at [hexStart, hexEnd). */
    private static byte[] resign(byte[] n, int hexStart, int hexEnd, long[] range) {
        return resign(n, hexStart, hexEnd, range, content -> TestSigner.cms(content, options()));
    }

    /** As above, with the signature value made by {@code signer} over the signed bytes. */
    private static byte[] resign(byte[] n, int hexStart, int hexEnd, long[] range,
            java.util.function.UnaryOperator<byte[]> signer) {
        String text = new String(n, StandardCharsets.ISO_8859_1);
        int open = text.lastIndexOf("/ByteRange [") + "/ByteRange ".length();
        int close = text.indexOf(']', open);
        int width = close - open + 1;
        while (close + 1 < n.length && n[close + 1] == ' ') {
            close++;
            width++;
        }
        String value = String.format("[%d %d %d %d]", range[0], range[1], range[2], range[3]);
        assertThat(value.length()).isLessThanOrEqualTo(width);
        byte[] padded = (value + " ".repeat(width - value.length())).getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(padded, 0, n, open, padded.length);
        byte[] content = new byte[(int) (range[1] + range[3])];
        System.arraycopy(n, (int) range[0], content, 0, (int) range[1]);
        System.arraycopy(n, (int) range[2], content, (int) range[1], (int) range[3]);
        byte[] hex = HexFormat.of().formatHex(signer.apply(content)).getBytes(StandardCharsets.ISO_8859_1);
        assertThat(hex.length).isLessThanOrEqualTo(hexEnd - hexStart - 2);
        Arrays.fill(n, hexStart + 1, hexEnd - 1, (byte) '0');
        System.arraycopy(hex, 0, n, hexStart + 1, hex.length);
        return n;
    }
}
