package vn.kyso.server.ca;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.kyso.ca.AuditEntry;
import vn.kyso.ca.AuditVerification;
import vn.kyso.ca.CaException;
import vn.kyso.ca.CertificateAuthority;

/** The CA's hash-chained audit log (ADMIN and AUDITOR read it; nobody writes it through the API). */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "audit")
class AuditApi {

    private final CertificateAuthority ca;

    AuditApi(CertificateAuthority ca) {
        this.ca = ca;
    }

    @GetMapping
    @Operation(summary = "Entries after a sequence number, oldest first")
    List<AuditEntry> entries(@RequestParam(defaultValue = "0") long after, @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000 || after < 0) {
            throw new CaException(CaException.ErrorCode.INVALID_REQUEST, "limit must be 1..1000, after not negative");
        }
        return ca.auditLog(after, limit);
    }

    @GetMapping("/verification")
    @Operation(summary = "Walk the hash chain; names the first broken entry if any")
    AuditVerification verify() {
        return ca.verifyAuditChain();
    }
}
