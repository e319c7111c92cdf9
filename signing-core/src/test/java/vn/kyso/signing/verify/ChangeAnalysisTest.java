package vn.kyso.signing.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.kyso.signing.verify.VerifyFixture.*;

import java.io.IOException;
import java.util.Calendar;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationText;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.junit.jupiter.api.Test;

import vn.kyso.signing.ChangeClass;
import vn.kyso.signing.ChangeKind;
import vn.kyso.signing.ChangeSummary;
import vn.kyso.signing.Indication;
import vn.kyso.signing.Modifications;
import vn.kyso.signing.SignatureReport;
import vn.kyso.signing.VerificationReport;

/**
 * The change policy rule by rule (docs/verification-changes.md): each test signs a document
 * made here, makes one kind of later revision as a signing tool or an attacker would, and
 * checks the change's kind, class and whether the signature before it permits it.
 */
class ChangeAnalysisTest {

    // --- none and long-term-validation updates: green ---

    @Test
    void aSignatureOverTheWholeFileHasNoChange() {
        SignatureReport s = first(signedOnePage());

        assertThat(s.changes()).isEqualTo(ChangeSummary.NO_CHANGE);
        assertThat(s.coversWholeDocument()).isTrue();
    }

    @Test
    void validationDataAddedIsALongTermValidationUpdate() {
        SignatureReport s = first(signedWithDss(signedOnePage()));

        assertRoutine(s, ChangeKind.VALIDATION_DATA_ADDED);
        assertThat(s.changes().pageCheck()).isEqualTo(ChangeSummary.PageCheck.NOT_RUN);
        assertThat(s.coversWholeDocument()).isFalse();
    }

    @Test
    void aDocumentTimestampIsALongTermValidationUpdate() {
        assertRoutine(first(TestSigner.addDocumentTimestamp(signedOnePage(), TSA)), ChangeKind.DOCUMENT_TIMESTAMP_ADDED);
    }

    @Test
    void aPdf20VersionAndExtensionsDeclaredByALaterSignerAreRoutine() {
        byte[] updated = TestUpdates.update(signedOnePage(), doc -> {
            COSDictionary catalog = doc.getDocumentCatalog().getCOSObject();
            catalog.setName(COSName.VERSION, "2.0");
            COSDictionary adbe = new COSDictionary();
            adbe.setName(COSName.getPDFName("BaseVersion"), "1.7");
            adbe.setInt(COSName.getPDFName("ExtensionLevel"), 8);
            COSDictionary extensions = new COSDictionary();
            extensions.setItem(COSName.getPDFName("ADBE"), adbe);
            catalog.setItem(COSName.getPDFName("Extensions"), extensions);
            catalog.setNeedToBeUpdated(true);
        });

        assertRoutine(first(updated), ChangeKind.VERSION_UPGRADED);
    }

