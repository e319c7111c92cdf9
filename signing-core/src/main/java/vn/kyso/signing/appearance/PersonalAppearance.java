package vn.kyso.signing.appearance;

import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;

import vn.kyso.signing.SigningException;
import vn.kyso.signing.VisibleSignature;
import vn.kyso.signing.VisibleSignature.Placement;

/** Box 7c: the handwritten-signature image between the position title and the full name. */
final class PersonalAppearance implements AppearanceTemplate.Design {

    /** A handwritten signature is never wider than this, however wide the column. */
    private static final float MAX_WIDTH = (float) (60 * VisibleSignature.POINTS_PER_MM);
    /** Share of the gap kept free above and below the image, so it touches neither line. */
    private static final float GAP_MARGIN = 0.1f;
    private static final float TEXT_SIZE = 8;
    private static final float TEXT_SPACING = 2;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm:ss XXX");

    private final PreparedImage image;
    private final Box area;
    private final List<String> text;
    private PDImageXObject xObject;
    private TextBlock textBlock;
    private Box imageBox;
    private Box textBox;
    private Box widget;

    private PersonalAppearance(PreparedImage image, Box area, List<String> text) {
        this.image = image;
        this.area = area;
        this.text = text;
    }

    static SignatureOptions layOut(PDDocument document, VisibleSignature.PersonalSignature spec,
            AppearanceContext context) throws IOException {
        PreparedImage image = PreparedImage.of(spec.image(), "signature image");
        List<String> text = spec.withSignerText() ? signerText(context) : List.of();
        PageFrame frame;
        Box area;
        if (spec.placement() instanceof Placement.Area given) {
            frame = PageFrame.of(document, given.page());
            area = new Box((float) given.x(), (float) given.y(), (float) given.width(), (float) given.height());
        } else {
            AnchorLocator.Located found = AnchorLocator.locate(document, (Placement.Anchor) spec.placement());
            frame = found.frame();
            Box gap = found.gap();
            float width = Math.min(MAX_WIDTH, frame.width());
            float x = Math.max(0, Math.min(found.centreX() - width / 2, frame.width() - width));
            area = new Box(x, gap.y() + GAP_MARGIN * gap.height(), width, (1 - 2 * GAP_MARGIN) * gap.height());
        }
        return AppearanceTemplate.build(frame, new PersonalAppearance(image, area, text));
    }

    private static List<String> signerText(AppearanceContext context) {
        List<String> lines = new ArrayList<>();
        lines.add("Ký bởi: " + context.signerName());
        if (context.signerOrganization() != null && !context.signerOrganization().isBlank()) {
            lines.add("Cơ quan: " + context.signerOrganization());
        }
        lines.add("Ngày ký: " + TIME.format(context.signingTime()));
        return lines;
    }

    @Override
    public Box place(PDDocument template) throws IOException {
        xObject = image.toXObject(template);
        Box imageArea = area;
        if (!text.isEmpty()) {
            textBlock = new TextBlock(AppearanceFont.embedSubset(template), TEXT_SIZE, text, area.width());
            float reserved = textBlock.height() + TEXT_SPACING;
            imageArea = new Box(area.x(), area.y() + reserved, area.width(), area.height() - reserved);
        }
        if (imageArea.height() < 8) {
            throw new SigningException(SigningException.ErrorCode.INVALID_REQUEST,
                    "the area is too small for the signature image");
        }
        imageBox = imageArea.fit(image.aspect());
        Box widget = imageBox;
        if (textBlock != null) {
            float w = textBlock.width();
            textBox = new Box(imageBox.centreX() - w / 2, imageBox.y() - TEXT_SPACING - textBlock.height(), w,
                    textBlock.height());
            widget = widget.union(textBox);
        }
        this.widget = widget;
        imageBox = imageBox.relativeTo(widget);
        textBox = textBox == null ? null : textBox.relativeTo(widget);
        return widget;
    }

    @Override
    public List<Landing> parts(int page) {
        return List.of(AppearanceTemplate.landing(Landing.Part.SIGNATURE, null, page, widget));
    }

    @Override
    public void paint(PDPageContentStream content) throws IOException {
        content.drawImage(xObject, imageBox.x(), imageBox.y(), imageBox.width(), imageBox.height());
        if (textBlock != null) {
            textBlock.draw(content, textBox, true);
        }
    }
}
