package vn.kyso.server.approval;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.kyso.ca.CaException;
import vn.kyso.ca.CertificateAuthority;
import vn.kyso.server.security.AccountException;
import vn.kyso.server.security.Accounts;
import vn.kyso.server.security.KysoUser;

/** The console's approval page (ADMIN, REGISTRAR): requests of others to approve or refuse, and the latest decided. */
@Controller
@RequestMapping("/approvals")
class ApprovalConsole {

    private final Approvals approvals;
    private final CertificateAuthority ca;
    private final Accounts accounts;

    ApprovalConsole(Approvals approvals, CertificateAuthority ca, Accounts accounts) {
        this.approvals = approvals;
        this.ca = ca;
        this.accounts = accounts;
    }

    /**
     * A request as the page shows it: whom it concerns by name, and whether this viewer may decide.
     *
     * @param concerns the subscriber's name, or the account's user name
     */
    record Row(ApprovalRequest request, String concerns, boolean mayApprove, String requestedAt) {
    }

    /** The province's time, as every console page writes it. */
    private static final java.time.format.DateTimeFormatter AT = java.time.format.DateTimeFormatter
            .ofPattern("dd/MM/yyyy HH:mm").withZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));

    @GetMapping
    String page(@AuthenticationPrincipal KysoUser user, Model model) {
        model.addAttribute("enabled", approvals.enabled());
        model.addAttribute("pending", rows(user, approvals.pending()));
        model.addAttribute("decided", rows(user, approvals.decided(50)));
        return "approval/approvals";
    }

    @PostMapping("/{id}/approve")
    String approve(@AuthenticationPrincipal KysoUser user, @PathVariable long id, RedirectAttributes redirect) {
        return decide(redirect, id, "approval.approved", () -> approvals.approve(user, id));
    }

    @PostMapping("/{id}/reject")
    String reject(@AuthenticationPrincipal KysoUser user, @PathVariable long id, RedirectAttributes redirect) {
        return decide(redirect, id, "approval.rejected", () -> approvals.reject(user, id));
    }

    private static String decide(RedirectAttributes redirect, long id, String doneKey, Runnable decision) {
        try {
            decision.run();
            redirect.addFlashAttribute("notice", doneKey);
            redirect.addFlashAttribute("noticeArgs", new Object[] {id});
        } catch (AccountException e) {
            redirect.addFlashAttribute("failure", "problem.account." + e.code().name());
        } catch (CaException e) {
            redirect.addFlashAttribute("failure", "problem.ca." + e.code().name());
        }
        return "redirect:/approvals";
    }

    private List<Row> rows(KysoUser user, List<ApprovalRequest> requests) {
        return requests.stream().map(r -> new Row(r, concerns(r), approvals.mayApprove(user, r), AT.format(r.requestedAt()))).toList();
    }

    private String concerns(ApprovalRequest r) {
        try {
            if (r.subscriberId() != null) {
                return ca.subscriber(r.subscriberId()).displayName();
            }
            if (r.serial() != null) {
                return ca.certificate(new java.math.BigInteger(r.serial(), 16))
                        .map(c -> ca.subscriber(c.subscriberId()).displayName() + " (" + r.serial() + ")")
                        .orElse(r.serial());
            }
            String account = r.accountId() == null ? "" : accounts.get(r.accountId()).username();
            if (r.linkTo() != null) {
                return account + " → " + ca.subscriber(Long.parseLong(r.linkTo())).displayName();
            }
            return account;
        } catch (RuntimeException gone) {
            // a subscriber or account removed since: show the ids the request holds
            return r.subscriberId() != null ? "#" + r.subscriberId() : r.accountId() != null ? "#" + r.accountId() : "";
        }
    }
}