    @Test
    void xmpMetadataUpdatedIsRoutine() {
        byte[] updated = TestUpdates.update(signedOnePage(), doc -> {
            PDStream xmp = new PDStream(doc);
            try (var out = xmp.createOutputStream()) {
                out.write("<x:xmpmeta xmlns:x='adobe:ns:meta/'/>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            doc.getDocumentCatalog().setMetadata(new org.apache.pdfbox.pdmodel.common.PDMetadata(xmp.getCOSObject()));
            doc.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
        });

        assertRoutine(first(updated), ChangeKind.METADATA_UPDATED);
    }

    @Test
    void theInfoModificationDateAndProducerAreRoutine() {
        byte[] updated = TestUpdates.update(signedOnePage(), doc -> {
            doc.getDocumentInformation().setProducer("Adobe Acrobat Pro 2024");
            doc.getDocumentInformation().setModificationDate(Calendar.getInstance());
            doc.getDocumentInformation().getCOSObject().setNeedToBeUpdated(true);
            doc.getDocument().getTrailer().setNeedToBeUpdated(true);
        });

        assertRoutine(first(updated), ChangeKind.METADATA_UPDATED);
    }

    @Test
    void aFontAddedToTheFormsDefaultResourcesIsRoutine() {
        byte[] updated = TestUpdates.update(TestSigner.sign(TestDocuments.withTextField(), options()), doc -> {
            PDAcroForm form = doc.getDocumentCatalog().getAcroForm();
            form.getDefaultResources().put(COSName.getPDFName("ZaDb"), new PDType1Font(Standard14Fonts.FontName.ZAPF_DINGBATS));
            form.getDefaultResources().getCOSObject().setNeedToBeUpdated(true);
            form.getCOSObject().setNeedToBeUpdated(true);
        });

        assertRoutine(first(updated), ChangeKind.FORM_RESOURCES_ADDED);
    }

    @Test
    void sigFlagsSetOnTheFormAreRoutine() {
        byte[] updated = TestUpdates.update(TestSigner.sign(TestDocuments.withTextField(), options()), doc -> {
            PDAcroForm form = doc.getDocumentCatalog().getAcroForm();
            form.getCOSObject().setInt(COSName.SIG_FLAGS, 1);
            form.getCOSObject().setNeedToBeUpdated(true);
        });

        assertRoutine(first(updated), ChangeKind.FORM_FLAGS_SET);
    }

    @Test
    void structureTreeEntriesForANewFieldAreRoutine() {
        byte[] updated = TestUpdates.update(TestSigner.sign(tagged(), options()), doc -> {
            COSDictionary root = doc.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.STRUCT_TREE_ROOT);
            COSDictionary form = structElement(root, "Form", doc);
            root.getCOSArray(COSName.K).add(form);
            COSArray nums = root.getCOSDictionary(COSName.PARENT_TREE).getCOSArray(COSName.NUMS);
            nums.add(COSInteger.get(1));
            nums.add(form);
            root.setInt(COSName.PARENT_TREE_NEXT_KEY, 2);
            root.setNeedToBeUpdated(true);
            root.getCOSArray(COSName.K).setNeedToBeUpdated(true);
            root.getCOSDictionary(COSName.PARENT_TREE).setNeedToBeUpdated(true);
            doc.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
        });

        assertRoutine(first(updated), ChangeKind.STRUCTURE_EXTENDED);
    }

    @Test
    void aStructureTreeThatLosesSignedEntriesIsOther() {
        byte[] updated = TestUpdates.update(TestSigner.sign(tagged(), options()), doc -> {
            COSDictionary root = doc.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.STRUCT_TREE_ROOT);
            root.setItem(COSName.K, new COSArray());
            root.setNeedToBeUpdated(true);
            doc.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
        });

        assertDisallowed(first(updated), ChangeKind.CATALOG_CHANGED);
    }

    @Test
    void theNextSignerLockingAnEarlierSignatureWidgetIsRoutine() {
        byte[] updated = TestUpdates.update(signedOnePage(), doc -> {
            PDSignatureField field = doc.getSignatureFields().get(0);
            var widget = field.getWidgets().get(0);
            widget.setLocked(true);
            field.getCOSObject().setInt(COSName.FF, 1);
            widget.getCOSObject().setNeedToBeUpdated(true);
            field.getCOSObject().setNeedToBeUpdated(true);
        });

        assertRoutine(first(updated), ChangeKind.FIELD_LOCKED);
    }

    @Test
    void permissionsUpdatedAreRoutine() {
        byte[] updated = TestUpdates.update(signedOnePage(), doc -> {
            COSDictionary perms = new COSDictionary();
            perms.setItem(COSName.getPDFName("UR3"), new COSDictionary());
            doc.getDocumentCatalog().getCOSObject().setItem(COSName.PERMS, perms);
            doc.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
        });

        assertRoutine(first(updated), ChangeKind.PERMISSIONS_UPDATED);
    }

    // --- form filling and signing: amber when permitted ---

    @Test
    void aSecondSignatureIsPermittedFormFillingAndThePagesLookTheSame() {
        byte[] twice = TestSigner.sign(signedOnePage(), options().withCredential(SECOND_SIGNER));

        VerificationReport report = verify(twice);

        SignatureReport s = report.signatures().get(0);
        assertThat(s.indication()).as(s.problems().toString()).isEqualTo(Indication.VALID);
        assertThat(s.changes().changeClass()).isEqualTo(ChangeClass.FORM_FILLING);
        assertThat(s.changes().permitted()).isTrue();
        assertThat(kinds(s)).contains(ChangeKind.SIGNATURE_ADDED);
        assertThat(s.changes().pageCheck()).isEqualTo(ChangeSummary.PageCheck.SAME);
        assertThat(report.signatures().get(1).changes()).isEqualTo(ChangeSummary.NO_CHANGE);
    }

