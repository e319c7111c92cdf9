package vn.kyso.signing.verify;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Later incremental updates for tests: made with PDFBox, or written byte by byte as an attacker would. */
final class TestUpdates {

    private TestUpdates() {
    }

    /** Something done to a loaded document before it is saved as an update. */
    interface Edit {
        void apply(PDDocument doc) throws IOException;
    }

    /** An incremental update made by PDFBox with {@code edit} (which flags what it changes). */
    static byte[] update(byte[] pdf, Edit edit) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            edit.apply(doc);
            return TestDocuments.saveIncremental(doc);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An update that replaces page 1's content with {@code text} (a new content stream). */
    static byte[] replacePageContent(byte[] pdf, String text) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDPage page = doc.getPage(0);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.OVERWRITE, false)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
                cs.newLineAtOffset(50, 700);
                cs.showText(text);
                cs.endText();
            }
            page.getCOSObject().setNeedToBeUpdated(true);
            return TestDocuments.saveIncremental(doc);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An update that sets the text field {@code name} to {@code value}. */
    static byte[] fillField(byte[] pdf, String name, String value) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            var field = doc.getDocumentCatalog().getAcroForm().getField(name);
            field.setValue(value);
            field.getCOSObject().setNeedToBeUpdated(true);
            field.getWidgets().forEach(w -> {
                w.getCOSObject().setNeedToBeUpdated(true);
                if (w.getAppearance() != null) {
                    w.getAppearance().getCOSObject().setNeedToBeUpdated(true);
                }
            });
            return TestDocuments.saveIncremental(doc);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The object number of page 1's content stream. */
    static long pageContentObject(byte[] pdf) {
        return reference(pdf, doc -> doc.getPage(0).getCOSObject().getItem(COSName.CONTENTS));
    }

    /** The object number of page 1's dictionary. */
    static long pageObject(byte[] pdf) {
        return reference(pdf, doc -> doc.getDocumentCatalog().getPages().getCOSObject().getCOSArray(COSName.KIDS).get(0));
    }

    /** The object number of the catalog. */
    static long catalogObject(byte[] pdf) {
        return reference(pdf, doc -> doc.getDocument().getTrailer().getItem(COSName.ROOT));
    }

    /** The object number of the indirect object {@code pick} finds in {@code pdf}. */
    static long reference(byte[] pdf, java.util.function.Function<PDDocument, COSBase> pick) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            COSBase b = pick.apply(doc);
            if (b instanceof COSObject o) {
                return o.getObjectNumber();
            }
            throw new IllegalStateException("not an indirect object: " + b);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A content stream object body (dictionary + stream) showing {@code text}. */
    static String contentStream(String text) {
        String ops = "BT /F1 14 Tf 50 700 Td (" + text + ") Tj ET";
        return "<< /Length " + ops.length() + " >>\nstream\n" + ops + "\nendstream";
    }

    /**
     * Appends a hand-written incremental update: {@code objects} (number to body) with a classic
     * xref section and a trailer chained to the previous one by /Prev, as an attacker would.
     *
     * @param root the object number for /Root, or -1 to keep the current one
     */
    static byte[] rawUpdate(byte[] pdf, Map<Long, String> objects, long root) {
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        long prev = lastStartXref(text);
        long size = Math.max(lastSize(text), objects.keySet().stream().mapToLong(Long::longValue).max().orElse(0) + 1);
        long rootNumber = root >= 0 ? root : catalogObject(pdf);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(pdf);
        out.writeBytes("\n".getBytes(StandardCharsets.ISO_8859_1));
        Map<Long, Long> offsets = new TreeMap<>();
        for (Map.Entry<Long, String> e : new TreeMap<>(objects).entrySet()) {
            offsets.put(e.getKey(), (long) out.size());
            write(out, e.getKey() + " 0 obj\n" + e.getValue() + "\nendobj\n");
        }
        long xref = out.size();
        StringBuilder sb = new StringBuilder("xref\n0 1\n0000000000 65535 f\r\n");
        offsets.forEach((n, off) -> sb.append(n).append(" 1\n").append(String.format("%010d 00000 n\r\n", off)));
        sb.append("trailer\n<< /Size ").append(size).append(" /Root ").append(rootNumber).append(" 0 R /Prev ").append(prev)
                .append(" >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        write(out, sb.toString());
        return out.toByteArray();
    }

    /** Appends objects after the last %%EOF without any xref or trailer (some viewers still use them). */
    static byte[] appendWithoutXref(byte[] pdf, Map<Long, String> objects) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(pdf);
        objects.forEach((n, body) -> write(out, "\n" + n + " 0 obj\n" + body + "\nendobj\n"));
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static long lastStartXref(String text) {
        Matcher m = Pattern.compile("startxref\\s+(\\d+)").matcher(text);
        long v = -1;
        while (m.find()) {
            v = Long.parseLong(m.group(1));
        }
        return v;
    }

    private static long lastSize(String text) {
        Matcher m = Pattern.compile("/Size\\s+(\\d+)").matcher(text);
        long v = 0;
        while (m.find()) {
            v = Math.max(v, Long.parseLong(m.group(1)));
        }
        return v;
    }
}
