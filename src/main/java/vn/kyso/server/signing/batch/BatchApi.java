package vn.kyso.server.signing.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.kyso.server.security.KysoUser;
import vn.kyso.server.signing.DocumentSigned.Channel;
import vn.kyso.server.signing.LayoutForm;
import vn.kyso.server.signing.SigningOrder;
import vn.kyso.server.signing.SigningStep;
import vn.kyso.server.signing.Upload;
import vn.kyso.signing.PadesLevel;

/**
 * Batch signing jobs over the API (role OFFICER): start one, follow it (status JSON or
 * server-sent events), download its signed documents. Only the owner sees a job.
 */
@RestController
@RequestMapping("/api/v1/signatures/batches")
@Tag(name = "signing")
class BatchApi {

    static final MediaType ZIP = MediaType.parseMediaType("application/zip");

    private final BatchJobs jobs;

    BatchApi(BatchJobs jobs) {
        this.jobs = jobs;
    }

    @Operation(summary = "Start a batch signing job (several `file` parts, one PIN); 202 with the job",
            description = "Same fields as POST /api/v1/signatures/batch. The PIN opens the key for this job only "
                    + "and is not stored. The answer names the job (Location); follow it with GET {id} or {id}/events.")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<BatchView> start(@AuthenticationPrincipal KysoUser user,
            @RequestParam("file") List<MultipartFile> files, @RequestParam("pin") String pin,
            @RequestParam(name = "certificate", required = false) String certificate,
            @RequestParam(name = "level", required = false) String level, @ModelAttribute LayoutForm layout) {
        BatchView job = jobs.start(user, Channel.API, order(SigningStep.SIGN, certificate, pin, level, layout),
                uploads(files));
        return ResponseEntity.accepted().location(URI.create("/api/v1/signatures/batches/" + job.id())).body(job);
    }

    @Operation(summary = "A batch job's status: total, done, signed, failed, and each document")
    @GetMapping("/{id}")
    BatchView status(@AuthenticationPrincipal KysoUser user, @PathVariable String id) {
        return jobs.view(user, id);
    }

    @Operation(summary = "A batch job's progress as server-sent events",
            description = "First the current state, then a `progress` event per document, then one `finished` "
                    + "event; each event's data is the status JSON. Reconnecting gives the current state again.")
    @GetMapping(path = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(@AuthenticationPrincipal KysoUser user, @PathVariable String id) {
        return jobs.events(user, id);
    }

    @Operation(summary = "The signed documents of a finished batch job, as a zip")
    @GetMapping("/{id}/result")
    ResponseEntity<StreamingResponseBody> result(@AuthenticationPrincipal KysoUser user, @PathVariable String id) {
        return zip(jobs.result(user, id));
    }

    static ResponseEntity<StreamingResponseBody> zip(StreamingResponseBody body) {
        return ResponseEntity.ok().contentType(ZIP)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("signed.zip").build().toString())
                .body(body);
    }

    static SigningOrder order(SigningStep step, String certificate, String pin, String level, LayoutForm layout) {
        PadesLevel padesLevel = level == null || level.isBlank() ? null : PadesLevel.parse(level);
        return new SigningOrder(step, certificate, pin.toCharArray(), padesLevel, layout.toLayout());
    }

    static List<Upload> uploads(List<MultipartFile> files) {
        return files.stream().filter(f -> !f.isEmpty()).map(f -> {
            try {
                return new Upload(f.getOriginalFilename(), f.getBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }
}
