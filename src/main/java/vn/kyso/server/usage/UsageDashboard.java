package vn.kyso.server.usage;

import java.util.Comparator;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import vn.kyso.usage.Language;
import vn.kyso.usage.Unit;
import vn.kyso.usage.UsageException;
import vn.kyso.usage.UsageReport;
import vn.kyso.usage.UsageReports;

/**
 * The auditor's dashboard (console, session login; AUDITOR and ADMIN): headline, filters, charts
 * drawn by ECharts (a WebJar served from the jar) from {@code /reports/usage.json}, the dormant
 * list, and export links. The console's JSON and exports are the API's, under the session. The
 * auditor drills down province → district → commune/agency ({@link DrillDown}, a breadcrumb and a
 * table of the level below) to a unit's certificates; the long lists (certificates, never used,
 * dormant, top users) come a page at a time ({@link Paged}).
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
            @RequestParam(required = false) String unit, @RequestParam(required = false) String kind,
            @RequestParam(required = false) Integer certificatesPage, @RequestParam(required = false) Integer neverUsedPage,
            @RequestParam(required = false) Integer dormantPage, @RequestParam(required = false) Integer topPage,
            Model model) {
        ReportQuery query = new ReportQuery(from, to, unit, kind);
        List<Unit> units = usage.units();
        Language language = ReportExports.language();
        try {
            UsageReport report = exports.report(query);
            DrillDown drill = DrillDown.of(report, units);
            model.addAttribute("report", ReportView.of(report, language, drill));
            model.addAttribute("drill", drill);
            model.addAttribute("numbers", ReportNumbers.of(language));
            model.addAttribute("certificates", Paged.of(report.certificates(), certificatesPage));
            model.addAttribute("neverUsed", Paged.of(report.neverUsed(), neverUsedPage));
            model.addAttribute("dormant", Paged.of(report.dormant(), dormantPage));
            model.addAttribute("topUsers", Paged.of(report.topUsers(), topPage));
            model.addAttribute("amendments", report.amendments());
            model.addAttribute("rejected", usage.rejectedObservations(
                    report.request().from().atStartOfDay(UsageReports.VIETNAM).toInstant(),
                    report.request().to().plusDays(1).atStartOfDay(UsageReports.VIETNAM).toInstant(), REJECTED_SHOWN));
            model.addAttribute("query", new ReportQuery(report.request().from().toString(),
                    report.request().to().toString(), unit == null ? "" : unit.trim(), kind == null ? "" : kind));
        } catch (ReportQuery.Invalid e) {
            // the rule broken in the user's words ("the start date is after the end date"), the form kept
            model.addAttribute("failure", e.reason().messageKey());
            model.addAttribute("query", new ReportQuery(from, to, unit, kind));
        } catch (UsageException e) {
            model.addAttribute("failure", "problem.usage." + e.code().name());
            model.addAttribute("query", new ReportQuery(from, to, unit, kind));
        }
        // the unit chosen stays selectable, a commune reached by drilling down included
        String chosen = unit == null ? "" : unit.trim();
        model.addAttribute("units", units.stream()
                .filter(u -> u.kind() != Unit.Kind.COMMUNE || u.key().equals(chosen))
                .sorted(Comparator.comparing(Unit::path)).toList());
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
