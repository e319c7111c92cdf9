package vn.kyso.signing.appearance;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;

import vn.kyso.signing.VisibleSignature;
import vn.kyso.signing.appearance.AnchorLocator.Glyph;
import vn.kyso.signing.appearance.AnchorLocator.Run;

/**
 * Finds the blanks a clerk fills when issuing (Decree 30/2020, Appendix I): the number after
 * "Số:" (box 4) and the day, month and year of the place-and-date line "..., ngày ... tháng ...
 * năm ..." (box 5), on one page. A blank already filled is left alone.
 */
final class NumberingLocator {

    /** A figure farther than this many ems after a word does not fill its blank. */
    private static final float FAR = 3;
    /** Text farther than this many ems after "Số:" is another column: the blank runs open. */
    private static final float COLUMN = 8;

    /**
     * A piece of text to write on the page, in the blank between {@code left} and {@code right}.
     *
     * @param left     where the blank starts (the end of the printed word), displayed frame
     * @param right    where the blank ends (the next printed word), or NaN when it runs open
     * @param baseline baseline, displayed frame
     * @param size     font size in points: that of the printed words it completes
     */
    record Mark(String text, float left, float right, float baseline, float size) {
        /** Where the text starts: centred in a closed blank, a little after the word in an open one. */
        float x(float width) {
            float after = left + 0.3f * size;
            return Float.isNaN(right) ? after : Math.max(after, (left + right - width) / 2);
        }
    }

    private NumberingLocator() {
    }

    static List<Mark> locate(PDDocument document, PageFrame frame, VisibleSignature.Numbering numbering)
            throws IOException {
        List<Run> lines = new ArrayList<>();
        for (List<Glyph> line : AnchorLocator.lines(AnchorLocator.glyphs(document, frame.pageIndex() + 1, frame))) {
            lines.add(AnchorLocator.run(line));
        }
        List<Mark> marks = new ArrayList<>();
        number(lines, numbering.documentNumber(), marks);
        date(lines, numbering.date(), marks);
        return marks;
    }

    /** The top-most "Số:" with a blank after it: the number, or its part before "/" when the symbol is printed. */
    private static void number(List<Run> lines, String documentNumber, List<Mark> marks) {
        String label = AnchorLocator.key("Số:");
        for (Run line : lines) {
            int at = line.key().indexOf(label);
            if (at < 0) {
                continue;
            }
            int colon = line.glyphOfChar()[at + label.length() - 1];
            Glyph before = line.glyphs().get(colon);
            int following = nextVisible(line, colon + 1);
            Glyph next = following < line.glyphs().size() ? line.glyphs().get(following) : null;
            float size = before.size();
            if (next == null || next.x() - before.right() > COLUMN * size) {
                marks.add(new Mark(documentNumber, before.right(), Float.NaN, before.baseline(), size));
            } else if (next.text().startsWith("/")) {
                int slash = documentNumber.indexOf('/');
                String written = slash > 0 ? documentNumber.substring(0, slash).strip() : documentNumber;
                marks.add(new Mark(written, before.right(), next.x(), before.baseline(), size));
            }
            // anything else after "Số:" is a number already printed
            return;
        }
    }

    /** The index of the first glyph from {@code from} on that is not white space (the size when none is). */
    private static int nextVisible(Run line, int from) {
        int i = from;
        while (i < line.glyphs().size() && line.glyphs().get(i).text().isBlank()) {
            i++;
        }
        return i;
    }

    /** Whether a figure is printed among the glyphs [from, to) that start before {@code before}: the blank is filled. */
    private static boolean hasFigure(Run line, int from, int to, float before) {
        for (int i = from; i < to && i < line.glyphs().size(); i++) {
            Glyph g = line.glyphs().get(i);
            if (g.x() < before && !g.text().isBlank() && Character.isDigit(g.text().charAt(0))) {
                return true;
            }
        }
        return false;
    }

    /** The top-most line with "ngày", "tháng" and "năm" in this order: each empty blank gets its figure. */
    private static void date(List<Run> lines, LocalDate date, List<Mark> marks) {
        String[] words = {AnchorLocator.key("ngày"), AnchorLocator.key("tháng"), AnchorLocator.key("năm")};
        // Decree 30: a day below 10 and the months 1 and 2 are written with a leading zero
        String[] figures = {String.format("%02d", date.getDayOfMonth()),
            date.getMonthValue() <= 2 ? "0" + date.getMonthValue() : Integer.toString(date.getMonthValue()),
            Integer.toString(date.getYear())};
        for (Run line : lines) {
            int[] start = new int[3];
            int from = 0;
            boolean found = true;
            for (int w = 0; w < 3 && found; w++) {
                start[w] = line.key().indexOf(words[w], from);
                found = start[w] >= 0;
                from = start[w] + words[w].length();
            }
            if (!found) {
                continue;
            }
            for (int w = 0; w < 3; w++) {
                int last = line.glyphOfChar()[start[w] + words[w].length() - 1];
                Glyph end = line.glyphs().get(last);
                int nextWord = w < 2 ? line.glyphOfChar()[start[w + 1]] : line.glyphs().size();
                if (hasFigure(line, last + 1, nextWord, w < 2 ? Float.MAX_VALUE : end.right() + FAR * end.size())) {
                    continue;
                }
                float right = w < 2 ? line.glyphs().get(nextWord).x() : Float.NaN;
                marks.add(new Mark(figures[w], end.right(), right, end.baseline(), end.size()));
            }
            return;
        }
    }
}
