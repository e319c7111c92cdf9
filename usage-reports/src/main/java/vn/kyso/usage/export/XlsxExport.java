package vn.kyso.usage.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import vn.kyso.usage.Language;
import vn.kyso.usage.UsageReport;
import vn.kyso.usage.UsageReport.Breakdown;
import vn.kyso.usage.UsageReport.CertificateUsage;
import vn.kyso.usage.UsageReport.MonthTrend;
import vn.kyso.usage.UsageReport.Summary;

/**
 * The report as an XLSX workbook, one sheet per part: Summary (headline, period, unit, policy,
 * the counts), By kind, By agency, By district, By commune, Certificates, Dormant, Never used,
 * Trend, Top users. Sheet names, titles and values follow the language ({@link #sheets}).
 */
public final class XlsxExport {

    /** The sheets' names in {@code language}, in the workbook's order. */
    public static List<String> sheets(Language language) {
        return Labels.sheets(language);
    }

    private XlsxExport() {
    }

    public static void write(UsageReport report, Language language, OutputStream out) throws IOException {
        List<String> sheets = Labels.sheets(language);
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet summary = book.createSheet(sheets.get(0));
            row(summary, 0, List.of(report.headline(language)));
            row(summary, 1, List.of(Labels.period(language), Labels.date(report.request().from(), language),
                    Labels.date(report.request().to(), language)));
            row(summary, 2, List.of(Labels.unit(language),
                    Labels.scope(report.unit(), language)));
            row(summary, 3, List.of(Labels.policy(language), report.policyStatement()));
            row(summary, 5, Labels.summaryHeader(language));
            row(summary, 6, summaryRow(report.unit() == null ? "" : report.unit().code(),
                    report.unit() == null ? Labels.scope(null, language) : report.unit().name(), report.summary()));
            breakdown(book.createSheet(sheets.get(1)), language, report.byKind().stream()
                    .map(b -> new Breakdown(Labels.kind(b.key(), language), Labels.kind(b.key(), language), b.summary()))
                    .toList());
            breakdown(book.createSheet(sheets.get(2)), language, report.byAgency());
            breakdown(book.createSheet(sheets.get(3)), language, report.byDistrict());
            breakdown(book.createSheet(sheets.get(4)), language, report.byCommune());
            certificates(book.createSheet(sheets.get(5)), language, report.certificates());
            certificates(book.createSheet(sheets.get(6)), language, report.dormant());
            certificates(book.createSheet(sheets.get(7)), language, report.neverUsed());
            Sheet trend = book.createSheet(sheets.get(8));
            row(trend, 0, Labels.trendHeader(language));
            int r = 1;
            for (MonthTrend m : report.trend()) {
                row(trend, r++, List.of(m.month().toString(), m.signatures(), m.activeCertificates()));
            }
            certificates(book.createSheet(sheets.get(9)), language, report.topUsers());
            book.write(out);
        }
    }

    private static void breakdown(Sheet sheet, Language language, List<Breakdown> rows) {
        row(sheet, 0, Labels.summaryHeader(language));
        int r = 1;
        for (Breakdown b : rows) {
            row(sheet, r++, summaryRow(b.key(), b.name(), b.summary()));
        }
    }

    private static List<Object> summaryRow(String key, String name, Summary s) {
        return List.of(key, name, s.certificates(), s.regular(), s.occasional(), s.dormant(), s.neverUsed(),
                s.regularRate(), s.signatures());
    }

    private static void certificates(Sheet sheet, Language language, List<CertificateUsage> rows) {
        row(sheet, 0, Labels.certificateHeader(language));
        int r = 1;
        for (CertificateUsage c : rows) {
            row(sheet, r++, Labels.certificateRow(c, language));
        }
    }

    private static void row(Sheet sheet, int index, List<?> values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            if (v == null) {
                continue;
            }
            Cell cell = row.createCell(i);
            if (v instanceof Number n) {
                cell.setCellValue(n.doubleValue());
            } else {
                cell.setCellValue(Labels.inert(v.toString()));
            }
        }
    }
}
