package vn.kyso.server.usage;

import java.util.Comparator;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import vn.kyso.usage.Unit;
import vn.kyso.usage.UsageException;
import vn.kyso.usage.UsageReport;
import vn.kyso.usage.UsageReports;

/**
 * The auditor's dashboard (console, session login; AUDITOR and ADMIN): headline, filters, charts
 * drawn by ECharts (a WebJar served from the jar) from {@code /reports/usage.json}, the dormant
 * list, and export links. The console's JSON and exports are the API's, under the session.
 */
@Controller
class UsageDashboard {

    /** The newest rejected observations the dashboard lists; the API gives more. */
    static final int REJECTED_SHOWN = 50;

    private final UsageReports usage;
    private final ReportExports exports;

    UsageDashboard(UsageReports usage, ReportExports exports) {
        this.usage = usage;
        this.exports = exports;
    }

    @GetMapping("/reports")
    String dashboard(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String unit, @RequestParam(required = false) String kind, Model model) {
        ReportQuery query = new ReportQuery(from, to, unit, kind);
        model.addAttribute("units", usage.units().stream().filter(u -> u.kind() != Unit.Kind.COMMUNE)
                .sorted(Comparator.comparing(Unit::path)).toList());
        try {
            UsageReport report = exports.report(query);
            model.addAttribute("report", ReportView.of(report, ReportExports.language()));
            model.addAttribute("amendments", report.amendments());
            model.addAttribute("rejected", usage.rejectedObservations(
                    report.request().from().atStartOfDay(UsageReports.VIETNAM).toInstant(),
                    report.request().to().plusDays(1).atStartOfDay(UsageReports.VIETNAM).toInstant(), REJECTED_SHOWN));
            model.addAttribute("query", new ReportQuery(report.request().from().toString(),
                    report.request().to().toString(), unit == null ? "" : unit, kind == null ? "" : kind));
        } catch (UsageException e) {
            model.addAttribute("failure", "problem.usage." + e.code().name());
            model.addAttribute("query", new ReportQuery(from, to, unit, kind));
        }
        return "reports/usage";
    }

    @GetMapping("/reports/usage.json")
    @ResponseBody
    ResponseEntity<?> json(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String unit, @RequestParam(required = false) String kind) {
        return exports.answer(new ReportQuery(from, to, unit, kind), "json");
    }

    @GetMapping("/reports/usage/export")
    @ResponseBody
    ResponseEntity<?> export(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String unit, @RequestParam(required = false) String kind,
            @RequestParam String format) {
        return exports.answer(new ReportQuery(from, to, unit, kind), format);
    }
}
