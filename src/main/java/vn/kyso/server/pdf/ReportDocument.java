package vn.kyso.server.pdf;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A PDF report being written with PDFBox, top to bottom: A4 pages with a margin, a cursor
 * ({@link #y()}) that moves down as text is added, a new page when the current one is full.
 * Text is Liberation Serif (embedded, subset), so Vietnamese diacritics print. Charts and other
 * drawings use {@link #page()} directly between {@link #room(float)} and {@link #y(float)}.
 */
public final class ReportDocument implements AutoCloseable {

    public static final float MARGIN = 50;
    /** The width between the margins. */
    public static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private static final String FONT = "/vn/kyso/signing/appearance/fonts/LiberationSerif-Regular.ttf";

    private final PDDocument document;
    private final PDType0Font font;
    private PDPageContentStream page;
    private float y;

    /** A new document with its first page; {@code title} goes into the document information. */
    public ReportDocument(String title) {
        document = new PDDocument();
        try (InputStream fontFile = ReportDocument.class.getResourceAsStream(FONT)) {
            font = PDType0Font.load(document, fontFile, true);
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(title);
            info.setCreator("kyso");
            newPage();
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("cannot start the PDF report", e);
        }
    }

    /** The content stream of the current page (changes when a page is added). */
    public PDPageContentStream page() {
        return page;
    }

    /** The cursor: the top of the next line, in points from the page's bottom. */
    public float y() {
        return y;
    }

    public void y(float y) {
        this.y = y;
    }

    /** Moves the cursor down by {@code points}. */
    public void down(float points) {
        y -= points;
    }

    /** Starts a new page when less than {@code needed} points are left above the bottom margin. */
    public void room(float needed) throws IOException {
        if (y - needed < MARGIN) {
            newPage();
        }
    }

    /** A paragraph from the left margin, wrapped at the margins' width. */
    public void paragraph(String s, float size) throws IOException {
        paragraph(s, MARGIN, size);
    }

    /** A paragraph from {@code x}, wrapped at the right margin. */
    public void paragraph(String s, float x, float size) throws IOException {
        List<String> lines = lines(s, PDRectangle.A4.getWidth() - MARGIN - x, size);
        for (int i = 0; i < lines.size(); i++) {
            line(lines.get(i), x, size);
            y -= i < lines.size() - 1 ? size + 4 : size + 6;
        }
    }

    /**
     * {@code s} broken into lines no wider than {@code width} at {@code size}, at spaces, a word too
     * wide for a line cut to fit (for a table's cell, which must never run into the next one).
     */
    public List<String> lines(String s, float width, float size) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : words(s, width, size)) {
            String longer = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && width(longer, size) > width) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(longer);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    /** Text whose baseline is at {@code baseline} (the cursor does not move). */
    public void label(String s, float x, float baseline, float size) throws IOException {
        page.beginText();
        page.setFont(font, size);
        page.newLineAtOffset(x, baseline);
        page.showText(s == null ? "" : s);
        page.endText();
    }

    /** One line of cells, each at its column's offset from the left margin. */
    public void row(float size, float[] columns, Object... cells) throws IOException {
        room(size + 4);
        for (int i = 0; i < cells.length && i < columns.length; i++) {
            label(String.valueOf(cells[i]), MARGIN + columns[i], y - size, size);
        }
        y -= size + 4;
    }

    /** A filled rectangle (a chart's bar, a verdict's colour). */
    public void box(Color colour, float x, float bottom, float width, float height) throws IOException {
        page.setNonStrokingColor(colour);
        page.addRect(x, bottom, width, height);
        page.fill();
        page.setNonStrokingColor(Color.BLACK);
    }

    /** The width of {@code s} in points at {@code size}. */
    public float width(String s, float size) throws IOException {
        return font.getStringWidth(s) / 1000 * size;
    }

    /** The finished document. */
    public byte[] toBytes() {
        try {
            page.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the PDF report", e);
        }
    }

    /** {@code s} cut to {@code max} characters, with an ellipsis. */
    public static String shorten(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    @Override
    public void close() {
        try {
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The words of {@code s}, a word too wide for a line (a hash, a name without spaces) cut to fit. */
    private List<String> words(String s, float width, float size) throws IOException {
        List<String> words = new ArrayList<>();
        for (String word : (s == null ? "" : s).split(" ")) {
            while (word.length() > 1 && width(word, size) > width) {
                int cut = word.length() - 1;
                while (cut > 1 && width(word.substring(0, cut), size) > width) {
                    cut--;
                }
                words.add(word.substring(0, cut));
                word = word.substring(cut);
            }
            words.add(word);
        }
        return words;
    }

    private void line(String s, float x, float size) throws IOException {
        room(size + 6);
        label(s, x, y - size, size);
    }

    private void newPage() throws IOException {
        if (page != null) {
            page.close();
        }
        PDPage p = new PDPage(PDRectangle.A4);
        document.addPage(p);
        page = new PDPageContentStream(document, p);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }
}
