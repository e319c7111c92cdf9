package vn.kyso.signing.testpki;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;

import vn.kyso.signing.PadesLevel;
import vn.kyso.signing.PdfSigner;
import vn.kyso.signing.SignRequest;
import vn.kyso.signing.key.InMemorySigningKey;

/**
 * Builds the PDF corpus the signing and verification tests run over: PDFBox-made documents,
 * qpdf rewrites (object streams, linearized), one already signed, and a very large file.
 */
public final class TestPdfs {

    private TestPdfs() {
    }

    /** A PDFBox-made document of {@code pages} pages of text (default PDFBox save: xref stream). */
    public static Path pages(Path file, int pages) {
        return write(file, pages, 0f, false, true);
    }

    public static Path onePage(Path file) {
        return pages(file, 1);
    }

    /**
     * A one-page decision as its leader signs it (Decree 30 layout): "Số:" and the place-and-date
     * line still blank for the clerk, {@code signer}'s name under the signature block. Set in the
     * bundled Liberation Serif, so the Vietnamese text is real text a reader can find.
     */
    public static Path decisionToIssue(Path file, String signer) {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            org.apache.pdfbox.pdmodel.font.PDFont font;
            try (var in = TestPdfs.class.getResourceAsStream("/vn/kyso/signing/appearance/fonts/LiberationSerif-Regular.ttf")) {
                font = org.apache.pdfbox.pdmodel.font.PDType0Font.load(doc, in);
            }
            float top = PDRectangle.A4.getHeight();
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                Object[][] lines = {
                    {"ỦY BAN NHÂN DÂN", 70f, top - 77}, {"TỈNH CÀ MAU", 90f, top - 92},
                    {"Số:            /QĐ-UBND", 60f, top - 118},
                    {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 290f, top - 77},
                    {"Độc lập - Tự do - Hạnh phúc", 330f, top - 92},
                    {"Cà Mau, ngày        tháng        năm 2026", 300f, top - 118},
                    {"QUYẾT ĐỊNH", 255f, top - 165},
                    {"Về việc phê duyệt Kế hoạch chuyển đổi số", 180f, top - 183},
                    {"Điều 1. Phê duyệt Kế hoạch chuyển đổi số năm 2026.", 85f, top - 250},
                    {"TM. ỦY BAN NHÂN DÂN", 355f, 300f}, {"CHỦ TỊCH", 390f, 284f}, {signer, 355f, 200f},
                };
                for (Object[] line : lines) {
                    cs.beginText();
                    cs.setFont(font, 12);
                    cs.newLineAtOffset((float) line[1], (float) line[2]);
                    cs.showText((String) line[0]);
                    cs.endText();
                }
            }
            doc.save(file.toFile());
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One page with a header "%PDF-1.4" and a classic cross-reference table. */
    public static Path pdf14(Path file) {
        return write(file, 1, 1.4f, false, false);
    }

    /** One page with a header "%PDF-2.0". */
    public static Path pdf20(Path file) {
        return write(file, 1, 2.0f, false, true);
    }

    /** One page with an AcroForm holding a filled text field. */
    public static Path withTextField(Path file) {
        return write(file, 1, 0f, true, true);
    }

    /** A one-page document rewritten by qpdf with object streams. */
    public static Path objectStreams(Path file) {
        Path plain = pdf14(file.resolveSibling(file.getFileName() + ".src.pdf"));
        return Qpdf.objectStreams(plain, file);
    }

    /** A three-page document linearized by qpdf. */
    public static Path linearized(Path file) {
        Path plain = pages(file.resolveSibling(file.getFileName() + ".src.pdf"), 3);
        return Qpdf.linearize(plain, file);
    }

    /** A one-page document already signed (B-B) by another signer of {@code pki}. */
    public static Path alreadySigned(Path file, TestPki pki) {
        Path plain = onePage(file.resolveSibling(file.getFileName() + ".src.pdf"));
        TestPki.Credential other = pki.signer("Người ký trước", TestPki.KeyType.EC_P256);
        PdfSigner.builder().build().sign(SignRequest.builder(
                InMemorySigningKey.of(other.privateKey(), other.chain()), PadesLevel.B_B).build(), plain, file);
        return file;
    }

