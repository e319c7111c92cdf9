package vn.kyso.server.usage;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import vn.kyso.usage.Language;
import vn.kyso.usage.UsageReport;

/**
 * Draws a usage report as a PDF with PDFBox: headline, policy, a bar chart of the regular-use rate
 * by district, the monthly trend as a line chart, and tables (districts, agencies, dormant
 * certificates). The text uses the Liberation Serif font signing-core ships, for Vietnamese.
 * The result is unsigned: {@link ReportSigner} signs it.
 */
final class ReportPdf {

    private static final String FONT = "/vn/kyso/signing/appearance/fonts/LiberationSerif-Regular.ttf";
    private static final float MARGIN = 50;
    private static final Color BAR = new Color(0x2f, 0x6f, 0xb5);
    private static final int MAX_ROWS = 40;

    private final Language language;
    private PDDocument document;
    private PDType0Font font;
    private PDPageContentStream page;
    private float y;

    private ReportPdf(Language language) {
        this.language = language;
    }

    static byte[] render(UsageReport report, Language language) {
        return new ReportPdf(language).draw(report);
    }

    private byte[] draw(UsageReport report) {
        try (PDDocument doc = new PDDocument(); InputStream fontFile = ReportPdf.class.getResourceAsStream(FONT)) {
            document = doc;
            font = PDType0Font.load(doc, fontFile, true);
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(t("Báo cáo sử dụng chứng thư số", "Certificate usage report"));
            info.setCreator("kyso");
            newPage();
            text(t("BÁO CÁO SỬ DỤNG CHỮ KÝ SỐ", "DIGITAL SIGNATURE USAGE REPORT"), 16);
            text(t("Kỳ báo cáo: ", "Period: ") + report.request().from() + " – " + report.request().to()
                    + (report.unit() == null ? "" : " · " + report.unit().name())
                    + (report.request().kind() == null ? "" : " · " + report.request().kind().name()), 10);
            y -= 6;
            text(report.headline(language), 14);
            text(report.policyStatement(), 9);
            UsageReport.Summary s = report.summary();
            text(t("Thường xuyên ", "Regular ") + s.regular() + " · " + t("Thỉnh thoảng ", "Occasional ") + s.occasional()
                    + " · " + t("Không hoạt động ", "Dormant ") + s.dormant() + " · " + t("Chưa sử dụng ", "Never used ")
                    + s.neverUsed() + " · " + t("Chữ ký ", "Signatures ") + s.signatures(), 10);
            y -= 10;
            barChart(t("Tỷ lệ sử dụng thường xuyên theo huyện (%)", "Regular-use rate by district (%)"), report.byDistrict());
            lineChart(t("Số chữ ký theo tháng", "Signatures by month"), report.trend());
            table(t("Theo huyện", "By district"), report.byDistrict());
            table(t("Theo cơ quan", "By agency"), report.byAgency());
            dormant(report.dormant());
            page.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot draw the PDF report", e);
        }
    }

    private String t(String vi, String en) {
        return language == Language.EN ? en : vi;
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

    private void room(float needed) throws IOException {
        if (y - needed < MARGIN) {
            newPage();
        }
    }

    /** A paragraph, wrapped at the page's width. */
    private void text(String s, float size) throws IOException {
        float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        StringBuilder line = new StringBuilder();
        for (String word : (s == null ? "" : s).split(" ")) {
            String longer = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && font.getStringWidth(longer) / 1000 * size > width) {
                text(line.toString(), MARGIN, size);
                y -= size + 4;
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(longer);
            }
        }
        text(line.toString(), MARGIN, size);
        y -= size + 6;
    }

    private void text(String s, float x, float size) throws IOException {
        room(size + 6);
        page.beginText();
        page.setFont(font, size);
        page.newLineAtOffset(x, y - size);
        page.showText(s == null ? "" : s);
        page.endText();
    }