    @Test
    void aNewSignatureFieldUnderAnExistingFieldsKidsIsPermitted() {
        byte[] updated = TestUpdates.update(TestSigner.sign(withFieldGroup(), options()), doc -> {
            COSDictionary group = doc.getDocumentCatalog().getAcroForm().getField("approvals").getCOSObject();
            COSDictionary kid = signatureKid(group, "second", doc);
            group.getCOSArray(COSName.KIDS).add(kid);
            doc.getPage(0).getAnnotations().add(new org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget(kid));
            group.getCOSArray(COSName.KIDS).setNeedToBeUpdated(true);
            group.setNeedToBeUpdated(true);
            doc.getPage(0).getCOSObject().setNeedToBeUpdated(true);
        });

        SignatureReport s = first(updated);

        assertThat(s.indication()).as(s.problems().toString()).isEqualTo(Indication.VALID);
        // PDFBox's form fix-up also adds /DA and /DR, as signing tools do
        assertThat(kinds(s)).contains(ChangeKind.EMPTY_SIGNATURE_FIELD_ADDED).doesNotContain(ChangeKind.FIELD_CHANGED,
                ChangeKind.FIELD_ADDED_OR_REMOVED);
        assertThat(s.changes().changeClass()).isEqualTo(ChangeClass.FORM_FILLING);
        assertThat(s.changes().permitted()).isTrue();
    }

    @Test
    void formFillingAfterAnApprovalSignatureIsPermittedAndThePageLooksDifferent() {
        byte[] filled = TestUpdates.fillField(TestSigner.sign(TestDocuments.withTextField(), options()), "amount", "900");

        SignatureReport s = first(filled);

        assertThat(s.indication()).as(s.problems().toString()).isEqualTo(Indication.VALID);
        assertThat(s.changes().changeClass()).isEqualTo(ChangeClass.FORM_FILLING);
        assertThat(s.changes().permitted()).isTrue();
        assertThat(kinds(s)).contains(ChangeKind.FIELD_FILLED).doesNotContain(ChangeKind.PAGE_LOOKS_DIFFERENT);
        assertThat(s.changes().pageCheck()).isEqualTo(ChangeSummary.PageCheck.DIFFERENT);
        assertThat(s.changes().pagesThatDiffer()).containsExactly(1);
    }

    @Test
    void formFillingUnderACertificationWithP1IsNotPermitted() {
        byte[] filled = TestUpdates.fillField(TestSigner.sign(TestDocuments.withTextField(), options().certifying(1)),
                "amount", "900");

        assertDisallowed(first(filled), ChangeKind.FIELD_FILLED);
    }

    @Test
    void aFieldLockedByFieldMdpCannotBeFilled() {
        byte[] filled = TestUpdates.fillField(signLocking(TestDocuments.withTextField(), "amount"), "amount", "900");

        assertDisallowed(first(filled), ChangeKind.LOCKED_FIELD_CHANGED);
    }

    // --- annotations: permitted by P=3 only ---

    @Test
    void aCommentAfterAnApprovalSignatureIsNotPermitted() {
        assertDisallowed(first(withComment(signedOnePage())), ChangeKind.ANNOTATION_ADDED);
    }

    @Test
    void aCommentUnderACertificationWithP3IsPermitted() {
        SignatureReport s = first(withComment(TestSigner.sign(ONE_PAGE, options().certifying(3))));

        assertThat(s.indication()).as(s.problems().toString()).isEqualTo(Indication.VALID);
        assertThat(s.changes().changeClass()).isEqualTo(ChangeClass.ANNOTATIONS);
        assertThat(s.changes().permitted()).isTrue();
        assertThat(s.changes().pagesThatDiffer()).containsExactly(1);
    }

    // --- other: never permitted ---

    @Test
    void pageContentReplacedIsOther() {
        assertDisallowed(first(TestUpdates.replacePageContent(signedOnePage(), "Refund")), ChangeKind.PAGE_CHANGED);
    }

    @Test
    void theInfoTitleChangedIsOther() {
        byte[] updated = TestUpdates.update(signedOnePage(), doc -> {
            doc.getDocumentInformation().setTitle("Quyet dinh huy bo");
            doc.getDocumentInformation().getCOSObject().setNeedToBeUpdated(true);
            doc.getDocument().getTrailer().setNeedToBeUpdated(true);
        });

        assertDisallowed(first(updated), ChangeKind.INFO_CHANGED);
    }

