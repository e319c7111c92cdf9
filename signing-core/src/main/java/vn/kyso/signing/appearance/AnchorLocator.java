package vn.kyso.signing.appearance;

import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import vn.kyso.signing.SigningException;
import vn.kyso.signing.VisibleSignature.Placement;

/**
 * Finds an anchor text (the signer's name or position title) on a page and the empty gap
 * between the title line and the name line, where the handwritten signature goes.
 */
final class AnchorLocator {

    /** Used when nothing is printed on the other side of the gap. */
    private static final float DEFAULT_GAP = 72;

    /** Glyph extent above and below the baseline, in em (Vietnamese capitals carry marks above). */
    private static final float ABOVE = 0.9f;
    private static final float BELOW = 0.25f;

    /**
     * Where the anchor was found.
     *
     * @param frame   the page
     * @param gap     the empty band between title and name, full page width, displayed frame
     * @param centreX the horizontal centre of the anchor text
     */
    record Located(PageFrame frame, Box gap, float centreX) {
    }

    /** One glyph in the displayed frame: baseline y measured from the bottom. */
    record Glyph(String text, float x, float baseline, float width, float size) {
        float right() {
            return x + width;
        }
    }

    /** Glyphs on one baseline, close enough together to be one piece of text. */
    record Run(List<Glyph> glyphs, String key, int[] glyphOfChar) {
        float baseline() {
            return glyphs.get(0).baseline();
        }

        float size() {
            return glyphs.get(0).size();
        }

        boolean overlaps(float x0, float x1) {
            return glyphs.get(0).x() < x1 && glyphs.get(glyphs.size() - 1).right() > x0;
        }
    }

    private AnchorLocator() {
    }

    static Located locate(PDDocument document, Placement.Anchor anchor) throws IOException {
        String key = key(anchor.text());
        int first = anchor.page() == Placement.ANY_PAGE ? document.getNumberOfPages() : anchor.page();
        int last = anchor.page() == Placement.ANY_PAGE ? 1 : anchor.page();
        PageFrame.of(document, first);
        // a signature block ends a document: search from the last page back, keep the lowest match
        for (int pageNumber = first; pageNumber >= last; pageNumber--) {
            PageFrame frame = PageFrame.of(document, pageNumber);
            List<Run> runs = runs(glyphs(document, pageNumber, frame));
            for (int r = runs.size() - 1; r >= 0; r--) {
                Run run = runs.get(r);
                int at = run.key().lastIndexOf(key);
                if (at >= 0) {
                    Glyph start = run.glyphs().get(run.glyphOfChar()[at]);
                    Glyph end = run.glyphs().get(run.glyphOfChar()[at + key.length() - 1]);
                    return gap(frame, runs, run, start.x(), end.right(), anchor.line());
                }
            }
        }
        String where = anchor.page() == Placement.ANY_PAGE ? "in the document" : "on page " + anchor.page();
        throw new SigningException(SigningException.ErrorCode.INVALID_REQUEST,
                "anchor text \"" + anchor.text() + "\" not found " + where);
    }

    private static Located gap(PageFrame frame, List<Run> runs, Run anchor, float x0, float x1,
            Placement.AnchorLine line) {
        float size = anchor.size();
        boolean nameLine = line == Placement.AnchorLine.NAME;
        Run neighbour = null;
        for (Run run : runs) {
            boolean onTheGapSide = nameLine ? run.baseline() > anchor.baseline() + size / 2
                    : run.baseline() < anchor.baseline() - size / 2;
            boolean closer = neighbour == null
                    || (nameLine ? run.baseline() < neighbour.baseline() : run.baseline() > neighbour.baseline());
            if (onTheGapSide && run.overlaps(x0, x1) && closer) {
                neighbour = run;
            }
        }
        float bottom;
        float top;
        if (nameLine) {
            bottom = anchor.baseline() + ABOVE * size;
            top = neighbour == null ? Math.min(bottom + DEFAULT_GAP, frame.height())
                    : neighbour.baseline() - BELOW * neighbour.size();
        } else {
            top = anchor.baseline() - BELOW * size;
            bottom = neighbour == null ? Math.max(top - DEFAULT_GAP, 0)
                    : neighbour.baseline() + ABOVE * neighbour.size();
        }
        if (top - bottom < 12) {
            throw new SigningException(SigningException.ErrorCode.INVALID_REQUEST,
                    "no room for the signature image next to the anchor text (gap of " + Math.round(top - bottom)
                            + " pt)");
        }
        return new Located(frame, new Box(0, bottom, frame.width(), top - bottom), (x0 + x1) / 2);
    }

