package vn.kyso.server.verification;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpSession;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import vn.kyso.signing.SigningException;

/**
 * The public verification portal page: upload a PDF, see each signature in green, amber or red,
 * and download the same report as a PDF. The document is not kept; the last report (names,
 * times, statuses and the file's hash) stays in the visitor's session for that download.
 */
@Controller
class VerificationPage {

    static final String LAST_REPORT = VerificationPage.class.getName() + ".report";

    private final DocumentVerification verification;
    private final MessageSource messages;

    VerificationPage(DocumentVerification verification, MessageSource messages) {
        this.verification = verification;
        this.messages = messages;
    }

    @GetMapping("/verify")
    String page() {
        return "verification/verify";
    }

    @PostMapping("/verify")
    String verify(@RequestParam(name = "file", required = false) MultipartFile file, Model model, Locale locale,
            HttpSession session) throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("error", messages.getMessage("problem.signing.NO_DOCUMENT", null, locale));
            return "verification/verify";
        }
        try {
            VerificationView report = verification.verify(file.getOriginalFilename(), file.getBytes(), "WEB");
            session.setAttribute(LAST_REPORT, report);
            model.addAttribute("report", report);
        } catch (SigningException e) {
            session.removeAttribute(LAST_REPORT);
            model.addAttribute("error", messages.getMessage("problem.signing." + e.code().name(), null, locale));
        } catch (vn.kyso.server.web.RequestTimeLimit.Exceeded e) {
            model.addAttribute("error", messages.getMessage("problem.http.TIME_LIMIT_EXCEEDED",
                    new Object[] {e.seconds()}, locale));
        }
        return "verification/verify";
    }

    /** The report last shown in this session, as a PDF in the current language. */
    @GetMapping("/verify/report.pdf")
    Object report(HttpSession session, Model model, Locale locale) {
        if (!(session.getAttribute(LAST_REPORT) instanceof VerificationView report)) {
            model.addAttribute("error", messages.getMessage("verify.report.none", null, locale));
            return "verification/verify";
        }
        return pdf(report, messages, locale);
    }

    /** The report as a PDF attachment named after the checked file's hash. */
    static ResponseEntity<byte[]> pdf(VerificationView report, MessageSource messages, Locale locale) {
        String name = "kyso-verification-" + report.sha256().substring(0, 12) + ".pdf";
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(VerificationReportPdf.render(report, messages, locale));
    }
}
