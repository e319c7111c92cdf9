package vn.kyso.server.usage;

import static vn.kyso.server.pdf.ReportDocument.MARGIN;
import static vn.kyso.server.pdf.ReportDocument.WIDTH;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDPageContentStream;

import vn.kyso.server.pdf.ReportDocument;
import vn.kyso.server.usage.PdfTable.Column;
import vn.kyso.usage.CertificateKind;
import vn.kyso.usage.Language;
import vn.kyso.usage.UsageReport;
import vn.kyso.usage.UsageReport.Breakdown;
import vn.kyso.usage.UsageReport.CertificateUsage;

/**
 * Draws a usage report as a PDF with PDFBox: headline, policy, a bar chart of the regular-use rate
 * of the level below the unit (districts for the province, a district's communes and agencies),
 * highest first, the monthly trend, then tables ({@link PdfTable}: headers on every page, long
 * names wrapped) of every row: the level below, the agencies, the unit's certificates when the
 * auditor drilled into a unit, the dormant, never-used and top-user certificates. A list longer
 * than {@link #MAX_ROWS} says how many rows it leaves out and which export holds them. Numbers
 * and dates as the language writes them. The result is unsigned: {@link ReportSigner} signs it.
 */
final class ReportPdf {

    /** The most rows one certificate list prints; the rest are named and left to the XLSX export. */
    static final int MAX_ROWS = 2000;
    private static final Color BAR = new Color(0x2f, 0x6f, 0xb5);
    private static final float SIZE = 8;

    private final Language language;
    private final ReportNumbers numbers;
    private final int maxRows;
    private ReportDocument doc;

    private ReportPdf(Language language, int maxRows) {
        this.language = language;
        this.numbers = ReportNumbers.of(language);
        this.maxRows = maxRows;
    }

    static byte[] render(UsageReport report, DrillDown drill, Language language) {
        return render(report, drill, language, MAX_ROWS);
    }

    /** As {@link #render(UsageReport, DrillDown, Language)}, printing at most {@code maxRows} of a certificate list. */
    static byte[] render(UsageReport report, DrillDown drill, Language language, int maxRows) {
        return new ReportPdf(language, maxRows).draw(report, drill);
    }

    private byte[] draw(UsageReport report, DrillDown drill) {
        try (ReportDocument document = new ReportDocument(t("Báo cáo sử dụng chứng thư số", "Certificate usage report"))) {
            doc = document;
            doc.paragraph(t("BÁO CÁO SỬ DỤNG CHỮ KÝ SỐ", "DIGITAL SIGNATURE USAGE REPORT"), 16);
            doc.paragraph(t("Kỳ báo cáo: ", "Period: ") + date(report.request().from()) + " – "
                    + date(report.request().to()) + " · "
                    + (report.unit() == null ? t("Toàn tỉnh", "Whole province") : report.unit().name())
                    + (report.request().kind() == null ? "" : " · " + kind(report.request().kind())), 10);
            doc.down(6);
            doc.paragraph(report.headline(language), 14);
            doc.paragraph(report.policyStatement(), 9);
            UsageReport.Summary s = report.summary();
            doc.paragraph(t("Thường xuyên ", "Regular ") + numbers.count(s.regular()) + " · "
                    + t("Không thường xuyên ", "Occasional ") + numbers.count(s.occasional()) + " · "
                    + t("Không hoạt động ", "Dormant ") + numbers.count(s.dormant()) + " · "
                    + t("Chưa sử dụng ", "Never used ") + numbers.count(s.neverUsed()) + " · "
                    + t("Chữ ký ", "Signatures ") + numbers.count(s.signatures()), 10);
            doc.down(10);
            boolean province = report.unit() == null || "PROVINCE".equals(drill.level());
            List<Breakdown> below = province ? report.byDistrict() : drill.children();
            String belowTitle = province ? t("Theo huyện", "By district") : t("Theo xã, cơ quan", "By commune and agency");
            barChart(province ? t("Tỷ lệ sử dụng thường xuyên theo huyện", "Regular-use rate by district")
                    : t("Tỷ lệ sử dụng thường xuyên theo xã, cơ quan", "Regular-use rate by commune and agency"),
                    province ? t("Huyện", "District") : t("Xã, cơ quan", "Commune, agency"), below);
            lineChart(t("Số chữ ký theo tháng", "Signatures by month"), report.trend());
            breakdown(belowTitle, below);
            if (province) {
                breakdown(t("Theo cơ quan", "By agency"), report.byAgency());
            }
            if (report.unit() != null) {
                certificates(t("Chứng thư số của đơn vị", "The unit's certificates"), report.certificates(),
                        t("Chứng thư số", "Certificates"));
            }
            certificates(t("Chứng thư số không hoạt động (cần theo dõi)", "Dormant certificates (follow up)"),
                    report.dormant(), t("Không hoạt động", "Dormant"));
            certificates(t("Chứng thư số chưa sử dụng", "Never-used certificates"), report.neverUsed(),
                    t("Chưa sử dụng", "Never used"));
            certificates(t("Dùng nhiều nhất", "Top users"), report.topUsers(), t("Dùng nhiều nhất", "Top users"));
            if (report.unit() == null) {
                doc.down(6);
                doc.paragraph(t("Danh sách đầy đủ " + numbers.count(report.certificates().size())
                        + " chứng thư số và số liệu theo xã: tệp XLSX của báo cáo này, trang tính \"Chứng thư số\" và \"Theo xã\".",
                        "The full list of " + numbers.count(report.certificates().size())
                        + " certificates and the figures by commune: this report's XLSX export, sheets \"Certificates\" and \"By commune\"."), 9);
            }
            return doc.toBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot draw the PDF report", e);
        }
    }