    static List<Glyph> glyphs(PDDocument document, int pageNumber, PageFrame frame) throws IOException {
        List<Glyph> glyphs = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition text) {
                String unicode = text.getUnicode();
                if (unicode == null || unicode.isEmpty()) {
                    return;
                }
                // a combining mark drawn as its own glyph (NFD text) belongs to the letter before it
                if (isCombiningOnly(unicode) && !glyphs.isEmpty()) {
                    Glyph base = glyphs.remove(glyphs.size() - 1);
                    glyphs.add(new Glyph(base.text() + unicode, base.x(), base.baseline(), base.width(), base.size()));
                    return;
                }
                float size = text.getFontSizeInPt() > 0 ? text.getFontSizeInPt() : text.getHeight();
                // getX/getY: displayed frame (rotation applied), origin top-left of the crop box
                glyphs.add(new Glyph(unicode, text.getX(), frame.height() - text.getY(), text.getWidth(), size));
            }
        };
        stripper.setStartPage(pageNumber);
        stripper.setEndPage(pageNumber);
        stripper.getText(document);
        return glyphs;
    }

    private static List<Run> runs(List<Glyph> glyphs) {
        List<Run> runs = new ArrayList<>();
        for (List<Glyph> line : lines(glyphs)) {
            splitIntoRuns(line, runs);
        }
        return runs;
    }

    /** The page's lines of text, top first, each one's glyphs from left to right. */
    static List<List<Glyph>> lines(List<Glyph> glyphs) {
        List<Glyph> byLine = new ArrayList<>(glyphs);
        byLine.sort(Comparator.comparingDouble(Glyph::baseline).reversed());
        List<List<Glyph>> lines = new ArrayList<>();
        int i = 0;
        while (i < byLine.size()) {
            Glyph first = byLine.get(i);
            int j = i + 1;
            while (j < byLine.size() && first.baseline() - byLine.get(j).baseline() < 0.3f * first.size()) {
                j++;
            }
            List<Glyph> line = new ArrayList<>(byLine.subList(i, j));
            line.sort(Comparator.comparingDouble(Glyph::x));
            lines.add(line);
            i = j;
        }
        return lines;
    }

    /** Splits a line where the space between glyphs is wider than a few spaces (e.g. two columns). */
    private static void splitIntoRuns(List<Glyph> line, List<Run> runs) {
        int start = 0;
        for (int k = 1; k <= line.size(); k++) {
            if (k == line.size() || line.get(k).x() - line.get(k - 1).right() > 1.5f * line.get(k - 1).size()) {
                runs.add(run(line.subList(start, k)));
                start = k;
            }
        }
    }

    static Run run(List<Glyph> glyphs) {
        StringBuilder key = new StringBuilder();
        List<Integer> owner = new ArrayList<>();
        for (int g = 0; g < glyphs.size(); g++) {
            String part = key(glyphs.get(g).text());
            for (int c = 0; c < part.length(); c++) {
                key.append(part.charAt(c));
                owner.add(g);
            }
        }
        return new Run(List.copyOf(glyphs), key.toString(), owner.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The comparable form: decomposed (NFD), no white space, lower case (char by char, so indexes stay). */
    static String key(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder key = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                key.append(Character.toLowerCase(c));
            }
        }
        return key.toString();
    }

    private static boolean isCombiningOnly(String text) {
        return text.codePoints().allMatch(cp -> Character.getType(cp) == Character.NON_SPACING_MARK);
    }
}