    private void barChart(String title, List<UsageReport.Breakdown> rows) throws IOException {
        if (rows.isEmpty()) {
            return;
        }
        room(200);
        text(title, 11);
        float height = 120;
        float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        float slot = width / rows.size();
        float base = y - height;
        page.setStrokingColor(Color.GRAY);
        page.moveTo(MARGIN, base);
        page.lineTo(MARGIN + width, base);
        page.stroke();
        for (int i = 0; i < rows.size(); i++) {
            float rate = rows.get(i).summary().regularRate().floatValue();
            float x = MARGIN + i * slot + slot * 0.15f;
            page.setNonStrokingColor(BAR);
            page.addRect(x, base, slot * 0.7f, height * rate / 100f);
            page.fill();
            page.setNonStrokingColor(Color.BLACK);
            label(rows.get(i).summary().regularRate().toPlainString(), x, base + height * rate / 100f + 2, 6);
            label(shorten(rows.get(i).name(), 14), x, base - 9, 5);
        }
        y = base - 20;
    }

    private void lineChart(String title, List<UsageReport.MonthTrend> trend) throws IOException {
        if (trend.isEmpty()) {
            return;
        }
        room(180);
        text(title, 11);
        float height = 100;
        float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        float base = y - height;
        long max = Math.max(1, trend.stream().mapToLong(UsageReport.MonthTrend::signatures).max().orElse(1));
        float step = trend.size() > 1 ? width / (trend.size() - 1) : 0;
        page.setStrokingColor(Color.GRAY);
        page.moveTo(MARGIN, base);
        page.lineTo(MARGIN + width, base);
        page.stroke();
        page.setStrokingColor(BAR);
        for (int i = 0; i < trend.size(); i++) {
            float x = MARGIN + i * step;
            float py = base + height * trend.get(i).signatures() / max;
            if (i == 0) {
                page.moveTo(x, py);
            } else {
                page.lineTo(x, py);
            }
        }
        page.stroke();
        page.setNonStrokingColor(Color.BLACK);
        for (int i = 0; i < trend.size(); i++) {
            float x = MARGIN + i * step;
            label(trend.get(i).month().toString(), x - 10, base - 9, 5);
            label(Long.toString(trend.get(i).signatures()), x - 4, base + height * trend.get(i).signatures() / max + 3, 6);
        }
        y = base - 20;
    }

    private void label(String s, float x, float baseline, float size) throws IOException {
        page.beginText();
        page.setFont(font, size);
        page.newLineAtOffset(x, baseline);
        page.showText(s);
        page.endText();
    }

    private void table(String title, List<UsageReport.Breakdown> rows) throws IOException {
        if (rows.isEmpty()) {
            return;
        }
        y -= 6;
        text(title, 11);
        row(9, t("Đơn vị", "Unit"), t("Số CTS", "Certs"), t("Thường xuyên", "Regular"), t("Tỷ lệ %", "Rate %"),
                t("Không HĐ", "Dormant"), t("Chưa dùng", "Never"));
        for (UsageReport.Breakdown b : rows.subList(0, Math.min(rows.size(), MAX_ROWS))) {
            UsageReport.Summary s = b.summary();
            row(8, shorten(b.name(), 48), s.certificates(), s.regular(), s.regularRate().toPlainString(), s.dormant(),
                    s.neverUsed());
        }
    }

    private void dormant(List<UsageReport.CertificateUsage> list) throws IOException {
        if (list.isEmpty()) {
            return;
        }
        y -= 6;
        text(t("Chứng thư số không hoạt động (cần theo dõi)", "Dormant certificates (follow up)") + ": " + list.size(), 11);
        for (UsageReport.CertificateUsage c : list.subList(0, Math.min(list.size(), MAX_ROWS))) {
            row(8, shorten(c.owner(), 40), shorten(c.unitName(), 30), c.signatures(), c.activeMonths(),
                    c.lastUse() == null ? "" : c.lastUse(), shorten(c.contact(), 30));
        }
    }

    private static final float[] COLUMNS = { 0, 230, 285, 345, 395, 445 };

    private void row(float size, Object... cells) throws IOException {
        room(size + 4);
        for (int i = 0; i < cells.length && i < COLUMNS.length; i++) {
            label(String.valueOf(cells[i]), MARGIN + COLUMNS[i], y - size, size);
        }
        y -= size + 4;
    }

    private static String shorten(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
