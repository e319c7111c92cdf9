package vn.kyso.server.ca;

import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

import vn.kyso.ca.CaException;
import vn.kyso.ca.CertificateAuthority;
import vn.kyso.ca.CertificateRecord;
import vn.kyso.ca.CertificateStatus;

/**
 * The page between the list and a revocation or suspension: it names the person (name, unit,
 * CCCD/MST) and the certificate (serial, validity) so that the admin confirms the right one
 * among hundreds, and carries the list's filter back. The change itself is the POST of
 * {@link CertificateConsole}; nothing changes on this page.
 */
@Controller
@RequestMapping("/admin/certificates/{serial}")
class CertificateConfirmation {

    private final CertificateAuthority ca;

    CertificateConfirmation(CertificateAuthority ca) {
        this.ca = ca;
    }

    @GetMapping("/revoke")
    String revoke(@PathVariable String serial, CertificateConsole.CertificateFilterForm back, Model model,
            HttpServletResponse response) {
        return confirm("revoke", serial, back, model, response);
    }

    @GetMapping("/suspend")
    String suspend(@PathVariable String serial, CertificateConsole.CertificateFilterForm back, Model model,
            HttpServletResponse response) {
        return confirm("suspend", serial, back, model, response);
    }

    private String confirm(String action, String serial, CertificateConsole.CertificateFilterForm back, Model model,
            HttpServletResponse response) {
        model.addAttribute("action", action);
        model.addAttribute("back", back.filter());
        Optional<CertificateRecord> found;
        try {
            found = ca.certificate(CertificateView.serial(serial));
        } catch (CaException e) {
            found = Optional.empty();
        }
        if (found.isEmpty()) {
            // a console page answers with a message in the page, and the status says what happened
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("failure", "problem.ca.UNKNOWN_CERTIFICATE");
            return "admin/confirm";
        }
        CertificateRecord record = found.get();
        CertificateRow row = CertificateRow.of(record, ca);
        boolean allowed = record.kind().isSubscriber() && ("revoke".equals(action)
                ? record.status() != CertificateStatus.REVOKED : record.status() == CertificateStatus.ACTIVE);
        model.addAttribute("row", row);
        model.addAttribute("allowed", allowed);
        model.addAttribute("reasons", CertificateConsole.REASONS);
        return "admin/confirm";
    }
}
