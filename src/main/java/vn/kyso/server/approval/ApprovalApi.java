package vn.kyso.server.approval;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.kyso.server.security.KysoUser;

/**
 * Identity requests over the API (ADMIN, REGISTRAR; SecurityConfiguration). What answers 202 with
 * one of these is done when a second person approves it here.
 */
@RestController
@RequestMapping("/api/v1/approvals")
@Tag(name = "approvals", description = "Second-person approval of certificates, account links and approving roles")
public class ApprovalApi {

    private final Approvals approvals;

    ApprovalApi(Approvals approvals) {
        this.approvals = approvals;
    }

    /** The answer of a change that waits for a second person: 202, the request, and where it is. */
    public static <T> ResponseEntity<Object> accepted(ApprovalRequest pending) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/v1/approvals/" + pending.id()))
                .body(pending);
    }

    @GetMapping
    @Operation(summary = "Requests waiting for approval, or (decided=true) the latest decided ones (ADMIN, REGISTRAR)")
    List<ApprovalRequest> list(@RequestParam(defaultValue = "false") boolean decided) {
        return decided ? approvals.decided(Approvals.LIST_LIMIT) : approvals.pending();
    }

    @GetMapping("/{id}")
    ApprovalRequest one(@PathVariable long id) {
        return approvals.get(id);
    }

    @PostMapping("/{id}/approve")
    @Operation(summary = "Approve another person's request (ADMIN, or REGISTRAR for an admin's request); the change "
            + "is made at once. Your own request, or one in your name: 403 OWN_REQUEST")
    ApprovalRequest approve(@AuthenticationPrincipal KysoUser user, @PathVariable long id) {
        return approvals.approve(user, id);
    }

    @PostMapping("/{id}/reject")
    @Operation(summary = "Refuse a request; nothing changes (ADMIN, REGISTRAR)")
    ApprovalRequest reject(@AuthenticationPrincipal KysoUser user, @PathVariable long id) {
        return approvals.reject(user, id);
    }
}
