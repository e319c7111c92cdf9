package vn.kyso.signing.appearance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Liberation Serif Regular (metric-compatible with Times New Roman, covers Vietnamese), bundled
 * under the SIL OFL 1.1. The TrueType file is parsed once per process; each appearance embeds
 * only the glyphs it uses.
 */
final class AppearanceFont {

    private static final String RESOURCE = "fonts/LiberationSerif-Regular.ttf";

    private AppearanceFont() {
    }

    /** Lazy holder: the JVM runs this class's initializer once, thread-safely, on first use. */
    private static final class Parsed {
        static final TrueTypeFont REGULAR = parse();
    }

    /** The font for {@code document}, embedded as a subset (PDFBox subsets it when the document is saved). */
    static PDType0Font embedSubset(PDDocument document) throws IOException {
        return PDType0Font.load(document, Parsed.REGULAR, true);
    }

    private static TrueTypeFont parse() {
        try (InputStream in = AppearanceFont.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("font resource missing: " + RESOURCE);
            }
            TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()));
            // The font is shared by all threads. FontBox 3 reads lazily-loaded tables and glyphs under
            // a lock and the subsetter reads the font through fresh streams over the in-memory bytes;
            // reading every table now also keeps lazy loading out of concurrent signing.
            font.getHeader();
            font.getHorizontalHeader();
            font.getMaximumProfile();
            font.getOS2Windows();
            font.getPostScript();
            font.getNaming();
            font.getHorizontalMetrics();
            font.getIndexToLocation();
            font.getGlyph();
            font.getCmap();
            font.getUnicodeCmapLookup();
            font.getGsubData();
            return font;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