    @Test
    void numbersAreComparedExactlyNotAsFloats() throws IOException {
        // 595.00001 and 595 are the same float
        byte[] updated = TestUpdates.update(signedOnePage(), doc -> {
            COSArray box = new COSArray();
            for (String v : new String[] { "0", "0", "595.00001", "841.89" }) {
                box.add(new COSFloat(v));
            }
            doc.getPage(0).getCOSObject().setItem(COSName.MEDIA_BOX, box);
            doc.getPage(0).getCOSObject().setNeedToBeUpdated(true);
        });

        assertDisallowed(first(updated), ChangeKind.PAGE_CHANGED);
        assertThat(ObjectGraph.sameNumber(new COSFloat("595.00001"), new COSFloat("595"))).isFalse();
        assertThat(ObjectGraph.sameNumber(COSInteger.get(16_777_217), COSInteger.get(16_777_216))).isFalse();
        assertThat(ObjectGraph.sameNumber(new COSFloat("2.50"), new COSFloat("2.5"))).isTrue();
    }

    @Test
    void anAppearanceAddedToAnEmptySignatureFieldThatNobodySignsIsNotPermittedUnderP1() {
        byte[] signed = TestSigner.sign(withEmptySignatureField(), options().certifying(1));
        byte[] updated = TestUpdates.update(signed, doc -> {
            var widget = doc.getDocumentCatalog().getAcroForm().getField("approval").getWidgets().get(0);
            widget.setAppearance(overlay(doc));
            widget.getCOSObject().setNeedToBeUpdated(true);
        });

        assertDisallowed(first(updated), ChangeKind.UNSIGNED_APPEARANCE);
    }

    @Test
    void anAppearanceAddedToAnEmptySignatureFieldThatNobodySignsIsNotPermittedWithoutCertification() {
        byte[] updated = TestUpdates.update(TestSigner.sign(withEmptySignatureField(), options()), doc -> {
            var widget = doc.getDocumentCatalog().getAcroForm().getField("approval").getWidgets().get(0);
            widget.setAppearance(overlay(doc));
            widget.getCOSObject().setNeedToBeUpdated(true);
        });

        assertDisallowed(first(updated), ChangeKind.UNSIGNED_APPEARANCE);
    }

    @Test
    void aNewSignatureWidgetWhoseValueIsNotASignatureDictionaryAndDrawsIsNotPermitted() {
        byte[] updated = TestUpdates.update(signedOnePage(), doc -> {
            PDAcroForm form = doc.getDocumentCatalog().getAcroForm();
            PDSignatureField field = new PDSignatureField(form);
            field.getCOSObject().setItem(COSName.V, new COSString("signed"));
            var widget = field.getWidgets().get(0);
            widget.setRectangle(new PDRectangle(40, 690, 300, 40));
            widget.setPage(doc.getPage(0));
            widget.setAppearance(overlay(doc));
            doc.getPage(0).getAnnotations().add(widget);
            form.getFields().add(field);
            doc.getPage(0).getCOSObject().setNeedToBeUpdated(true);
            form.getCOSObject().setNeedToBeUpdated(true);
        });

        VerificationReport report = verify(updated);

        assertThat(report.signatures()).hasSize(1);
        assertDisallowed(report.signatures().get(0), ChangeKind.UNSIGNED_APPEARANCE);
    }

    @Test
    void twoFieldsPointingAtTheSameSignatureDictionaryAreNotTwoValidSignatures() {
        byte[] updated = TestUpdates.update(signedOnePage(), doc -> {
            PDAcroForm form = doc.getDocumentCatalog().getAcroForm();
            PDSignatureField field = new PDSignatureField(form);
            field.setPartialName("copy");
            field.getCOSObject().setItem(COSName.V, doc.getSignatureFields().get(0).getCOSObject().getItem(COSName.V));
            field.getWidgets().get(0).setPage(doc.getPage(0));
            doc.getPage(0).getAnnotations().add(field.getWidgets().get(0));
            form.getFields().add(field);
            doc.getPage(0).getCOSObject().setNeedToBeUpdated(true);
            form.getCOSObject().setNeedToBeUpdated(true);
        });

        VerificationReport report = verify(updated);

        assertThat(report.signatures()).hasSize(2);
        assertThat(report.signatures()).filteredOn(s -> s.indication() == Indication.VALID).isEmpty();
        assertThat(kinds(report.signatures().get(0))).contains(ChangeKind.SIGNATURE_REUSED);
        assertThat(report.signatures().get(1).problems()).anyMatch(p -> p.contains("same signature"));
        assertThat(report.allValid()).isFalse();
    }

