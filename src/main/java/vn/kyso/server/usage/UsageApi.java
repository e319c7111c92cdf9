package vn.kyso.server.usage;

import java.io.IOException;
import java.security.Principal;
import java.net.URI;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.kyso.usage.ImportResult;
import vn.kyso.usage.IngestResult;
import vn.kyso.usage.RejectedObservation;
import vn.kyso.usage.UsageException;
import vn.kyso.usage.UsageReports;

/**
 * Feeding the usage module by hand (AUDITOR and ADMIN): certificates of other CAs (PEM, DER,
 * PKCS#7 or CSV) and signed PDFs (one, many, or zips of them) whose signatures become SEEN
 * events. Bad files are listed as skipped, with the reason; the rest is counted. Large batches
 * go to {@code /ingestions}: answered at once with a job whose status shows the progress.
 */
@RestController
@RequestMapping("/api/v1/usage")
@Tag(name = "usage")
class UsageApi {

    private final java.time.Clock clock;
    private final UsageReports usage;
    private final UsageProperties properties;
    private final IngestionJobs jobs;

    UsageApi(UsageReports usage, UsageProperties properties, IngestionJobs jobs, java.time.Clock clock) {
        this.clock = clock;
        this.usage = usage;
        this.properties = properties;
        this.jobs = jobs;
    }

    @PostMapping(path = "/certificates", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import certificates issued by other CAs into the usage inventory")
    ImportResult importCertificates(@RequestPart("file") MultipartFile file,
            @RequestParam(required = false) String unit, Principal who) throws IOException {
        // the inventory keeps the unit's code; the certificate's own dates tell which unit of that code it was
        String code = unit == null || unit.isBlank() ? null : usage.unit(unit.trim()).map(vn.kyso.usage.Unit::code)
                .orElseThrow(() -> new UsageException(UsageException.ErrorCode.UNKNOWN_UNIT, "no such unit"));
        return usage.importCertificates(file.getBytes(), code, who.getName());
    }

    @PostMapping(path = "/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Ingest signed PDFs or zips of them: each signature found is counted once")
    IngestResult ingest(@RequestPart("files") List<MultipartFile> files, Principal who) {
        try (StagedUpload upload = StagedUpload.of(files, properties.maxIngestFiles())) {
            return usage.ingest(upload.files(), null, who.getName());
        }
    }

    @PostMapping(path = "/ingestions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Start ingesting signed PDFs or zips in the background; answers 202 with the job's status")
    ResponseEntity<IngestionJobs.Status> startIngestion(@RequestPart("files") List<MultipartFile> files,
            Principal who) {
        IngestionJobs.Status status = jobs.start(StagedUpload.of(files, properties.maxIngestFiles()), who.getName());
        return ResponseEntity.accepted().location(URI.create("/api/v1/usage/ingestions/" + status.id())).body(status);
    }

    @GetMapping("/rejections")
    @Operation(summary = "Signatures ingested and not counted, with why (newest first): ingested in [from, to], "
            + "dates YYYY-MM-DD in Vietnam time, the last 90 days by default; at most limit (1 to 1000, 200 by default)")
    List<RejectedObservation> rejections(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(defaultValue = "200") int limit) {
        java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(UsageReports.VIETNAM));
        java.time.LocalDate first;
        java.time.LocalDate last;
        try {
            last = to == null || to.isBlank() ? today : java.time.LocalDate.parse(to.trim());
            first = from == null || from.isBlank() ? last.minusDays(90) : java.time.LocalDate.parse(from.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new UsageException(UsageException.ErrorCode.INVALID_REQUEST, "dates are YYYY-MM-DD");
        }
        if (limit < 1 || limit > 1000 || last.isBefore(first)) {
            throw new UsageException(UsageException.ErrorCode.INVALID_REQUEST, "limit 1 to 1000, from before to");
        }
        return usage.rejectedObservations(first.atStartOfDay(UsageReports.VIETNAM).toInstant(),
                last.plusDays(1).atStartOfDay(UsageReports.VIETNAM).toInstant(), limit);
    }

    @GetMapping("/ingestions/{id}")
    @Operation(summary = "An ingestion's progress: state, documents done of total, skipped so far, and the result")
    IngestionJobs.Status ingestion(@PathVariable String id) {
        return jobs.status(id);
    }
}
