package vn.kyso.server.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import vn.kyso.usage.CertificateKind;
import vn.kyso.usage.CertificateRef;
import vn.kyso.usage.CertificateStatus;
import vn.kyso.usage.Language;
import vn.kyso.usage.ReportRequest;
import vn.kyso.usage.Unit;
import vn.kyso.usage.UsageClass;
import vn.kyso.usage.UsageReport;
import vn.kyso.usage.UsageReport.Breakdown;
import vn.kyso.usage.UsageReport.CertificateUsage;
import vn.kyso.usage.UsageReport.Summary;

/** The PDF report's tables read back with PDFBox's text extraction: headers, wrapping, every row, numbers. */
class ReportPdfTest {

    private static final String LONG_NAME = "Trung tâm Phát triển Quỹ đất và Dịch vụ Công ích Đô thị huyện Thới Bình";
    private static final Unit PROVINCE = new Unit("CM", "CM", "Tỉnh Cà Mau", Unit.Kind.PROVINCE, null, "/CM/", java.time.LocalDate.of(2018, 1, 1), null);
    private static final Unit DISTRICT = new Unit("964", "964", "Huyện Thới Bình", Unit.Kind.DISTRICT, "CM", "/CM/964/", java.time.LocalDate.of(2018, 1, 1), null);

    @Test
    void everyPageOfADormantListCarriesTheColumnHeadersAndEveryRowIsPrinted() throws IOException {
        UsageReport report = report(dormant(120));

        List<String> pages = pages(ReportPdf.render(report, DrillDown.of(report, List.of(PROVINCE, DISTRICT)), Language.VI));

        assertThat(pages.size()).isGreaterThan(2);
        int withRows = 0;
        for (int i = 0; i < pages.size(); i++) {
            if (pages.get(i).contains("Cán bộ số ")) {
                withRows++;
                assertThat(pages.get(i)).as("page " + (i + 1)).contains("Chủ chứng thư").contains("Phân loại")
                        .contains("Lần dùng cuối");
            }
        }
        assertThat(withRows).isGreaterThan(1);
        String all = String.join("\n", pages);
        for (int n = 1; n <= 120; n++) {
            assertThat(all).contains("Cán bộ số " + n + " ");
        }
        assertThat(all).doesNotContain("dòng không in").contains("(120)");
    }

    @Test
    void aListLongerThanThePrintedRowsSaysHowManyAreLeftOutAndWhere() throws IOException {
        UsageReport report = report(dormant(30));

        String vi = String.join("\n", pages(ReportPdf.render(report, DrillDown.of(report, List.of(PROVINCE)), Language.VI, 25)));
        String en = String.join("\n", pages(ReportPdf.render(report, DrillDown.of(report, List.of(PROVINCE)), Language.EN, 25)));

        assertThat(vi).contains("Còn 5 dòng không in ở đây: xem tệp XLSX của báo cáo này, trang tính \"Không hoạt động\"");
        assertThat(vi).contains("Cán bộ số 25 ").doesNotContain("Cán bộ số 26 ");
        assertThat(en).contains("5 more rows are not printed here: see this report's XLSX export, sheet \"Dormant\"");
    }

    @Test
    void aLongUnitNameWrapsInsideItsColumnInsteadOfRunningOverTheNumbers() throws IOException {
        UsageReport report = report(dormant(3));

        String text = String.join("\n", pages(ReportPdf.render(report, DrillDown.of(report, List.of(PROVINCE)), Language.VI)));

        List<String> nameLines = text.lines().filter(l -> l.contains("Trung tâm Phát triển")).toList();
        assertThat(nameLines).isNotEmpty();
        for (String line : nameLines) {
            // the name's end went to a line of its own, and its first line still ends in the row's numbers
            assertThat(line).doesNotContain("Thới Bình");
        }
        assertThat(text).contains("Thới Bình");
    }

    @Test
    void numbersAndTitlesFollowTheLanguageNeverEnumCodes() throws IOException {
        UsageReport report = report(dormant(2));

        String vi = String.join("\n", pages(ReportPdf.render(report, DrillDown.of(report, List.of(PROVINCE)), Language.VI)));
        String en = String.join("\n", pages(ReportPdf.render(report, DrillDown.of(report, List.of(PROVINCE)), Language.EN)));

        assertThat(vi).contains("1.234").contains("33,33%").contains("Không hoạt động").contains("Cá nhân")
                .doesNotContain("1,234").doesNotContain("33.33%").doesNotContain("DORMANT").doesNotContain("PERSONAL");
        assertThat(en).contains("1,234").contains("33.33%").contains("Dormant").contains("Personal")
                .doesNotContain("1.234").doesNotContain("33,33%").doesNotContain("DORMANT");
        // the chart's axes are titled
        assertThat(vi).contains("Tỷ lệ (%)").contains("Huyện").contains("Tháng").contains("01/2025");
        assertThat(en).contains("Rate (%)").contains("District").contains("Month");
    }

    private static List<CertificateUsage> dormant(int count) {
        List<CertificateUsage> rows = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            rows.add(new CertificateUsage(new CertificateRef("CN=Test CA", Integer.toHexString(n)), null,
                    "Cán bộ số " + n + " Nguyễn Văn", null, "964", n == 1 ? LONG_NAME : "UBND xã " + n,
                    CertificateKind.PERSONAL, CertificateStatus.ACTIVE, n == 2 ? 1234 : 0, 0,
                    LocalDate.of(2025, 6, 1), UsageClass.DORMANT, 12, 6));
        }
        return rows;
    }

    private static UsageReport report(List<CertificateUsage> dormant) {
        ReportRequest request = ReportRequest.of(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
        Summary summary = Summary.of(1, 0, 2, 0, 1234);
        List<Breakdown> districts = List.of(new Breakdown("964", DISTRICT.name(), summary));
        return new UsageReport(request, null, Instant.EPOCH, 12, 6, "Chính sách", summary, List.of(), List.of(),
                districts, List.of(), dormant, dormant, List.of(),
                List.of(new UsageReport.MonthTrend(java.time.YearMonth.of(2025, 1), 1234, 1),
                        new UsageReport.MonthTrend(java.time.YearMonth.of(2025, 2), 0, 0)),
                List.of(), List.of());
    }

    private static List<String> pages(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<String> pages = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            for (int p = 1; p <= document.getNumberOfPages(); p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                pages.add(stripper.getText(document));
            }
            return pages;
        }
    }
}
