package vn.kyso.signing.appearance;

import java.awt.geom.AffineTransform;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

import vn.kyso.signing.SigningException;

/**
 * A page as a reader displays it: the crop box turned by /Rotate. Layouts work in this frame
 * (what the officer sees); widget rectangles and appearance matrices are converted to the
 * page's user space here, in one place.
 *
 * @param pageIndex 0-based page index
 * @param cropBox   the crop box in user space
 * @param rotation  0, 90, 180 or 270 (clockwise, as /Rotate)
 */
record PageFrame(int pageIndex, PDRectangle cropBox, int rotation) {

    /** The frame of page {@code pageNumber} (1-based); INVALID_REQUEST when there is no such page. */
    static PageFrame of(PDDocument document, int pageNumber) {
        int count = document.getNumberOfPages();
        if (pageNumber < 1 || pageNumber > count) {
            throw new SigningException(SigningException.ErrorCode.INVALID_REQUEST,
                    "page " + pageNumber + " does not exist (the document has " + count + " pages)");
        }
        PDPage page = document.getPage(pageNumber - 1);
        int rotation = Math.floorMod(page.getRotation(), 360);
        // /Rotate must be a multiple of 90; readers ignore other values, and so do we
        return new PageFrame(pageNumber - 1, page.getCropBox(), rotation % 90 == 0 ? rotation : 0);
    }

    private boolean quarterTurned() {
        return rotation == 90 || rotation == 270;
    }

    /** Displayed width in points. */
    float width() {
        return quarterTurned() ? cropBox.getHeight() : cropBox.getWidth();
    }

    /** Displayed height in points. */
    float height() {
        return quarterTurned() ? cropBox.getWidth() : cropBox.getHeight();
    }

    boolean contains(Box box) {
        float tolerance = 0.01f;
        return box.x() >= -tolerance && box.y() >= -tolerance && box.right() <= width() + tolerance
                && box.top() <= height() + tolerance;
    }

    /** The user-space rectangle a displayed box covers (for the widget's /Rect). */
    PDRectangle toUserSpace(Box box) {
        float[] a = toUser(box.x(), box.y());
        float[] b = toUser(box.right(), box.top());
        return new PDRectangle(Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.abs(a[0] - b[0]),
                Math.abs(a[1] - b[1]));
    }

    /** The displayed box a user-space rectangle covers (for an existing widget's /Rect). */
    Box toDisplayed(PDRectangle rect) {
        float[] a = toDisplayed(rect.getLowerLeftX(), rect.getLowerLeftY());
        float[] b = toDisplayed(rect.getUpperRightX(), rect.getUpperRightY());
        return new Box(Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1]));
    }

    /**
     * The appearance stream's /Matrix: content drawn upright in the displayed frame must be
     * turned against the page's clockwise /Rotate to stay upright on screen.
     */
    AffineTransform appearanceMatrix() {
        return AffineTransform.getQuadrantRotateInstance(rotation / 90);
    }

    private float[] toUser(float vx, float vy) {
        float w = cropBox.getWidth();
        float h = cropBox.getHeight();
        float u;
        float v;
        switch (rotation) {
            case 90 -> { u = w - vy; v = vx; }
            case 180 -> { u = w - vx; v = h - vy; }
            case 270 -> { u = vy; v = h - vx; }
            default -> { u = vx; v = vy; }
        }
        return new float[] {cropBox.getLowerLeftX() + u, cropBox.getLowerLeftY() + v};
    }

    private float[] toDisplayed(float ux, float uy) {
        float w = cropBox.getWidth();
        float h = cropBox.getHeight();
        float u = ux - cropBox.getLowerLeftX();
        float v = uy - cropBox.getLowerLeftY();
        return switch (rotation) {
            case 90 -> new float[] {v, w - u};
            case 180 -> new float[] {w - u, h - v};
            case 270 -> new float[] {h - v, u};
            default -> new float[] {u, v};
        };
    }
}
