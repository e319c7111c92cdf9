package vn.kyso.server.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.zip.Deflater;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import vn.kyso.server.config.KysoProperties;
import vn.kyso.signing.testpki.TestPdfs;

/**
 * Issue 13: a page preview is bounded. A small PDF whose page content inflates to a gigabyte is
 * refused after the preview's bound (not rendered for tens of seconds of a core), and drawing that
 * outlasts the time budget is stopped; both are PAGE_TOO_COMPLEX (422), never a 500.
 */
class PagePreviewLimitsTest {

    private static final KysoProperties PROPERTIES = new KysoProperties(Path.of("."), null,
            new KysoProperties.Limits(DataSize.ofMegabytes(50), 10, Duration.ofSeconds(60)));

    @TempDir
    Path temp;

    @Test
    void aPageWhoseContentInflatesToAGigabyteIsRefusedInSecondsNotRendered() throws Exception {
        byte[] bomb = inflatingPage(1L << 30);
        assertThat(bomb.length).isLessThan(2 * 1024 * 1024);
        PdfPages pages = new PdfPages(PROPERTIES);

        long start = System.nanoTime();
        assertThatThrownBy(() -> pages.render(bomb, 1, 72)).isInstanceOfSatisfying(SigningRefusedException.class,
                e -> assertThat(e.reason()).isEqualTo(SigningRefusedException.Reason.PAGE_TOO_COMPLEX));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void drawingThatOutlastsTheBudgetIsStopped() throws Exception {
        byte[] pdf = Files.readAllBytes(TestPdfs.onePage(temp.resolve("one.pdf")));
        PdfPages noTime = new PdfPages(PROPERTIES, BoundedRendering.MAX_CONTENT_BYTES, Duration.ZERO);
        assertThatThrownBy(() -> noTime.render(pdf, 1, 72)).isInstanceOfSatisfying(SigningRefusedException.class,
                e -> assertThat(e.reason()).isEqualTo(SigningRefusedException.Reason.PAGE_TOO_COMPLEX));
        // the same page within an ordinary budget renders
        assertThat(new PdfPages(PROPERTIES).render(pdf, 1, 36)).startsWith((byte) 0x89, (byte) 'P');
    }

    @Test
    void aSmallerBoundRefusesEvenAnOrdinaryPage() throws Exception {
        PdfPages small = new PdfPages(PROPERTIES, 1024, Duration.ofSeconds(10));
        byte[] pdf = Files.readAllBytes(TestPdfs.onePage(temp.resolve("one.pdf")));
        // the test PDF's page content is a few hundred bytes: a 1 KiB bound passes it, a 10-byte one does not
        assertThat(small.render(pdf, 1, 36)).isNotEmpty();
        assertThatThrownBy(() -> new PdfPages(PROPERTIES, 10, Duration.ofSeconds(10)).render(pdf, 1, 36))
                .isInstanceOfSatisfying(SigningRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(SigningRefusedException.Reason.PAGE_TOO_COMPLEX));
    }

    /** One A4 page whose Flate content stream inflates to {@code size} bytes of spaces. */
    private static byte[] inflatingPage(long size) throws Exception {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            COSStream content = document.getDocument().createCOSStream();
            byte[] spaces = new byte[1 << 20];
            Arrays.fill(spaces, (byte) ' ');
            Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
            byte[] buffer = new byte[64 * 1024];
            try (OutputStream raw = content.createRawOutputStream()) {
                for (long written = 0; written < size; written += spaces.length) {
                    deflater.setInput(spaces);
                    while (!deflater.needsInput()) {
                        raw.write(buffer, 0, deflater.deflate(buffer));
                    }
                }
                deflater.finish();
                while (!deflater.finished()) {
                    raw.write(buffer, 0, deflater.deflate(buffer));
                }
            } finally {
                deflater.end();
            }
            content.setItem(COSName.FILTER, COSName.FLATE_DECODE);
            page.getCOSObject().setItem(COSName.CONTENTS, content);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }
}
