package vn.kyso.server.usage;

import static vn.kyso.server.pdf.ReportDocument.MARGIN;
import static vn.kyso.server.pdf.ReportDocument.WIDTH;
import static vn.kyso.server.pdf.ReportDocument.shorten;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDPageContentStream;

import vn.kyso.server.pdf.ReportDocument;
import vn.kyso.usage.Language;
import vn.kyso.usage.UsageReport;

/**
 * Draws a usage report as a PDF with PDFBox: headline, policy, a bar chart of the regular-use rate
 * by district, the monthly trend as a line chart, and tables (districts, agencies, dormant
 * certificates), on the service's {@link ReportDocument} (Liberation Serif, for Vietnamese).
 * The result is unsigned: {@link ReportSigner} signs it.
 */
final class ReportPdf {

    private static final Color BAR = new Color(0x2f, 0x6f, 0xb5);
    private static final int MAX_ROWS = 40;
    private static final float[] COLUMNS = { 0, 230, 285, 345, 395, 445 };

    private final Language language;
    private ReportDocument doc;

    private ReportPdf(Language language) {
        this.language = language;
    }

    static byte[] render(UsageReport report, Language language) {
        return new ReportPdf(language).draw(report);
    }

    private byte[] draw(UsageReport report) {
        try (ReportDocument document = new ReportDocument(t("Báo cáo sử dụng chứng thư số", "Certificate usage report"))) {
            doc = document;
            doc.paragraph(t("BÁO CÁO SỬ DỤNG CHỮ KÝ SỐ", "DIGITAL SIGNATURE USAGE REPORT"), 16);
            doc.paragraph(t("Kỳ báo cáo: ", "Period: ") + report.request().from() + " – " + report.request().to()
                    + (report.unit() == null ? "" : " · " + report.unit().name())
                    + (report.request().kind() == null ? "" : " · " + report.request().kind().name()), 10);
            doc.down(6);
            doc.paragraph(report.headline(language), 14);
            doc.paragraph(report.policyStatement(), 9);
            UsageReport.Summary s = report.summary();
            doc.paragraph(t("Thường xuyên ", "Regular ") + s.regular() + " · " + t("Thỉnh thoảng ", "Occasional ")
                    + s.occasional() + " · " + t("Không hoạt động ", "Dormant ") + s.dormant() + " · "
                    + t("Chưa sử dụng ", "Never used ") + s.neverUsed() + " · " + t("Chữ ký ", "Signatures ")
                    + s.signatures(), 10);
            doc.down(10);
            barChart(t("Tỷ lệ sử dụng thường xuyên theo huyện (%)", "Regular-use rate by district (%)"), report.byDistrict());
            lineChart(t("Số chữ ký theo tháng", "Signatures by month"), report.trend());
            table(t("Theo huyện", "By district"), report.byDistrict());
            table(t("Theo cơ quan", "By agency"), report.byAgency());
            dormant(report.dormant());
            return doc.toBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot draw the PDF report", e);
        }
    }

    private String t(String vi, String en) {
        return language == Language.EN ? en : vi;
    }

    private void barChart(String title, List<UsageReport.Breakdown> rows) throws IOException {
        if (rows.isEmpty()) {
            return;
        }
        doc.room(200);
        doc.paragraph(title, 11);
        float height = 120;
        float slot = WIDTH / rows.size();
        float base = doc.y() - height;
        PDPageContentStream page = doc.page();
        page.setStrokingColor(Color.GRAY);
        page.moveTo(MARGIN, base);
        page.lineTo(MARGIN + WIDTH, base);
        page.stroke();
        for (int i = 0; i < rows.size(); i++) {
            float rate = rows.get(i).summary().regularRate().floatValue();
            float x = MARGIN + i * slot + slot * 0.15f;
            doc.box(BAR, x, base, slot * 0.7f, height * rate / 100f);
            doc.label(rows.get(i).summary().regularRate().toPlainString(), x, base + height * rate / 100f + 2, 6);
            doc.label(shorten(rows.get(i).name(), 14), x, base - 9, 5);
        }
        doc.y(base - 20);
    }

    private void lineChart(String title, List<UsageReport.MonthTrend> trend) throws IOException {
        if (trend.isEmpty()) {
            return;
        }
        doc.room(180);
        doc.paragraph(title, 11);
        float height = 100;
        float base = doc.y() - height;
        long max = Math.max(1, trend.stream().mapToLong(UsageReport.MonthTrend::signatures).max().orElse(1));
        float step = trend.size() > 1 ? WIDTH / (trend.size() - 1) : 0;
        PDPageContentStream page = doc.page();
        page.setStrokingColor(Color.GRAY);
        page.moveTo(MARGIN, base);
        page.lineTo(MARGIN + WIDTH, base);
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
            doc.label(trend.get(i).month().toString(), x - 10, base - 9, 5);
            doc.label(Long.toString(trend.get(i).signatures()), x - 4,
                    base + height * trend.get(i).signatures() / max + 3, 6);
        }
        doc.y(base - 20);
    }

    private void table(String title, List<UsageReport.Breakdown> rows) throws IOException {
        if (rows.isEmpty()) {
            return;
        }
        doc.down(6);
        doc.paragraph(title, 11);
        doc.row(9, COLUMNS, t("Đơn vị", "Unit"), t("Số CTS", "Certs"), t("Thường xuyên", "Regular"),
                t("Tỷ lệ %", "Rate %"), t("Không HĐ", "Dormant"), t("Chưa dùng", "Never"));
        for (UsageReport.Breakdown b : rows.subList(0, Math.min(rows.size(), MAX_ROWS))) {
            UsageReport.Summary s = b.summary();
            doc.row(8, COLUMNS, shorten(b.name(), 48), s.certificates(), s.regular(), s.regularRate().toPlainString(),
                    s.dormant(), s.neverUsed());
        }
    }

    private void dormant(List<UsageReport.CertificateUsage> list) throws IOException {
        if (list.isEmpty()) {
            return;
        }
        doc.down(6);
        doc.paragraph(t("Chứng thư số không hoạt động (cần theo dõi)", "Dormant certificates (follow up)") + ": "
                + list.size(), 11);
        for (UsageReport.CertificateUsage c : list.subList(0, Math.min(list.size(), MAX_ROWS))) {
            doc.row(8, COLUMNS, shorten(c.owner(), 40), shorten(c.unitName(), 30), c.signatures(), c.activeMonths(),
                    c.lastUse() == null ? "" : c.lastUse(), shorten(c.contact(), 30));
        }
    }
}
