package vn.kyso.server.usage;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import vn.kyso.usage.Language;
import vn.kyso.usage.UsageReport;
import vn.kyso.usage.UsageReports;

/**
 * Answers a report request in the format asked (JSON, CSV, XLSX or signed PDF), for the API and
 * the dashboard alike, in the request's language.
 */
@Component
class ReportExports {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final UsageReports usage;
    private final ReportSigner signer;

    ReportExports(UsageReports usage, ReportSigner signer) {
        this.usage = usage;
        this.signer = signer;
    }

    static Language language() {
        return "en".equals(LocaleContextHolder.getLocale().getLanguage()) ? Language.EN : Language.VI;
    }

    /** Where {@code report} sits in the unit tree. */
    DrillDown drill(UsageReport report) {
        return DrillDown.of(report, usage.units());
    }

    UsageReport report(ReportQuery query) {
        return usage.report(query.toRequest(usage), language());
    }

    ResponseEntity<?> answer(ReportQuery query, String format) {
        String f = format == null || format.isBlank() ? "json" : format.trim().toLowerCase(Locale.ROOT);
        if (!f.equals("json") && !f.equals("csv") && !f.equals("xlsx") && !f.equals("pdf")) {
            throw ReportQuery.invalid(ReportQuery.Reason.FORMAT, "format must be json, csv, xlsx or pdf");
        }
        Language language = language();
        UsageReport report = report(query);
        if (f.equals("json")) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                    .body(ReportView.of(report, language, drill(report)));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MediaType type;
        switch (f) {
            case "csv" -> {
                usage.exportCsv(report, language, out);
                type = new MediaType("text", "csv", StandardCharsets.UTF_8);
            }
            case "xlsx" -> {
                usage.exportXlsx(report, language, out);
                type = XLSX;
            }
            default -> {
                out.writeBytes(signer.sign(ReportPdf.render(report, drill(report), language), language == Language.EN
                        ? "Certificate usage report" : "Báo cáo sử dụng chứng thư số"));
                type = MediaType.APPLICATION_PDF;
            }
        }
        // the file's name in the reader's language too, naming the unit drilled into
        String name = (language == Language.EN ? "kyso-usage-" : "kyso-bao-cao-su-dung-")
                + (report.unit() == null ? "" : report.unit().key() + "-") + report.request().from() + "-"
                + report.request().to() + "." + f;
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(out.toByteArray());
    }
}
