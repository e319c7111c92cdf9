package vn.kyso.usage.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import vn.kyso.usage.Language;
import vn.kyso.usage.UsageReport;
import vn.kyso.usage.UsageReport.CertificateUsage;

/**
 * The report as CSV: one row per certificate, preceded by '#' comment lines carrying the
 * headline, the period, the unit and the policy (a CSV reader with comment marker '#' skips
 * them). UTF-8 with a byte-order mark, so spreadsheet programs show Vietnamese correctly.
 */
public final class CsvExport {

    /** The format written: RFC 4180 with '#' comments; read it back with the same format. */
    public static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setCommentMarker('#').get();

    private CsvExport() {
    }

    public static void write(UsageReport report, Language language, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        CSVPrinter csv = new CSVPrinter(writer, FORMAT);
        csv.printComment(report.headline(language));
        csv.printComment(Labels.period(language) + ": " + Labels.date(report.request().from(), language) + " – "
                + Labels.date(report.request().to(), language));
        csv.printComment(Labels.unit(language) + ": "
                + (report.unit() == null ? "*" : report.unit().key() + " " + report.unit().name()));
        csv.printComment(Labels.policy(language) + ": " + report.policyStatement());
        csv.printRecord(Labels.certificateHeader(language));
        for (CertificateUsage row : report.certificates()) {
            csv.printRecord(Labels.certificateRow(row, language));
        }
        csv.flush();
    }
}
