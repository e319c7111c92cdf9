package vn.kyso.server.usage;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Usage reports for auditors (AUDITOR and ADMIN): JSON, or CSV, XLSX and kyso-signed PDF exports. */
@RestController
@RequestMapping("/api/v1/reports")
@Tag(name = "reports")
class ReportsApi {

    private final ReportExports exports;

    ReportsApi(ReportExports exports) {
        this.exports = exports;
    }

    @GetMapping("/usage")
    @Operation(summary = "Regular use of certificates over a period (default: the last 12 full months)")
    ResponseEntity<?> usage(
            @Parameter(description = "first day, YYYY-MM-DD") @RequestParam(required = false) String from,
            @Parameter(description = "last day, YYYY-MM-DD") @RequestParam(required = false) String to,
            @Parameter(description = "unit key: a code (its latest unit) or code@validFrom (an earlier unit whose"
                    + " code was reused); the report covers its subtree") @RequestParam(required = false) String unit,
            @Parameter(description = "AGENCY or PERSONAL") @RequestParam(required = false) String kind,
            @Parameter(description = "json (default), csv, xlsx or pdf (signed by kyso)")
            @RequestParam(required = false) String format,
            @Parameter(description = "issued (default): each certificate under its unit when it was issued;"
                    + " today: rolled up into today's units") @RequestParam(required = false) String units) {
        return exports.answer(new ReportQuery(from, to, unit, kind, units), format);
    }
}
