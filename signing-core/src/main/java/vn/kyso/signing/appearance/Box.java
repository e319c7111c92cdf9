package vn.kyso.signing.appearance;

/**
 * A rectangle in a page's displayed frame (points, origin bottom-left of the crop box after
 * /Rotate), or in an appearance stream's own space.
 */
record Box(float x, float y, float width, float height) {

    float right() {
        return x + width;
    }

    float top() {
        return y + height;
    }

    float centreX() {
        return x + width / 2;
    }

    float centreY() {
        return y + height / 2;
    }

    /** The largest box of the given width/height ratio centred inside this one. */
    Box fit(float aspect) {
        float w = Math.min(width, height * aspect);
        float h = w / aspect;
        return new Box(centreX() - w / 2, centreY() - h / 2, w, h);
    }

    /** The smallest box holding both. */
    Box union(Box other) {
        float x0 = Math.min(x, other.x);
        float y0 = Math.min(y, other.y);
        return new Box(x0, y0, Math.max(right(), other.right()) - x0, Math.max(top(), other.top()) - y0);
    }

    /** This box moved so that {@code origin}'s lower-left corner becomes (0, 0). */
    Box relativeTo(Box origin) {
        return new Box(x - origin.x, y - origin.y, width, height);
    }
}