    @Test
    void shadowHideViaAReferencedObjectRedirectingAnXrefEntryIsOther() {
        // the update adds no content: it points the page content's object number at another object's bytes
        byte[] signed = TestSigner.sign(withHiddenContent(), options());
        long content = TestUpdates.pageContentObject(signed);
        long hidden = hiddenObject(signed);
        byte[] attacked = redirect(signed, content, hidden);

        assertDisallowed(first(attacked), ChangeKind.OBJECT_REDIRECTED);
    }

    @Test
    void shadowHideAFormViaAFormChangingOnlyTheAppearanceIsOther() {
        byte[] signed = TestSigner.sign(TestDocuments.withTextField(), options());
        byte[] attacked = TestUpdates.update(signed, doc -> {
            var widget = doc.getDocumentCatalog().getAcroForm().getField("amount").getWidgets().get(0);
            widget.setAppearance(overlay(doc));
            widget.getCOSObject().setNeedToBeUpdated(true);
        });

        assertDisallowed(first(attacked), ChangeKind.APPEARANCE_WITHOUT_VALUE);
    }

    @Test
    void shadowHideAndReplaceByChangingObjectUsageIsOther() {
        // filling the field is permitted, but its new appearance draws content prepared (unused) before signing
        byte[] signed = TestSigner.sign(withHiddenContent(), options());
        long hidden = hiddenObject(signed);
        byte[] attacked = TestUpdates.update(signed, doc -> {
            var field = doc.getDocumentCatalog().getAcroForm().getField("amount");
            field.setValue("100");
            field.getCOSObject().setItem(COSName.V, new COSString("999"));
            var widget = field.getWidgets().get(0);
            PDAppearanceStream ap = new PDAppearanceStream(doc);
            ap.setBBox(new PDRectangle(200, 20));
            PDResources resources = new PDResources();
            resources.getCOSObject().setItem(COSName.XOBJECT, xobjects(doc, hidden));
            ap.setResources(resources);
            try (var out = ap.getContentStream().createOutputStream()) {
                out.write("/Hidden Do".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
            PDAppearanceDictionary apd = new PDAppearanceDictionary();
            apd.setNormalAppearance(ap);
            widget.setAppearance(apd);
            widget.getCOSObject().setNeedToBeUpdated(true);
            field.getCOSObject().setNeedToBeUpdated(true);
        });

        assertDisallowed(first(attacked), ChangeKind.OBJECT_REUSED);
    }

    // --- the second opinion from the pages ---

    @Test
    void aPageThatLooksDifferentWithOnlyNewSignaturesFoundIsNotPermitted() throws IOException {
        try (PDDocument signed = org.apache.pdfbox.Loader.loadPDF(TestDocuments.onePage("Pay 100"));
                PDDocument current = org.apache.pdfbox.Loader.loadPDF(TestDocuments.onePage("Pay 999"))) {
            ChangeSummary summary = ChangeSummary.of(List.of(new vn.kyso.signing.Change(ChangeKind.SIGNATURE_ADDED, true,
                    null, "Signature2", "a signature was added")));

            ChangeSummary judged = new PageComparison(current, PageComparisonLimits.DEFAULT).compare(signed, 0, summary);

            assertThat(judged.pageCheck()).isEqualTo(ChangeSummary.PageCheck.DIFFERENT);
            assertThat(judged.pagesThatDiffer()).containsExactly(1);
            assertThat(judged.changes()).anyMatch(c -> c.kind() == ChangeKind.PAGE_LOOKS_DIFFERENT && !c.permitted());
            assertThat(judged.modifications()).isEqualTo(Modifications.DISALLOWED);
        }
    }

    @Test
    void thePageComparisonStopsAtItsLimits() throws IOException {
        try (PDDocument signed = org.apache.pdfbox.Loader.loadPDF(TestDocuments.onePage("Pay 100"));
                PDDocument current = org.apache.pdfbox.Loader.loadPDF(TestDocuments.onePage("Pay 999"))) {
            ChangeSummary summary = ChangeSummary.of(List.of(new vn.kyso.signing.Change(ChangeKind.FIELD_FILLED, true, 1,
                    "amount", "filled")));

            ChangeSummary noTime = new PageComparison(current, new PageComparisonLimits(10, 50, java.time.Duration.ZERO))
                    .compare(signed, 0, summary);
            ChangeSummary off = new PageComparison(current, new PageComparisonLimits(0, 50, java.time.Duration.ofSeconds(5)))
                    .compare(signed, 0, summary);

            assertThat(noTime.pageCheck()).isEqualTo(ChangeSummary.PageCheck.INCOMPLETE);
            assertThat(off.pageCheck()).isEqualTo(ChangeSummary.PageCheck.NOT_RUN);
        }
    }

    // --- helpers ---

    private static VerificationReport verify(byte[] pdf) {
        return verifier(revocation()).verify(pdf);
    }

    private static SignatureReport first(byte[] pdf) {
        return verify(pdf).signatures().get(0);
    }

    private static List<ChangeKind> kinds(SignatureReport s) {
        return s.changes().changes().stream().map(vn.kyso.signing.Change::kind).toList();
    }

    private static void assertRoutine(SignatureReport s, ChangeKind kind) {
        assertThat(kinds(s)).as(s.problems().toString()).contains(kind);
        assertThat(s.changes().changeClass()).as(kinds(s).toString()).isEqualTo(ChangeClass.LTV_UPDATES);
        assertThat(s.changes().permitted()).isTrue();
        assertThat(s.modifications()).isEqualTo(Modifications.ALLOWED);
        assertThat(s.indication()).as(s.problems().toString()).isEqualTo(Indication.VALID);
    }

    private static void assertDisallowed(SignatureReport s, ChangeKind kind) {
        assertThat(kinds(s)).as(s.problems().toString()).contains(kind);
        assertThat(s.changes().changes()).anyMatch(c -> c.kind() == kind && !c.permitted());
        assertThat(s.changes().permitted()).isFalse();
        assertThat(s.modifications()).isEqualTo(Modifications.DISALLOWED);
        assertThat(s.indication()).isEqualTo(Indication.INVALID);
    }

    private static byte[] withComment(byte[] signed) {
        return TestUpdates.update(signed, doc -> {
            PDAnnotationText note = new PDAnnotationText();
            note.setRectangle(new PDRectangle(50, 500, 200, 100));
            note.setContents("OK");
            note.setAppearance(overlay(doc));
            doc.getPage(0).getAnnotations().add(note);
            doc.getPage(0).getCOSObject().setNeedToBeUpdated(true);
        });
    }

    /** A black box: an appearance that visibly draws. */
    private static PDAppearanceDictionary overlay(PDDocument doc) throws IOException {
        PDAppearanceStream ap = new PDAppearanceStream(doc);
        ap.setBBox(new PDRectangle(300, 40));
        ap.setResources(new PDResources());
        try (PDPageContentStream cs = new PDPageContentStream(doc, ap)) {
            cs.addRect(0, 0, 300, 40);
            cs.fill();
        }
        PDAppearanceDictionary apd = new PDAppearanceDictionary();
        apd.setNormalAppearance(ap);
        return apd;
    }

    /** One page with an empty signature field "approval" (a widget with a place, nothing drawn). */
    private static byte[] withEmptySignatureField() {
        try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(ONE_PAGE)) {
            PDAcroForm form = new PDAcroForm(doc);
            doc.getDocumentCatalog().setAcroForm(form);
            PDSignatureField field = new PDSignatureField(form);
            field.setPartialName("approval");
            field.getWidgets().get(0).setRectangle(new PDRectangle(40, 690, 300, 40));
            field.getWidgets().get(0).setPage(doc.getPage(0));
            doc.getPage(0).getAnnotations().add(field.getWidgets().get(0));
            form.getFields().add(field);
            return TestDocuments.save(doc);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One page with a non-terminal field "approvals" whose kid is an empty signature field "first". */
    private static byte[] withFieldGroup() {
        try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(ONE_PAGE)) {
            PDAcroForm form = new PDAcroForm(doc);
            doc.getDocumentCatalog().setAcroForm(form);
            COSDictionary group = new COSDictionary();
            group.setString(COSName.T, "approvals");
            COSArray kids = new COSArray();
            COSDictionary kid = signatureKid(group, "first", doc);
            kids.add(kid);
            group.setItem(COSName.KIDS, kids);
            form.getCOSObject().setItem(COSName.FIELDS, TestDocuments.array(group));
            doc.getPage(0).getAnnotations().add(new org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget(kid));
            return TestDocuments.save(doc);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static COSDictionary signatureKid(COSDictionary parent, String name, PDDocument doc) {
        COSDictionary kid = new COSDictionary();
        kid.setItem(COSName.FT, COSName.SIG);
        kid.setString(COSName.T, name);
        kid.setItem(COSName.PARENT, parent);
        kid.setItem(COSName.TYPE, COSName.ANNOT);
        kid.setItem(COSName.SUBTYPE, COSName.WIDGET);
        kid.setItem(COSName.RECT, new PDRectangle(0, 0, 0, 0).getCOSArray());
        kid.setItem(COSName.P, doc.getPage(0).getCOSObject());
        return kid;
    }

    /** One page tagged (a /StructTreeRoot with one paragraph and its parent tree). */
    private static byte[] tagged() {
        try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(ONE_PAGE)) {
            COSDictionary root = new COSDictionary();
            root.setItem(COSName.TYPE, COSName.STRUCT_TREE_ROOT);
            COSDictionary paragraph = structElement(root, "P", doc);
            root.setItem(COSName.K, TestDocuments.array(paragraph));
            COSDictionary parentTree = new COSDictionary();
            COSArray nums = new COSArray();
            nums.add(COSInteger.get(0));
            nums.add(paragraph);
            parentTree.setItem(COSName.NUMS, nums);
            root.setItem(COSName.PARENT_TREE, parentTree);
            root.setInt(COSName.PARENT_TREE_NEXT_KEY, 1);
            doc.getDocumentCatalog().getCOSObject().setItem(COSName.STRUCT_TREE_ROOT, root);
            return TestDocuments.save(doc);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static COSDictionary structElement(COSDictionary parent, String type, PDDocument doc) {
        COSDictionary e = new COSDictionary();
        e.setItem(COSName.TYPE, COSName.getPDFName("StructElem"));
        e.setName(COSName.S, type);
        e.setItem(COSName.P, parent);
        e.setItem(COSName.PG, doc.getPage(0).getCOSObject());
        return e;
    }

    /**
     * The text-field document with, in the catalog's /Hidden entry (read by nobody), a form
     * XObject that says something else: prepared before signing for a later update to show.
     */
    private static byte[] withHiddenContent() {
        try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(TestDocuments.withTextField())) {
            PDAppearanceStream hidden = new PDAppearanceStream(doc);
            hidden.setBBox(new PDRectangle(595, 842));
            hidden.setResources(new PDResources());
            try (PDPageContentStream cs = new PDPageContentStream(doc, hidden)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
                cs.newLineAtOffset(50, 700);
                cs.showText("Pay 1,000,000,000 VND");
                cs.endText();
            }
            doc.getDocumentCatalog().getCOSObject().setItem(COSName.getPDFName("PieceInfo"), hidden.getCOSObject());
            return TestDocuments.save(doc);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long hiddenObject(byte[] pdf) {
        return TestUpdates.reference(pdf, doc -> doc.getDocumentCatalog().getCOSObject().getItem(COSName.getPDFName("PieceInfo")));
    }

    private static COSDictionary xobjects(PDDocument doc, long number) throws IOException {
        COSDictionary xobjects = new COSDictionary();
        xobjects.setItem(COSName.getPDFName("Hidden"),
                doc.getDocument().getObjectFromPool(new org.apache.pdfbox.cos.COSObjectKey(number, 0)));
        return xobjects;
    }

    /** An update whose only xref entry points object {@code number} at the offset where object {@code target} starts. */
    private static byte[] redirect(byte[] pdf, long number, long target) {
        String text = new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1);
        int offset = text.lastIndexOf("\n" + target + " 0 obj") + 1;
        byte[] withObject = TestUpdates.rawUpdate(pdf, Map.of(), -1);
        String updated = new String(withObject, java.nio.charset.StandardCharsets.ISO_8859_1)
                .replaceFirst("xref\n0 1\n0000000000 65535 f\r\n(trailer)",
                        java.util.regex.Matcher.quoteReplacement("xref\n0 1\n0000000000 65535 f\r\n" + number + " 1\n"
                                + String.format("%010d 00000 n\r\n", offset)) + "$1");
        // the trailer's startxref still points at the xref keyword: the entry only added lines after it
        return updated.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** Signs with a FieldMDP lock (Include) on {@code field}, as a signer who fixes a value does. */
    private static byte[] signLocking(byte[] pdf, String field) {
        return TestSigner.sign(pdf, options().locking(field));
    }
}
