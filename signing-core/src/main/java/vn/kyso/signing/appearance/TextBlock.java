package vn.kyso.signing.appearance;

import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;

import vn.kyso.signing.SigningException;

/** Lines of text in one font and size, measured before they are drawn. */
final class TextBlock {

    /** Liberation Serif's ascender and descender, in em. */
    private static final float ASCENT = 0.891f;
    private static final float DESCENT = 0.216f;
    private static final float LEADING = 1.2f;

    private final PDFont font;
    private final float size;
    private final List<String> lines;
    private final float[] widths;

    /**
     * Measures {@code lines} (each wrapped at {@code maxWidth} points at word boundaries).
     * Text is set in NFC: the font has precomposed Vietnamese glyphs, combining marks would
     * be placed badly.
     */
    TextBlock(PDFont font, float size, List<String> lines, float maxWidth) throws IOException {
        this.font = font;
        this.size = size;
        List<String> wrapped = new ArrayList<>();
        for (String line : lines) {
            wrap(Normalizer.normalize(line, Normalizer.Form.NFC).strip(), maxWidth, wrapped);
        }
        this.lines = List.copyOf(wrapped);
        this.widths = new float[wrapped.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = width(wrapped.get(i));
        }
    }

    float width() {
        float max = 0;
        for (float w : widths) {
            max = Math.max(max, w);
        }
        return max;
    }

    float height() {
        return lines.isEmpty() ? 0 : (lines.size() - 1) * LEADING * size + (ASCENT + DESCENT) * size;
    }

    /** The box of a one-line block whose baseline is at {@code baseline}, starting at {@code x}. */
    Box boxOnBaseline(float x, float baseline) {
        return new Box(x, baseline - DESCENT * size, width(), height());
    }

    /** Draws the lines inside {@code box}, from its top, each centred or left-aligned. */
    void draw(PDPageContentStream content, Box box, boolean centred) throws IOException {
        content.setNonStrokingColor(0f, 0f, 0f);
        float baseline = box.top() - ASCENT * size;
        for (int i = 0; i < lines.size(); i++) {
            float x = centred ? box.centreX() - widths[i] / 2 : box.x();
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, baseline);
            content.showText(lines.get(i));
            content.endText();
            baseline -= LEADING * size;
        }
    }

    private float width(String text) throws IOException {
        try {
            return font.getStringWidth(text) / 1000 * size;
        } catch (IllegalArgumentException e) {
            // PDFBox reports a character the font cannot draw this way
            throw new SigningException(SigningException.ErrorCode.INVALID_REQUEST,
                    "the appearance text has a character the font cannot show: " + e.getMessage(), e);
        }
    }

    private void wrap(String line, float maxWidth, List<String> out) throws IOException {
        StringBuilder current = new StringBuilder();
        for (String word : line.split("\\s+")) {
            String candidate = current.isEmpty() ? word : current + " " + word;
            if (!current.isEmpty() && width(candidate) > maxWidth) {
                out.add(current.toString());
                current.setLength(0);
                current.append(word);
            } else {
                current.setLength(0);
                current.append(candidate);
            }
        }
        out.add(current.toString());
    }
}
