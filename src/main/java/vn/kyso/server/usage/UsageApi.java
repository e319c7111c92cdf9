package vn.kyso.server.usage;

import java.io.IOException;
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

    private final UsageReports usage;
    private final UsageProperties properties;
    private final IngestionJobs jobs;

    UsageApi(UsageReports usage, UsageProperties properties, IngestionJobs jobs) {
        this.usage = usage;
        this.properties = properties;
        this.jobs = jobs;
    }

    @PostMapping(path = "/certificates", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import certificates issued by other CAs into the usage inventory")
    ImportResult importCertificates(@RequestPart("file") MultipartFile file,
            @RequestParam(required = false) String unit) throws IOException {
        if (unit != null && !unit.isBlank() && usage.unit(unit.trim()).isEmpty()) {
            throw new UsageException(UsageException.ErrorCode.UNKNOWN_UNIT, "no such unit");
        }
        return usage.importCertificates(file.getBytes(), unit == null || unit.isBlank() ? null : unit.trim());
    }

    @PostMapping(path = "/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Ingest signed PDFs or zips of them: each signature found is counted once")
    IngestResult ingest(@RequestPart("files") List<MultipartFile> files) {
        try (StagedUpload upload = StagedUpload.of(files, properties.maxIngestFiles())) {
            return usage.ingest(upload.files(), null);
        }
    }

    @PostMapping(path = "/ingestions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Start ingesting signed PDFs or zips in the background; answers 202 with the job's status")
    ResponseEntity<IngestionJobs.Status> startIngestion(@RequestPart("files") List<MultipartFile> files) {
        IngestionJobs.Status status = jobs.start(StagedUpload.of(files, properties.maxIngestFiles()));
        return ResponseEntity.accepted().location(URI.create("/api/v1/usage/ingestions/" + status.id())).body(status);
    }

    @GetMapping("/ingestions/{id}")
    @Operation(summary = "An ingestion's progress: state, documents done of total, skipped so far, and the result")
    IngestionJobs.Status ingestion(@PathVariable String id) {
        return jobs.status(id);
    }
}
