package vn.kyso.server.ca;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.kyso.ca.CaException;
import vn.kyso.ca.CertificateAuthority;
import vn.kyso.ca.CertificateKind;
import vn.kyso.ca.CertificateQuery;
import vn.kyso.ca.CertificateRecord;
import vn.kyso.ca.CertificateStatus;
import vn.kyso.ca.PublishedCrl;
import vn.kyso.server.approval.ApprovalApi;
import vn.kyso.server.approval.Approvals;
import vn.kyso.server.approval.IdentityAction;
import vn.kyso.server.security.KysoUser;

/** Certificates: issue, search, fetch, suspend, release, revoke, renew; and CRL publication. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "certificates")
class CertificateApi {

    private final CertificateAuthority ca;
    private final Approvals approvals;

    CertificateApi(CertificateAuthority ca, Approvals approvals) {
        this.ca = ca;
        this.approvals = approvals;
    }

    /** @param csr PEM ({@code -----BEGIN CERTIFICATE REQUEST-----}) or base64 DER */
    record CsrIssue(long subscriberId, String profile, String csr) {
    }

    /**
     * @param pin ignored, never stored, never logged: older clients send one, but the key's holder
     *            chooses the PIN in their own session (issue 13), so no PIN an admin types opens a key
     */
    record CustodyIssue(long subscriberId, String profile, String pin, Boolean allowExport) {
        @Override
        public String toString() {
            return "CustodyIssue[subscriberId=" + subscriberId + ", profile=" + profile + "]";
        }
    }

    record CustodyRekey(Boolean allowExport) {
    }

    record Revocation(String reason) {
    }

    record Rekey(String csr) {
    }

    record CrlView(long crlNumber, java.time.Instant thisUpdate, java.time.Instant nextUpdate) {
        static CrlView of(PublishedCrl crl) {
            return new CrlView(crl.crlNumber(), crl.thisUpdate(), crl.nextUpdate());
        }
    }

    @GetMapping("/certificates")
    @Operation(summary = "Search certificates by subscriber, status, kind and text (serial prefix, holder's name, CCCD/MST, unit)")
    List<CertificateView> search(@RequestParam(required = false) Long subscriberId,
            @RequestParam(required = false) CertificateStatus status, @RequestParam(required = false) CertificateKind kind,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "0") int offset) {
        return ca.certificates(new CertificateQuery(subscriberId, status, kind, q, limit, offset)).stream()
                .map(CertificateView::of).toList();
    }

    @GetMapping("/certificates/{serial}")
    CertificateView get(@PathVariable String serial) {
        return CertificateView.of(find(serial));
    }

    @GetMapping("/certificates/{serial}.pem")
    ResponseEntity<String> pem(@PathVariable String serial) {
        CertificateRecord record = find(serial);
        return ResponseEntity.ok().contentType(ProtocolEndpoints.PEM)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + record.serialHex() + ".pem\"")
                .body(Pem.certificate(record.der()));
    }

    @GetMapping("/certificates/{serial}.der")
    ResponseEntity<byte[]> der(@PathVariable String serial) {
        CertificateRecord record = find(serial);
        return ResponseEntity.ok().contentType(ProtocolEndpoints.PKIX_CERT)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + record.serialHex() + ".cer\"")
                .body(record.der());
    }

    @PostMapping("/certificates")
    @Operation(summary = "Issue a certificate from a PKCS#10 request (ADMIN); the key stays with the subscriber. "
            + "Under dual control: 202 with the request a second person approves (/api/v1/approvals)")
    ResponseEntity<?> issueFromCsr(@AuthenticationPrincipal KysoUser user, @RequestBody CsrIssue request) {
        return createdOrPending(approvals.issue(user,
                new IdentityAction.IssueFromCsr(request.subscriberId(), request.profile(), Pem.csr(request.csr()))));
    }

    @PostMapping("/certificates/custody")
    @Operation(summary = "Issue a certificate with a key generated and kept by kyso (ADMIN); no PIN: the holder "
            + "chooses it (PUT /api/v1/certificates/{serial}/pin, or the console's /sign/pin) before the key can be used",
            description = "A pin field, if sent, is ignored: it never opens the key.")
    ResponseEntity<?> issueWithCustody(@AuthenticationPrincipal KysoUser user, @RequestBody CustodyIssue request) {
        return createdOrPending(approvals.issue(user, new IdentityAction.IssueCustody(request.subscriberId(),
                request.profile(), Boolean.TRUE.equals(request.allowExport()))));
    }

    @PostMapping("/certificates/{serial}/suspend")
    @Operation(summary = "Suspend (certificateHold) (ADMIN)")
    CertificateView suspend(@AuthenticationPrincipal KysoUser user, @PathVariable String serial) {
        return CertificateView.of(ca.suspend(user.getUsername(), CertificateView.serial(serial)));
    }

    @PostMapping("/certificates/{serial}/release")
    @Operation(summary = "Release a suspended certificate (ADMIN)")
    CertificateView release(@AuthenticationPrincipal KysoUser user, @PathVariable String serial) {
        return CertificateView.of(ca.release(user.getUsername(), CertificateView.serial(serial)));
    }

    @PostMapping("/certificates/{serial}/revoke")
    @Operation(summary = "Revoke with an RFC 5280 reason: keyCompromise, affiliationChanged, superseded, "
            + "cessationOfOperation, privilegeWithdrawn, unspecified, or its code (ADMIN)")
    CertificateView revoke(@AuthenticationPrincipal KysoUser user, @PathVariable String serial,
            @RequestBody(required = false) Revocation revocation) {
        return CertificateView.of(ca.revoke(user.getUsername(), CertificateView.serial(serial),
                CertificateView.reason(revocation == null ? null : revocation.reason())));
    }

    @PostMapping("/certificates/{serial}/renew")
    @Operation(summary = "Renew: a new certificate for the same key; the old one is revoked as superseded (ADMIN)")
    ResponseEntity<CertificateView> renew(@AuthenticationPrincipal KysoUser user, @PathVariable String serial) {
        return created(ca.renew(user.getUsername(), CertificateView.serial(serial)));
    }

    @PostMapping("/certificates/{serial}/rekey")
    @Operation(summary = "Re-key from a new PKCS#10 request; the old certificate is revoked as superseded (ADMIN). "
            + "Under dual control: 202 with the request a second person approves")
    ResponseEntity<?> rekey(@AuthenticationPrincipal KysoUser user, @PathVariable String serial,
            @RequestBody Rekey request) {
        return createdOrPending(approvals.issue(user, new IdentityAction.RekeyFromCsr(
                CertificateView.serial(serial).toString(16), Pem.csr(request.csr()))));
    }

    @PostMapping("/certificates/{serial}/custody-rekey")
    @Operation(summary = "A new custody key and certificate for a forgotten PIN or a locked key; the old certificate "
            + "is revoked as superseded and the holder chooses the new key's PIN (ADMIN). There is no PIN reset.")
    ResponseEntity<CertificateView> custodyRekey(@AuthenticationPrincipal KysoUser user, @PathVariable String serial,
            @RequestBody(required = false) CustodyRekey request) {
        return created(ca.rekeyWithCustody(user.getUsername(), CertificateView.serial(serial),
                request != null && Boolean.TRUE.equals(request.allowExport())));
    }

    @GetMapping("/crl")
    @Operation(summary = "The latest CRL's number and dates (the CRL itself: /crl/issuing.crl)")
    ResponseEntity<CrlView> latestCrl() {
        return ca.latestCrl().map(CrlView::of).map(ResponseEntity::ok).orElse(ResponseEntity.notFound().build());
    }

    @PostMapping("/crl")
    @Operation(summary = "Publish a new CRL now (ADMIN)")
    CrlView publishCrl(@AuthenticationPrincipal KysoUser user) {
        return CrlView.of(ca.publishCrl(user.getUsername()));
    }

    private CertificateRecord find(String serial) {
        return ca.certificate(CertificateView.serial(serial))
                .orElseThrow(() -> new CaException(CaException.ErrorCode.UNKNOWN_CERTIFICATE, "no certificate " + serial));
    }

    private static ResponseEntity<?> createdOrPending(Approvals.Submitted<CertificateRecord> submitted) {
        return submitted.isPending() ? ApprovalApi.accepted(submitted.pending()) : created(submitted.done());
    }

    private static ResponseEntity<CertificateView> created(CertificateRecord record) {
        return ResponseEntity.created(URI.create("/api/v1/certificates/" + record.serialHex()))
                .body(CertificateView.of(record));
    }
}
