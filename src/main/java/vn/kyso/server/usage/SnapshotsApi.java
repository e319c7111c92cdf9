package vn.kyso.server.usage;

import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import vn.kyso.usage.Amendment;
import vn.kyso.usage.Language;
import vn.kyso.usage.ReportRequest;
import vn.kyso.usage.ReportSnapshot;
import vn.kyso.usage.UsageException;
import vn.kyso.usage.UsageReports;

/**
 * Closed periods' reports frozen as signed snapshots (issue 14, docs/usage.md "Snapshots"): the
 * snapshot with its verification, the amendments beside it, its CSV and its detached signature.
 */
@RestController
@RequestMapping("/api/v1/reports/usage")
class SnapshotsApi {

    private final UsageReports usage;

    SnapshotsApi(UsageReports usage) {
        this.usage = usage;
    }

    /**
     * A snapshot as the API shows it.
     *
     * @param verified   whether its signature verifies over its content with a certificate of kyso
     * @param signer     the signer's subject when verified
     * @param amendments later evidence dated in the period, with who added it and when
     */
    record SnapshotView(long id, LocalDate from, LocalDate to, String unit, String kind, String units,
            String headline, String sha256, Instant takenAt, String takenBy, boolean verified, String signer,
            String csv, String signature, List<Amendment> amendments) {
    }

    @GetMapping("/snapshot")
    @Operation(summary = "The signed snapshot of a closed period's report (taken on first request); 409 while open")
    SnapshotView snapshot(@RequestParam String from, @RequestParam String to,
            @RequestParam(required = false) String unit, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String units, Principal who) {
        ReportRequest request = new ReportQuery(from, to, unit, kind, units).toRequest(usage);
        return view(usage.snapshot(request, who.getName()), request);
    }

    @GetMapping("/snapshots/{id}")
    @Operation(summary = "A report snapshot by its number, verified, with the amendments beside it")
    SnapshotView byId(@PathVariable long id) {
        ReportSnapshot s = find(id);
        return view(s, request(s));
    }

    @GetMapping("/snapshots/{id}/report.csv")
    @Operation(summary = "The snapshot's content: the report's CSV exactly as signed")
    ResponseEntity<byte[]> csv(@PathVariable long id) {
        ReportSnapshot s = find(id);
        return file(s.content(), "text/csv;charset=UTF-8", "snapshot-" + id + ".csv");
    }

    @GetMapping("/snapshots/{id}/report.csv.p7s")
    @Operation(summary = "The snapshot's detached CMS signature over report.csv")
    ResponseEntity<byte[]> signature(@PathVariable long id) {
        ReportSnapshot s = find(id);
        return file(s.signature(), "application/pkcs7-signature", "snapshot-" + id + ".csv.p7s");
    }

    private ReportSnapshot find(long id) {
        return usage.snapshot(id).orElseThrow(() -> new UsageException(UsageException.ErrorCode.UNKNOWN_SNAPSHOT,
                "no snapshot " + id));
    }

    private static ReportRequest request(ReportSnapshot s) {
        return ReportRequest.of(s.from(), s.to()).withUnit(s.unitKey()).withKind(s.kind())
                .withTodaysUnits(s.todaysUnits());
    }

    private SnapshotView view(ReportSnapshot s, ReportRequest request) {
        String signer = usage.verifySnapshot(s).orElse(null);
        List<Amendment> amendments = usage.report(request, Language.VI).amendments();
        return new SnapshotView(s.id(), s.from(), s.to(), s.unitKey(), s.kind() == null ? null : s.kind().name(),
                s.todaysUnits() ? "today" : "issued", s.headline(), s.contentSha256(), s.takenAt(), s.takenBy(),
                signer != null, signer, "/api/v1/reports/usage/snapshots/" + s.id() + "/report.csv",
                "/api/v1/reports/usage/snapshots/" + s.id() + "/report.csv.p7s", amendments);
    }

    private static ResponseEntity<byte[]> file(byte[] body, String type, String name) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(type))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }
}
