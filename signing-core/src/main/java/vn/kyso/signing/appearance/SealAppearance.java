package vn.kyso.signing.appearance;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;

import vn.kyso.signing.SigningException;
import vn.kyso.signing.VisibleSignature;
import vn.kyso.signing.VisibleSignature.Placement;

/**
 * Box 8: the agency's seal at its real size, over the left third of the personal signature; and,
 * when the clerk gives them, the document number and date written into the page's blanks (boxes 4
 * and 5). They belong to the seal signature's one widget, which then spans from the blanks to the
 * seal: a change after the leader's signature may add a signature widget, never other page content.
 */
final class SealAppearance implements AppearanceTemplate.Design {

    private final PreparedImage image;
    private final Box seal;
    private final List<NumberingLocator.Mark> marks;
    private PDImageXObject xObject;
    private Box imageBox;
    private final List<TextBlock> texts = new ArrayList<>();
    private final List<Box> textBoxes = new ArrayList<>();
    private final List<Landing> written = new ArrayList<>();

    private SealAppearance(PreparedImage image, Box seal, List<NumberingLocator.Mark> marks) {
        this.image = image;
        this.seal = seal;
        this.marks = marks;
    }

    static SignatureOptions layOut(PDDocument document, VisibleSignature.AgencySeal spec) throws IOException {
        PreparedImage image = PreparedImage.of(spec.sealImage(), "seal image");
        // the visible part of the image is the seal: its width is the real diameter
        float width = (float) (spec.diameterMm() * VisibleSignature.POINTS_PER_MM);
        float height = width / image.aspect();
        PageFrame frame;
        float centreX;
        float centreY;
        if (spec.placement() instanceof Placement.Area given) {
            frame = PageFrame.of(document, given.page());
            centreX = (float) (given.x() + given.width() / 2);
            centreY = (float) (given.y() + given.height() / 2);
        } else {
            int page = ((Placement.OverSignature) spec.placement()).page();
            frame = pageWithSignature(document, page);
            Box signature = lastSignatureWidget(document, frame);
            if (signature == null) {
                throw new SigningException(SigningException.ErrorCode.INVALID_REQUEST,
                        "there is no visible signature on page " + page + " to put the seal over");
            }
            // Decree 30: the seal covers about one third of the signature image, on its left
            centreX = signature.x() + signature.width() / 3 - width / 2;
            centreY = signature.centreY();
        }
        Box box = new Box(centreX - width / 2, centreY - height / 2, width, height);
        List<NumberingLocator.Mark> marks = spec.numbering() == null ? List.of()
                : NumberingLocator.locate(document, frame, spec.numbering());
        return AppearanceTemplate.build(frame, new SealAppearance(image, box, marks));
    }

    private static PageFrame pageWithSignature(PDDocument document, int page) {
        if (page != Placement.ANY_PAGE) {
            return PageFrame.of(document, page);
        }
        for (int p = document.getNumberOfPages(); p >= 1; p--) {
            PageFrame frame = PageFrame.of(document, p);
            if (lastSignatureWidget(document, frame) != null) {
                return frame;
            }
        }
        throw new SigningException(SigningException.ErrorCode.INVALID_REQUEST,
                "the document has no visible signature to put the seal over");
    }

    /** The last visible signature widget in the page's annotation order, in the displayed frame. */
    private static Box lastSignatureWidget(PDDocument document, PageFrame frame) {
        Box last = null;
        try {
            for (PDAnnotation annotation : document.getPage(frame.pageIndex()).getAnnotations()) {
                PDRectangle rect = annotation.getRectangle();
                if (annotation instanceof PDAnnotationWidget && isSignatureField(annotation.getCOSObject())
                        && rect != null && rect.getWidth() > 0 && rect.getHeight() > 0) {
                    last = frame.toDisplayed(rect);
                }
            }
        } catch (IOException e) {
            throw new SigningException(SigningException.ErrorCode.NOT_A_PDF,
                    "cannot read the annotations of page " + (frame.pageIndex() + 1), e);
        }
        return last;
    }

    /** /FT is inheritable: a widget may carry it itself (merged field) or get it from its parent field. */
    private static boolean isSignatureField(COSDictionary widget) {
        COSDictionary node = widget;
        for (int depth = 0; node != null && depth < 32; depth++) {
            COSName type = node.getCOSName(COSName.FT);
            if (type != null) {
                return COSName.SIG.equals(type);
            }
            node = node.getCOSDictionary(COSName.PARENT);
        }
        return false;
    }

    @Override
    public Box place(PDDocument template) throws IOException {
        xObject = image.toXObject(template);
        Box widget = seal;
        List<Box> onPage = new ArrayList<>();
        if (!marks.isEmpty()) {
            var font = AppearanceFont.embedSubset(template);
            for (NumberingLocator.Mark mark : marks) {
                TextBlock text = new TextBlock(font, mark.size(), List.of(mark.text()), Float.MAX_VALUE);
                Box box = text.boxOnBaseline(mark.x(text.width()), mark.baseline());
                texts.add(text);
                onPage.add(box);
                written.add(AppearanceTemplate.landing(Landing.Part.TEXT, mark.text(), 0, box));
                widget = widget.union(box);
            }
        }
        imageBox = seal.relativeTo(widget);
        for (Box box : onPage) {
            textBoxes.add(box.relativeTo(widget));
        }
        return widget;
    }

    @Override
    public List<Landing> parts(int page) {
        List<Landing> all = new ArrayList<>();
        all.add(AppearanceTemplate.landing(Landing.Part.SEAL, null, page, seal));
        written.forEach(p -> all.add(new Landing(p.part(), p.text(), page, p.x(), p.y(), p.width(), p.height())));
        return all;
    }

    @Override
    public void paint(PDPageContentStream content) throws IOException {
        content.drawImage(xObject, imageBox.x(), imageBox.y(), imageBox.width(), imageBox.height());
        for (int i = 0; i < texts.size(); i++) {
            texts.get(i).draw(content, textBoxes.get(i), false);
        }
    }
}
