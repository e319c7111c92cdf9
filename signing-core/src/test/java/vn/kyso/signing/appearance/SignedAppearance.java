package vn.kyso.signing.appearance;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;

/**
 * What the last signature of a signed PDF carries in its widget: rectangle, font, the text its
 * appearance stream shows and the font sizes it sets. The document stays open until closed.
 */
final class SignedAppearance implements AutoCloseable {

    private final PDDocument document;
    private final PDAnnotationWidget widget;
    private final PDAppearanceStream stream;

    SignedAppearance(byte[] signedPdf) throws IOException {
        document = Loader.loadPDF(signedPdf);
        List<PDSignatureField> fields = document.getSignatureFields();
        widget = fields.get(fields.size() - 1).getWidgets().get(0);
        stream = widget.getNormalAppearanceStream();
    }

    PDAnnotationWidget widget() {
        return widget;
    }

    PDRectangle rectangle() {
        return widget.getRectangle();
    }

    /** The one font the appearance uses. */
    PDType0Font font() throws IOException {
        PDResources resources = stream.getResources();
        COSName name = resources.getFontNames().iterator().next();
        return (PDType0Font) resources.getFont(name);
    }

    /** The text the appearance shows, one line per text object. */
    List<String> lines() throws IOException {
        List<String> lines = new ArrayList<>();
        PDFont font = null;
        StringBuilder line = new StringBuilder();
        List<Object> operands = new ArrayList<>();
        for (Object token : new PDFStreamParser(stream).parse()) {
            if (!(token instanceof Operator op)) {
                operands.add(token);
                continue;
            }
            switch (op.getName()) {
                case "Tf" -> font = stream.getResources().getFont((COSName) operands.get(0));
                case "Tj" -> line.append(decode(font, (COSString) operands.get(0)));
                case "ET" -> {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                default -> { }
            }
            operands.clear();
        }
        return lines;
    }

    /** The font sizes set by Tf operators. */
    List<Float> fontSizes() throws IOException {
        List<Float> sizes = new ArrayList<>();
        Object previous = null;
        for (Object token : new PDFStreamParser(stream).parse()) {
            if (token instanceof Operator op && op.getName().equals("Tf") && previous instanceof COSNumber size) {
                sizes.add(size.floatValue());
            }
            previous = token;
        }
        return sizes;
    }

    private static String decode(PDFont font, COSString string) throws IOException {
        StringBuilder text = new StringBuilder();
        InputStream in = new ByteArrayInputStream(string.getBytes());
        while (in.available() > 0) {
            text.append(font.toUnicode(font.readCode(in)));
        }
        return text.toString();
    }

    @Override
    public void close() throws IOException {
        document.close();
    }
}
