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
import vn.kyso.ca.CertificateRecord;
import vn.kyso.ca.CertificateStatus;
import vn.kyso.ca.ResultPage;
import vn.kyso.ca.RevocationReason;
import vn.kyso.server.approval.Approvals;
import vn.kyso.server.approval.IdentityAction;
import vn.kyso.server.security.KysoUser;

/** Admin console: certificates with filters, issuance, suspend / release / revoke with a reason. */
@Controller
@RequestMapping("/admin/certificates")
class CertificateConsole {

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
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) CertificateStatus status,
            @RequestParam(required = false) CertificateKind kind, @RequestParam(required = false) Long subscriberId,
            @RequestParam(defaultValue = "0") int offset, Model model) {
        CertificateFilter filter = new CertificateFilter(q, status, kind, subscriberId, offset);
        ResultPage<CertificateRecord> page = ca.findCertificates(filter.query());
        model.addAttribute("certificates", CertificateRow.of(page.items(), ca));
        model.addAttribute("result", page);
        model.addAttribute("filter", filter);
        model.addAttribute("holder", subscriberId == null ? null : holder(subscriberId));
        model.addAttribute("statuses", CertificateStatus.values());
        model.addAttribute("kinds", CertificateKind.values());
        model.addAttribute("expiring", ca.expiringCertificates().stream().map(CertificateView::of).toList());
        return "admin/certificates";
    }

    private DirectoryApi.SubscriberView holder(long subscriberId) {
        try {
            return DirectoryApi.SubscriberView.of(ca.subscriber(subscriberId));
        } catch (CaException e) {
            return null;
        }
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

    /**
     * The issuing form for one person, chosen by a search (name, CCCD/MST, unit) on this page or
     * from the subscribers page: never a drop-down of every subscriber.
     */
    @GetMapping("/issue")
    String issueForm(@RequestParam(required = false) Long subscriberId, @RequestParam(required = false) String q,
            Model model) {
        model.addAttribute("profiles", CertificateProfile.values());
        model.addAttribute("subscriberId", subscriberId);
        model.addAttribute("q", q);
        if (subscriberId != null) {
            model.addAttribute("holder", holder(subscriberId));
        } else if (q != null && !q.isBlank()) {
            model.addAttribute("matches", SubscriberFilter.picks(ca, q));
        }
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
    String suspend(@AuthenticationPrincipal KysoUser user, @PathVariable String serial, CertificateFilterForm back,
            RedirectAttributes redirect) {
        return change(redirect, serial, back, "ca.suspended",
                () -> ca.suspend(user.getUsername(), CertificateView.serial(serial)));
    }

    @PostMapping("/{serial}/release")
    String release(@AuthenticationPrincipal KysoUser user, @PathVariable String serial, CertificateFilterForm back,
            RedirectAttributes redirect) {
        return change(redirect, serial, back, "ca.released",
                () -> ca.release(user.getUsername(), CertificateView.serial(serial)));
    }

    @PostMapping("/{serial}/revoke")
    String revoke(@AuthenticationPrincipal KysoUser user, @PathVariable String serial, @RequestParam String reason,
            CertificateFilterForm back, RedirectAttributes redirect) {
        return change(redirect, serial, back, "ca.revoked", () -> ca.revoke(user.getUsername(),
                CertificateView.serial(serial), CertificateView.reason(reason)));
    }

    @PostMapping("/{serial}/renew")
    String renew(@AuthenticationPrincipal KysoUser user, @PathVariable String serial, CertificateFilterForm back,
            RedirectAttributes redirect) {
        return change(redirect, serial, back, "ca.renewed",
                () -> ca.renew(user.getUsername(), CertificateView.serial(serial)));
    }

    /** Does the change and returns to the list as the admin left it, with a message naming the holder. */
    private String change(RedirectAttributes redirect, String serial, CertificateFilterForm back, String doneKey,
            java.util.function.Supplier<CertificateRecord> action) {
        try {
            CertificateRecord changed = action.get();
            CertificateRow row = CertificateRow.of(changed, ca);
            if (row.holder() == null) {
                ConsoleMessages.done(redirect, doneKey, serial);
            } else {
                ConsoleMessages.done(redirect, doneKey + "Of", serial, row.holder().name());
            }
        } catch (CaException e) {
            ConsoleMessages.failed(redirect, e);
        }
        return "redirect:" + back.filter().listUrl();
    }

    /** The list's filter as the confirmation and action forms send it back (hidden fields). */
    record CertificateFilterForm(String q, String status, String kind, String subscriberId, String offset) {

        /** Values that do not parse are dropped: the worst a bad field does is widen the list. */
        CertificateFilter filter() {
            return new CertificateFilter(q, parse(CertificateStatus.class, status), parse(CertificateKind.class, kind),
                    number(subscriberId), number(offset) == null ? 0 : (int) Math.min(Integer.MAX_VALUE, number(offset)));
        }

        private static <E extends Enum<E>> E parse(Class<E> type, String value) {
            try {
                return value == null || value.isBlank() ? null : Enum.valueOf(type, value.strip());
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        private static Long number(String value) {
            return value != null && value.strip().matches("\\d{1,18}") ? Long.valueOf(value.strip()) : null;
        }
    }
}
