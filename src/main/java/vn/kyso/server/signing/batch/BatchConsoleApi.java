package vn.kyso.server.signing.batch;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import vn.kyso.server.security.KysoUser;

/**
 * The signing page's view of its batch jobs, with the console's session (the API's routes take
 * tokens and Basic only): the status JSON, the event stream its progress bar follows, the zip.
 */
@RestController
@RequestMapping("/sign/batches")
class BatchConsoleApi {

    private final BatchJobs jobs;

    BatchConsoleApi(BatchJobs jobs) {
        this.jobs = jobs;
    }

    @GetMapping(path = "/{id}")
    BatchView status(@AuthenticationPrincipal KysoUser user, @PathVariable String id) {
        return jobs.view(user, id);
    }

    @GetMapping(path = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(@AuthenticationPrincipal KysoUser user, @PathVariable String id) {
        return jobs.events(user, id);
    }

    @GetMapping("/{id}/result")
    ResponseEntity<StreamingResponseBody> result(@AuthenticationPrincipal KysoUser user, @PathVariable String id) {
        return BatchApi.zip(jobs.result(user, id));
    }
}
