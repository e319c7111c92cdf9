package vn.kyso.signing.appearance;

import java.io.IOException;

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

/** Box 8: the agency's seal at its real size, over the left third of the personal signature. */
final class SealAppearance implements AppearanceTemplate.Design {

    private final PreparedImage image;
    private final Box box;
    private PDImageXObject xObject;

    private SealAppearance(PreparedImage image, Box box) {
        this.image = image;
        this.box = box;
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
        return AppearanceTemplate.build(frame, new SealAppearance(image, box));
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
        return box;
    }

    @Override
    public void paint(PDPageContentStream content) throws IOException {
        content.drawImage(xObject, 0, 0, box.width(), box.height());
    }
}