    private String t(String vi, String en) {
        return language == Language.EN ? en : vi;
    }

    private String date(LocalDate d) {
        return d == null ? "" : language == Language.EN ? d.toString() : d.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    }

    private String kind(CertificateKind k) {
        return switch (k) {
            case AGENCY -> t("Cơ quan, tổ chức", "Agency");
            case PERSONAL -> t("Cá nhân", "Personal");
            case UNKNOWN -> t("Chưa xác định", "Unknown");
        };
    }

    private String usageClass(CertificateUsage c) {
        return switch (c.usageClass()) {
            case REGULAR -> t("Thường xuyên", "Regular");
            case OCCASIONAL -> t("Không thường xuyên", "Occasional");
            case DORMANT -> t("Không hoạt động", "Dormant");
            case NEVER_USED -> t("Chưa sử dụng", "Never used");
        };
    }

    /** Bars of the regular-use rate, highest first, values and names written under each bar, both axes titled. */
    private void barChart(String title, String axis, List<Breakdown> unsorted) throws IOException {
        if (unsorted.isEmpty()) {
            return;
        }
        List<Breakdown> rows = new ArrayList<>(unsorted);
        rows.sort(Comparator.comparing((Breakdown b) -> b.summary().regularRate()).reversed()
                .thenComparing(Breakdown::name));
        doc.room(230);
        doc.paragraph(title, 11);
        doc.label(t("Tỷ lệ (%)", "Rate (%)"), MARGIN, doc.y() - 6, 7);
        float height = 120;
        float left = MARGIN + 24;
        float width = WIDTH - 24;
        float slot = width / rows.size();
        float base = doc.y() - 10 - height;
        PDPageContentStream page = doc.page();
        page.setStrokingColor(Color.GRAY);
        page.moveTo(left, base);
        page.lineTo(left + width, base);
        page.moveTo(left, base);
        page.lineTo(left, base + height);
        page.stroke();
        for (int tick = 0; tick <= 100; tick += 50) {
            doc.label(numbers.count(tick), MARGIN + 8, base + height * tick / 100f - 2, 6);
        }
        float labelSize = 5;
        for (int i = 0; i < rows.size(); i++) {
            float rate = rows.get(i).summary().regularRate().floatValue();
            float x = left + i * slot + slot * 0.15f;
            doc.box(BAR, x, base, slot * 0.7f, height * rate / 100f);
            doc.label(numbers.rate(rows.get(i).summary().regularRate()), x, base + height * rate / 100f + 2, 5);
            List<String> name = doc.lines(rows.get(i).name(), slot - 2, labelSize);
            for (int l = 0; l < Math.min(3, name.size()); l++) {
                doc.label(name.get(l), left + i * slot + 1, base - 7 - l * (labelSize + 1), labelSize);
            }
        }
        doc.label(axis, left + width / 2 - doc.width(axis, 7) / 2, base - 30, 7);
        doc.y(base - 40);
    }

