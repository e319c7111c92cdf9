package vn.kyso.signing.verify;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.optionalcontent.PDOptionalContentGroup;
import org.apache.pdfbox.pdmodel.graphics.optionalcontent.PDOptionalContentProperties;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationSquare;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;

/** Unsigned PDFs built in code for the verification tests (classic xref, no object streams). */
final class TestDocuments {

    private TestDocuments() {
    }

    /** One A4 page saying {@code text}. */
    static byte[] onePage(String text) {
        try (PDDocument doc = new PDDocument()) {
            addTextPage(doc, text);
            return save(doc);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One page with a text field "amount" (value "100") for form-filling tests. */
    static byte[] withTextField() {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = addTextPage(doc, "Payment order");
            PDAcroForm form = new PDAcroForm(doc);
            doc.getDocumentCatalog().setAcroForm(form);
            PDResources dr = new PDResources();
            dr.put(COSName.getPDFName("Helv"), new PDType1Font(Standard14Fonts.FontName.HELVETICA));
            form.setDefaultResources(dr);
            form.setDefaultAppearance("/Helv 12 Tf 0 g");
            PDTextField field = new PDTextField(form);
            field.setPartialName("amount");
            field.getWidgets().get(0).setRectangle(new PDRectangle(50, 600, 200, 20));
            field.getWidgets().get(0).setPage(page);
            page.getAnnotations().add(field.getWidgets().get(0));
            form.getFields().add(field);
            field.setValue("100");
            return save(doc);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Shadow-attack preparation: a page with an opaque square annotation that is hidden, and
     * an optional-content group that is off, both ready for a later update to reveal.
     */
    static byte[] withHiddenOverlays() {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = addTextPage(doc, "Pay 100 VND");
            PDAnnotationSquare square = new PDAnnotationSquare();
            square.setRectangle(new PDRectangle(40, 690, 300, 40));
            square.setHidden(true);
            PDAppearanceStream ap = new PDAppearanceStream(doc);
            ap.setBBox(new PDRectangle(300, 40));
            ap.setResources(new PDResources());
            try (PDPageContentStream cs = new PDPageContentStream(doc, ap)) {
                cs.setNonStrokingColor(1f, 1f, 1f);
                cs.addRect(0, 0, 300, 40);
                cs.fill();
                cs.beginText();
                cs.setNonStrokingColor(0f, 0f, 0f);
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
                cs.newLineAtOffset(10, 15);
                cs.showText("Pay 100,000,000 VND");
                cs.endText();
            }
            PDAppearanceDictionary apd = new PDAppearanceDictionary();
            apd.setNormalAppearance(ap);
            square.setAppearance(apd);
            page.getAnnotations().add(square);

            PDOptionalContentProperties ocProperties = new PDOptionalContentProperties();
            PDOptionalContentGroup group = new PDOptionalContentGroup("overlay");
            ocProperties.addGroup(group);
            ocProperties.setGroupEnabled(group, false);
            doc.getDocumentCatalog().setOCProperties(ocProperties);
            return save(doc);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PDPage addTextPage(PDDocument doc, String text) throws IOException {
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
            cs.beginText();
            cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
            cs.newLineAtOffset(50, 700);
            cs.showText(text);
            cs.endText();
        }
        return page;
    }

    static byte[] save(PDDocument doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.save(out, CompressParameters.NO_COMPRESSION);
        return out.toByteArray();
    }

    /** Saves the changes flagged on {@code doc} as an incremental update of {@code original}. */
    static byte[] saveIncremental(PDDocument doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.saveIncremental(out);
        return out.toByteArray();
    }

    static COSArray array(COSDictionary... items) {
        COSArray a = new COSArray();
        for (COSDictionary d : items) {
            a.add(d);
        }
        return a;
    }
}
