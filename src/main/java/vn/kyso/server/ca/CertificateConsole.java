package vn.kyso.server.ca;

import java.util.Arrays;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.kyso.ca.CaException;
import vn.kyso.ca.CertificateAuthority;
import vn.kyso.ca.CertificateKind;
import vn.kyso.ca.CertificateProfile;
import vn.kyso.ca.CertificateQuery;
import vn.kyso.ca.CertificateRecord;
import vn.kyso.ca.CertificateStatus;
import vn.kyso.ca.RevocationReason;
import vn.kyso.server.approval.Approvals;
import vn.kyso.server.approval.IdentityAction;
import vn.kyso.server.security.KysoUser;

/** Admin console: certificates with filters, issuance, suspend / release / revoke with a reason. */
@Controller
@RequestMapping("/admin/certificates")
class CertificateConsole {

    static final int PAGE = 50;
    /** Reasons an admin may pick; certificateHold is "suspend", removeFromCRL is not a revocation. */
    static final List<RevocationReason> REASONS = Arrays.stream(RevocationReason.values())
            .filter(r -> r != RevocationReason.CERTIFICATE_HOLD && r != RevocationReason.REMOVE_FROM_CRL
                    && r != RevocationReason.CA_COMPROMISE && r != RevocationReason.AA_COMPROMISE)
            .toList();

    private final CertificateAuthority ca;
    private final CertificateApi certificateApi;
    private final Approvals approvals;

    CertificateConsole(CertificateAuthority ca, CertificateApi certificateApi, Approvals approvals) {
        this.ca = ca;
        this.certificateApi = certificateApi;
        this.approvals = approvals;
    }

    @GetMapping
    String list(@RequestParam(required = false) CertificateStatus status,
            @RequestParam(required = false) CertificateKind kind, @RequestParam(required = false) Long subscriberId,
            @RequestParam(defaultValue = "0") int offset, Model model) {
        int from = Math.max(0, offset);
        List<CertificateView> page = ca.certificates(new CertificateQuery(subscriberId, status, kind, PAGE + 1, from))
                .stream().map(CertificateView::of).toList();
        model.addAttribute("certificates", page.size() > PAGE ? page.subList(0, PAGE) : page);
        model.addAttribute("hasMore", page.size() > PAGE);
        model.addAttribute("offset", from);
        model.addAttribute("page", PAGE);
        model.addAttribute("status", status);
        model.addAttribute("kind", kind);
        model.addAttribute("subscriberId", subscriberId);
        model.addAttribute("statuses", CertificateStatus.values());
        model.addAttribute("kinds", CertificateKind.values());
        model.addAttribute("reasons", REASONS);
        model.addAttribute("expiring", ca.expiringCertificates().stream().map(CertificateView::of).toList());
        return "admin/certificates";
    }

    /** The certificate file for a browser session (the API's own URLs take tokens, not the console's login). */
    @GetMapping("/{serial}.pem")
    org.springframework.http.ResponseEntity<String> pem(@PathVariable String serial) {
        return certificateApi.pem(serial);
    }

    @GetMapping("/{serial}.der")
    org.springframework.http.ResponseEntity<byte[]> der(@PathVariable String serial) {
        return certificateApi.der(serial);
    }

    @GetMapping("/issue")
    String issueForm(@RequestParam(required = false) Long subscriberId, Model model) {
        model.addAttribute("subscribers", ca.subscribers(null, null).stream()
                .map(DirectoryApi.SubscriberView::of).toList());
        model.addAttribute("profiles", CertificateProfile.values());
        model.addAttribute("subscriberId", subscriberId);
        return "admin/issue";
    }

    @PostMapping("/issue")
    String issue(@AuthenticationPrincipal KysoUser user, @RequestParam long subscriberId, @RequestParam String profile,
            @RequestParam String method, @RequestParam(required = false) String csr,
            @RequestParam(defaultValue = "false") boolean allowExport, RedirectAttributes redirect) {
        try {
            // issue 13: under dual control the issuance waits for a second person (/approvals)
            Approvals.Submitted<CertificateRecord> submitted = approvals.issue(user, "custody".equals(method)
                    ? new IdentityAction.IssueCustody(subscriberId, profile, allowExport)
                    : new IdentityAction.IssueFromCsr(subscriberId, profile, Pem.csr(csr)));
            if (submitted.isPending()) {
                ConsoleMessages.done(redirect, "approval.waiting", submitted.pending().id());
            } else {
                ConsoleMessages.done(redirect, "ca.issued", submitted.done().serialHex());
            }
            return "redirect:/admin/certificates?subscriberId=" + subscriberId;
        } catch (CaException e) {
            ConsoleMessages.failed(redirect, e);
            return "redirect:/admin/certificates/issue?subscriberId=" + subscriberId;
        }
    }

    @PostMapping("/{serial}/suspend")
    String suspend(@AuthenticationPrincipal KysoUser user, @PathVariable String serial, RedirectAttributes redirect) {
        return change(redirect, serial, "ca.suspended", () -> ca.suspend(user.getUsername(), CertificateView.serial(serial)));
    }

    @PostMapping("/{serial}/release")
    String release(@AuthenticationPrincipal KysoUser user, @PathVariable String serial, RedirectAttributes redirect) {
        return change(redirect, serial, "ca.released", () -> ca.release(user.getUsername(), CertificateView.serial(serial)));
    }

    @PostMapping("/{serial}/revoke")
    String revoke(@AuthenticationPrincipal KysoUser user, @PathVariable String serial, @RequestParam String reason,
            RedirectAttributes redirect) {
        return change(redirect, serial, "ca.revoked", () -> ca.revoke(user.getUsername(), CertificateView.serial(serial),
                CertificateView.reason(reason)));
    }

    @PostMapping("/{serial}/renew")
    String renew(@AuthenticationPrincipal KysoUser user, @PathVariable String serial, RedirectAttributes redirect) {
        return change(redirect, serial, "ca.renewed", () -> ca.renew(user.getUsername(), CertificateView.serial(serial)));
    }

    private static String change(RedirectAttributes redirect, String serial, String doneKey,
            java.util.function.Supplier<CertificateRecord> action) {
        try {
            action.get();
            ConsoleMessages.done(redirect, doneKey, serial);
        } catch (CaException e) {
            ConsoleMessages.failed(redirect, e);
        }
        return "redirect:/admin/certificates";
    }
}