    private void lineChart(String title, List<UsageReport.MonthTrend> trend) throws IOException {
        if (trend.isEmpty()) {
            return;
        }
        doc.room(190);
        doc.paragraph(title, 11);
        doc.label(t("Số chữ ký", "Signatures"), MARGIN, doc.y() - 6, 7);
        float height = 100;
        float base = doc.y() - 10 - height;
        long max = Math.max(1, trend.stream().mapToLong(UsageReport.MonthTrend::signatures).max().orElse(1));
        float step = trend.size() > 1 ? (WIDTH - 20) / (trend.size() - 1) : 0;
        float left = MARGIN + 10;
        PDPageContentStream page = doc.page();
        page.setStrokingColor(Color.GRAY);
        page.moveTo(left, base);
        page.lineTo(left + WIDTH - 20, base);
        page.stroke();
        page.setStrokingColor(BAR);
        for (int i = 0; i < trend.size(); i++) {
            float x = left + i * step;
            float py = base + height * trend.get(i).signatures() / max;
            if (i == 0) {
                page.moveTo(x, py);
            } else {
                page.lineTo(x, py);
            }
        }
        page.stroke();
        page.setStrokingColor(Color.BLACK);
        for (int i = 0; i < trend.size(); i++) {
            float x = left + i * step;
            var month = trend.get(i).month();
            String label = language == Language.EN ? month.toString() : String.format("%02d/%d", month.getMonthValue(), month.getYear());
            doc.label(label, x - 10, base - 9, 5);
            doc.label(numbers.count(trend.get(i).signatures()), x - 4,
                    base + height * trend.get(i).signatures() / max + 3, 6);
        }
        String axis = t("Tháng", "Month");
        doc.label(axis, MARGIN + WIDTH / 2 - doc.width(axis, 7) / 2, base - 20, 7);
        doc.y(base - 30);
    }

    /** Every row of a breakdown, highest regular-use rate first. */
    private void breakdown(String title, List<Breakdown> unsorted) throws IOException {
        if (unsorted.isEmpty()) {
            return;
        }
        List<Breakdown> rows = new ArrayList<>(unsorted);
        rows.sort(Comparator.comparing((Breakdown b) -> b.summary().regularRate()).reversed()
                .thenComparing(Breakdown::name));
        doc.down(6);
        doc.room(60);
        doc.paragraph(title + " (" + numbers.count(rows.size()) + ")", 11);
        PdfTable table = new PdfTable(doc, SIZE, List.of(new Column(t("Đơn vị", "Unit"), 170, false),
                new Column(t("Số chứng thư", "Certificates"), 50, true),
                new Column(t("Thường xuyên", "Regular"), 50, true),
                new Column(t("Tỷ lệ thường xuyên", "Regular rate"), 55, true),
                new Column(t("Không hoạt động", "Dormant"), 55, true),
                new Column(t("Chưa sử dụng", "Never used"), 55, true),
                new Column(t("Số chữ ký", "Signatures"), 60, true))).begin();
        for (Breakdown b : rows) {
            UsageReport.Summary s = b.summary();
            table.row(List.of(b.name(), numbers.count(s.certificates()), numbers.count(s.regular()),
                    numbers.rate(s.regularRate()), numbers.count(s.dormant()), numbers.count(s.neverUsed()),
                    numbers.count(s.signatures())));
        }
    }

    /** Every certificate of a list up to {@code maxRows}; beyond, how many are left out and where they are. */
    private void certificates(String title, List<CertificateUsage> list, String sheet) throws IOException {
        if (list.isEmpty()) {
            return;
        }
        doc.down(6);
        doc.room(60);
        doc.paragraph(title + " (" + numbers.count(list.size()) + ")", 11);
        PdfTable table = new PdfTable(doc, SIZE, List.of(new Column(t("Chủ chứng thư", "Holder"), 115, false),
                new Column(t("Đơn vị", "Unit"), 115, false), new Column(t("Loại", "Kind"), 50, false),
                new Column(t("Phân loại", "Class"), 55, false), new Column(t("Số chữ ký", "Signatures"), 40, true),
                new Column(t("Tháng hoạt động", "Active months"), 45, true),
                new Column(t("Lần dùng cuối", "Last use"), 55, false))).begin();
        for (CertificateUsage c : list.subList(0, Math.min(list.size(), maxRows))) {
            table.row(List.of(c.owner() == null ? "" : c.owner(), c.unitName() == null ? "" : c.unitName(),
                    c.kind() == null ? "" : kind(c.kind()), usageClass(c), numbers.count(c.signatures()),
                    numbers.count(c.activeMonths()) + "/" + numbers.count(c.validMonths()), date(c.lastUse())));
        }
        if (list.size() > maxRows) {
            doc.down(4);
            doc.paragraph(t("Còn " + numbers.count(list.size() - maxRows) + " dòng không in ở đây: xem tệp XLSX của báo cáo này, trang tính \""
                    + sheet + "\" (hoặc tệp CSV).", numbers.count(list.size() - maxRows)
                    + " more rows are not printed here: see this report's XLSX export, sheet \"" + sheet
                    + "\" (or the CSV export)."), 9);
        }
    }
}
