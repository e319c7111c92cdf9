package vn.kyso.signing.appearance;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;

import vn.kyso.signing.SigningException;

/**
 * Turns a laid-out box and its drawing into the one-page template document that PDFBox's
 * {@code addSignature} takes the widget rectangle and appearance from.
 */
final class AppearanceTemplate {

    /**
     * One visible signature's design. {@link #place} runs first, with the template document
     * (fonts and images are loaded into it), and returns the widget box in the page's displayed
     * frame; {@link #paint} then draws in the widget's own upright space, origin at its
     * lower-left corner.
     */
    interface Design {
        Box place(PDDocument template) throws IOException;

        void paint(PDPageContentStream content) throws IOException;

        /** The parts drawn, in the page's displayed frame, once {@link #place} has run. */
        List<Landing> parts(int page);
    }

    /** Signature options that remember where the design landed, for {@link SignatureAppearances#locate}. */
    static final class LaidOut extends SignatureOptions {
        private final List<Landing> parts;

        LaidOut(List<Landing> parts) {
            this.parts = List.copyOf(parts);
        }

        List<Landing> parts() {
            return parts;
        }
    }

    /** A landing of {@code part} at {@code box} on the 1-based {@code page}. */
    static Landing landing(Landing.Part part, String text, int page, Box box) {
        return new Landing(part, text, page, box.x(), box.y(), box.width(), box.height());
    }

    private AppearanceTemplate() {
    }

    /** Signature options showing {@code design} on the frame's page. */
    static SignatureOptions build(PageFrame frame, Design design) throws IOException {
        byte[] bytes;
        List<Landing> parts;
        try (PDDocument template = new PDDocument()) {
            Box box = design.place(template);
            checkOnPage(frame, box);
            parts = design.parts(frame.pageIndex() + 1);
            PDPage page = new PDPage(frame.cropBox());
            template.addPage(page);
            PDAcroForm acroForm = new PDAcroForm(template);
            template.getDocumentCatalog().setAcroForm(acroForm);
            PDSignatureField field = new PDSignatureField(acroForm);
            acroForm.getFields().add(field);
            PDAnnotationWidget widget = field.getWidgets().get(0);
            widget.setRectangle(frame.toUserSpace(box));
            widget.setPage(page);
            widget.setPrinted(true);
            page.getAnnotations().add(widget);

            PDAppearanceStream appearance = new PDAppearanceStream(template);
            appearance.setResources(new PDResources());
            appearance.setBBox(new PDRectangle(box.width(), box.height()));
            appearance.setMatrix(frame.appearanceMatrix());
            try (PDPageContentStream content = new PDPageContentStream(template, appearance)) {
                design.paint(content);
            }
            PDAppearanceDictionary appearances = new PDAppearanceDictionary();
            appearances.setNormalAppearance(appearance);
            widget.setAppearance(appearances);

            ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
            // parsed again at once by PDFBox: object streams would only cost time on both sides
            template.save(out, CompressParameters.NO_COMPRESSION);
            bytes = out.toByteArray();
        }
        SignatureOptions options = new LaidOut(parts);
        try {
            options.setVisualSignature(new ByteArrayInputStream(bytes));
            options.setPage(frame.pageIndex());
            return options;
        } catch (IOException | RuntimeException e) {
            options.close();
            throw e;
        }
    }

    private static void checkOnPage(PageFrame frame, Box box) {
        if (!frame.contains(box)) {
            throw new SigningException(SigningException.ErrorCode.INVALID_REQUEST, String.format(Locale.ROOT,
                    "the signature box [x=%.1f y=%.1f w=%.1f h=%.1f] lies outside page %d (%.1f x %.1f pt as displayed)",
                    box.x(), box.y(), box.width(), box.height(), frame.pageIndex() + 1, frame.width(), frame.height()));
        }
    }
}
