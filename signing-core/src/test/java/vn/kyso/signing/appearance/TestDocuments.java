package vn.kyso.signing.appearance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.text.Normalizer;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.util.Matrix;

/**
 * A two-page Vietnamese decision ("Quyết định") drawn with the bundled font: header, body, and on
 * page 2 the signature block ending (TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH / gap / Nguyễn Văn A).
 * Geometry constants are in the displayed frame (points, origin bottom-left, A4 portrait).
 */
final class TestDocuments {

    static final float WIDTH = PDRectangle.A4.getWidth();
    static final float HEIGHT = PDRectangle.A4.getHeight();
    static final float BLOCK_CENTRE_X = 420;
    static final float SIZE = 13;
    static final float TITLE_BASELINE = 300;
    static final float POSITION_BASELINE = 284;
    static final float NAME_BASELINE = 200;
    static final String NAME = "Nguyễn Văn A";

    private static final float MARGIN_LEFT = 85;
    /** How far the cropped variant's crop box sits inside its media box. */
    static final float CROP_INSET = 40;

    private TestDocuments() {
    }

    /**
     * @param rotated    pages are landscape media with /Rotate 90, so they display as portrait A4
     * @param cropped    the media box is larger than A4 and the crop box shows the A4 part
     * @param decomposed the signer's name is written in NFD (base letters plus combining marks)
     */
    static byte[] decision(boolean rotated, boolean cropped, boolean decomposed) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDFont font = AppearanceFont.embedSubset(document);
            try (Page page = new Page(document, font, rotated, cropped)) {
                page.centred("ỦY BAN NHÂN DÂN", 150, HEIGHT - 77, 12);
                page.centred("TỈNH CÀ MAU", 150, HEIGHT - 92, 12);
                page.centred("Số: 125/QĐ-UBND", 150, HEIGHT - 118, 12);
                page.centred("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 400, HEIGHT - 77, 12);
                page.centred("Độc lập - Tự do - Hạnh phúc", 400, HEIGHT - 92, 13);
                page.centred("Cà Mau, ngày 05 tháng 3 năm 2026", 400, HEIGHT - 118, 12);
                page.centred("QUYẾT ĐỊNH", WIDTH / 2, HEIGHT - 165, 14);
                page.centred("Về việc phê duyệt Kế hoạch chuyển đổi số năm 2026", WIDTH / 2, HEIGHT - 183, 13);
                page.centred("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH CÀ MAU", WIDTH / 2, HEIGHT - 215, 13);
                String[] body = {
                    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;",
                    "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ",
                    "về công tác văn thư;",
                    "Theo đề nghị của Giám đốc Sở Khoa học và Công nghệ.",
                    "QUYẾT ĐỊNH:",
                    "Điều 1. Phê duyệt Kế hoạch chuyển đổi số năm 2026 kèm theo Quyết định này.",
                    "Điều 2. Giao ông Nguyễn Văn A chủ trì, phối hợp với các cơ quan, đơn vị",
                    "triển khai thực hiện; bảo đảm lưu trữ hồ sơ điện tử đúng quy định, kịp thời,",
                    "không để chậm trễ; các đơn vị thuộc diện ưu tiên được cấp chứng thư số.",
                };
                float y = HEIGHT - 250;
                for (String line : body) {
                    page.left(line, MARGIN_LEFT, y, 13);
                    y -= 20;
                }
            }
            try (Page page = new Page(document, font, rotated, cropped)) {
                page.left("Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng Ủy ban", MARGIN_LEFT,
                        HEIGHT - 80, 13);
                page.left("nhân dân tỉnh, Giám đốc các sở, ngành và các cơ quan, đơn vị có liên quan", MARGIN_LEFT,
                        HEIGHT - 100, 13);
                page.left("chịu trách nhiệm thi hành Quyết định này./.", MARGIN_LEFT, HEIGHT - 120, 13);
                page.left("Nơi nhận:", MARGIN_LEFT, TITLE_BASELINE, 12);
                page.left("- Như Điều 3;", MARGIN_LEFT, TITLE_BASELINE - 15, 11);
                page.left("- Lưu: VT, VP.", MARGIN_LEFT, TITLE_BASELINE - 29, 11);
                page.centred("TM. ỦY BAN NHÂN DÂN", BLOCK_CENTRE_X, TITLE_BASELINE, SIZE);
                page.centred("CHỦ TỊCH", BLOCK_CENTRE_X, POSITION_BASELINE, SIZE);
                String name = decomposed ? Normalizer.normalize(NAME, Normalizer.Form.NFD) : NAME;
                page.centred(name, BLOCK_CENTRE_X, NAME_BASELINE, SIZE);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    /** Where the blanks of {@link #blankDecision()} are: the baseline of "Số:" and of the date line. */
    static final float HEADER_BASELINE = HEIGHT - 118;
    /** The blank after "Số:" runs from here to the "/" of the symbol. */
    static final float NUMBER_BLANK_LEFT = 70;
    static final float NUMBER_BLANK_RIGHT = 130;

    /**
     * A one-page decision as the leader signs it: "Số:" and the date line still blank for the
     * clerk to fill when issuing, the signature block at the foot of the same page.
     */
    static byte[] blankDecision() throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDFont font = AppearanceFont.embedSubset(document);
            try (Page page = new Page(document, font, false, false)) {
                page.centred("ỦY BAN NHÂN DÂN", 110, HEIGHT - 77, 12);
                page.centred("TỈNH CÀ MAU", 110, HEIGHT - 92, 12);
                page.left("Số:", NUMBER_BLANK_LEFT - font.getStringWidth("Số:") / 1000 * 12, HEADER_BASELINE, 12);
                page.left("/QĐ-UBND", NUMBER_BLANK_RIGHT, HEADER_BASELINE, 12);
                page.centred("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 400, HEIGHT - 77, 12);
                page.centred("Độc lập - Tự do - Hạnh phúc", 400, HEIGHT - 92, 13);
                page.left("Cà Mau, ngày", 300, HEADER_BASELINE, 12);
                page.left("tháng", 400, HEADER_BASELINE, 12);
                page.left("năm", 460, HEADER_BASELINE, 12);
                page.centred("QUYẾT ĐỊNH", WIDTH / 2, HEIGHT - 165, 14);
                page.left("Điều 1. Phê duyệt Kế hoạch chuyển đổi số năm 2026.", MARGIN_LEFT, HEIGHT - 250, 13);
                page.centred("TM. ỦY BAN NHÂN DÂN", BLOCK_CENTRE_X, TITLE_BASELINE, SIZE);
                page.centred("CHỦ TỊCH", BLOCK_CENTRE_X, POSITION_BASELINE, SIZE);
                page.centred(NAME, BLOCK_CENTRE_X, NAME_BASELINE, SIZE);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    /** Width of the signer's name as drawn, in points. */
    static float nameWidth() throws IOException {
        try (PDDocument document = new PDDocument()) {
            return AppearanceFont.embedSubset(document).getStringWidth(NAME) / 1000 * SIZE;
        }
    }

    /** One page whose content is drawn in the displayed frame, whatever its rotation and crop. */
    private static final class Page implements AutoCloseable {
        private final PDFont font;
        private final PDPageContentStream content;

        Page(PDDocument document, PDFont font, boolean rotated, boolean cropped) throws IOException {
            this.font = font;
            float inset = cropped ? CROP_INSET : 0;
            float w = rotated ? HEIGHT : WIDTH;
            float h = rotated ? WIDTH : HEIGHT;
            PDPage page = new PDPage(new PDRectangle(w + 2 * inset, h + 2 * inset));
            page.setCropBox(new PDRectangle(inset, inset, w, h));
            if (rotated) {
                page.setRotation(90);
            }
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            if (rotated) {
                // displayed (x, y) is user (inset + w - y, inset + x) under a clockwise quarter turn
                content.transform(new Matrix(0, 1, -1, 0, inset + w, inset));
            } else if (cropped) {
                content.transform(Matrix.getTranslateInstance(inset, inset));
            }
        }

        void left(String text, float x, float baseline, float size) throws IOException {
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, baseline);
            content.showText(text);
            content.endText();
        }

        void centred(String text, float centreX, float baseline, float size) throws IOException {
            left(text, centreX - font.getStringWidth(text) / 1000 * size / 2, baseline, size);
        }

        @Override
        public void close() throws IOException {
            content.close();
        }
    }
}
