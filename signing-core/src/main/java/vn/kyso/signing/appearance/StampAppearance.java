package vn.kyso.signing.appearance;

import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;

import vn.kyso.signing.VisibleSignature;

/**
 * The agency's text-only signature at the top right of page 1, for a separate appendix or a
 * copy: Times New Roman's metric twin, regular, 10 pt, black, no image.
 */
final class StampAppearance implements AppearanceTemplate.Design {

    /** Decree 30 asks for Vietnam time, whatever zone the signing time was given in. */
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    /** ISO 8601 to the second with the offset, e.g. 2026-03-05T14:30:00+07:00. */
    static final DateTimeFormatter ISO_SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    private static final float SIZE = 10;
    /** Inside the page margins Decree 30 sets (top 20-25 mm, right 15-20 mm), clear of the text. */
    private static final float TOP = mm(8);
    private static final float RIGHT = mm(15);
    private static final float MAX_WIDTH = mm(90);

    private final PageFrame frame;
    private final List<String> lines;
    private TextBlock block;
    private Box box;

    private StampAppearance(PageFrame frame, List<String> lines) {
        this.frame = frame;
        this.lines = lines;
    }

    static SignatureOptions layOut(PDDocument document, VisibleSignature spec, AppearanceContext context)
            throws IOException {
        String time = ISO_SECONDS.format(context.signingTime().withZoneSameInstant(VIETNAM).truncatedTo(ChronoUnit.SECONDS));
        List<String> lines;
        if (spec instanceof VisibleSignature.AppendixStamp appendix) {
            lines = List.of("Số: " + appendix.documentNumber(), time);
        } else {
            VisibleSignature.CopyStamp copy = (VisibleSignature.CopyStamp) spec;
            lines = List.of(copy.kind().label(), copy.copyingAgency(), time);
        }
        PageFrame frame = PageFrame.of(document, 1);
        return AppearanceTemplate.build(frame, new StampAppearance(frame, lines));
    }

    @Override
    public Box place(PDDocument template) throws IOException {
        block = new TextBlock(AppearanceFont.embedSubset(template), SIZE, lines, MAX_WIDTH);
        box = new Box(frame.width() - RIGHT - block.width(), frame.height() - TOP - block.height(), block.width(),
                block.height());
        return box;
    }

    @Override
    public List<Landing> parts(int page) {
        return List.of(AppearanceTemplate.landing(Landing.Part.STAMP, String.join("\n", lines), page, box));
    }

    @Override
    public void paint(PDPageContentStream content) throws IOException {
        block.draw(content, new Box(0, 0, box.width(), box.height()), false);
    }

    private static float mm(double millimetres) {
        return (float) (millimetres * VisibleSignature.POINTS_PER_MM);
    }
}