    /** The corpus by name, written under {@code dir}. */
    public static Map<String, Path> corpus(Path dir, TestPki pki) {
        Map<String, Path> corpus = new LinkedHashMap<>();
        corpus.put("one page", onePage(dir.resolve("one-page.pdf")));
        corpus.put("100 pages", pages(dir.resolve("hundred-pages.pdf"), 100));
        corpus.put("text field", withTextField(dir.resolve("text-field.pdf")));
        corpus.put("PDF 1.4", pdf14(dir.resolve("pdf14.pdf")));
        corpus.put("PDF 2.0", pdf20(dir.resolve("pdf20.pdf")));
        corpus.put("object streams", objectStreams(dir.resolve("object-streams.pdf")));
        corpus.put("linearized", linearized(dir.resolve("linearized.pdf")));
        corpus.put("already signed", alreadySigned(dir.resolve("already-signed.pdf"), pki));
        return corpus;
    }

    private static Path write(Path file, int pages, float version, boolean textField, boolean compress) {
        try (PDDocument doc = new PDDocument()) {
            if (version > 0) {
                doc.setVersion(version);
            }
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int i = 1; i <= pages; i++) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setFont(font, 12);
                    cs.newLineAtOffset(72, 770);
                    cs.showText("kyso test document, page " + i + " of " + pages);
                    cs.endText();
                }
            }
            if (textField) {
                PDAcroForm form = new PDAcroForm(doc);
                doc.getDocumentCatalog().setAcroForm(form);
                form.setDefaultResources(new org.apache.pdfbox.pdmodel.PDResources());
                form.getDefaultResources().put(org.apache.pdfbox.cos.COSName.getPDFName("Helv"), font);
                form.setDefaultAppearance("/Helv 10 Tf 0 g");
                PDTextField field = new PDTextField(form);
                field.setPartialName("so_van_ban");
                PDAnnotationWidget widget = field.getWidgets().get(0);
                widget.setRectangle(new PDRectangle(72, 700, 200, 20));
                widget.setPage(doc.getPage(0));
                doc.getPage(0).getAnnotations().add(widget);
                form.getFields().add(field);
                field.setValue("123/UBND-VP");
            }
            doc.save(file.toFile(), compress ? CompressParameters.DEFAULT_COMPRESSION : CompressParameters.NO_COMPRESSION);
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A valid PDF of about {@code bytes} bytes written directly (no PDFBox, no heap): four pages,
     * each showing one uncompressed RGB image of random (incompressible) pixels.
     */
    public static Path huge(Path file, long bytes) {
        int pages = 4;
        int width = 4096;
        int height = (int) Math.max(1, (bytes / pages + width * 3L - 1) / (width * 3L));
        long imageLength = (long) width * height * 3;
        byte[] block = new byte[4 << 20];
        new SplittableRandom(42).nextBytes(block);
        try (Counting out = new Counting(new BufferedOutputStream(Files.newOutputStream(file), 1 << 20))) {
            List<Long> offsets = new ArrayList<>();
            out.ascii("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
            offsets.add(out.count);
            out.ascii("1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
            StringBuilder kids = new StringBuilder();
            for (int p = 0; p < pages; p++) {
                kids.append(3 + 3 * p).append(" 0 R ");
            }
            offsets.add(out.count);
            out.ascii("2 0 obj\n<< /Type /Pages /Kids [" + kids + "] /Count " + pages + " >>\nendobj\n");
            for (int p = 0; p < pages; p++) {
                int page = 3 + 3 * p;
                offsets.add(out.count);
                out.ascii(page + " 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 "
                        + (page + 2) + " 0 R >> >> /Contents " + (page + 1) + " 0 R >>\nendobj\n");
                String content = "q 495 0 0 " + Math.max(1, 495L * height / width) + " 50 50 cm /Im0 Do Q";
                offsets.add(out.count);
                out.ascii((page + 1) + " 0 obj\n<< /Length " + content.length() + " >>\nstream\n" + content
                        + "\nendstream\nendobj\n");
                offsets.add(out.count);
                out.ascii((page + 2) + " 0 obj\n<< /Type /XObject /Subtype /Image /Width " + width + " /Height " + height
                        + " /ColorSpace /DeviceRGB /BitsPerComponent 8 /Length " + imageLength + " >>\nstream\n");
                for (long left = imageLength; left > 0; left -= block.length) {
                    out.write(block, 0, (int) Math.min(block.length, left));
                }
                out.ascii("\nendstream\nendobj\n");
            }
            long xref = out.count;
            StringBuilder table = new StringBuilder("xref\n0 " + (offsets.size() + 1) + "\n0000000000 65535 f \n");
            for (long o : offsets) {
                table.append(String.format("%010d 00000 n \n", o));
            }
            table.append("trailer\n<< /Size ").append(offsets.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
                    .append(xref).append("\n%%EOF\n");
            out.ascii(table.toString());
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Counting extends FilterOutputStream {
        long count;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        void ascii(String s) throws IOException {
            write(s.getBytes(StandardCharsets.ISO_8859_1));
        }
    }
}
