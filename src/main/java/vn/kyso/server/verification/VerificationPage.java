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
    /** The last checked document, kept (in memory) only for its signed-version downloads. */
    static final String LAST_DOCUMENT = VerificationPage.class.getName() + ".document";

    private final DocumentVerification verification;
    private final MessageSource messages;
    private final long keepUpTo;

    VerificationPage(DocumentVerification verification, MessageSource messages, VerificationProperties properties) {
        this.verification = verification;
        this.messages = messages;
        this.keepUpTo = properties.signedVersionMaxSize().toBytes();
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
        session.removeAttribute(LAST_DOCUMENT);
        try {
            byte[] pdf = file.getBytes();
            VerificationView report = verification.verify(file.getOriginalFilename(), pdf, "WEB");
            session.setAttribute(LAST_REPORT, report);
            if (pdf.length <= keepUpTo) {
                session.setAttribute(LAST_DOCUMENT, pdf);
            }
            model.addAttribute("report", report);
            model.addAttribute("signedVersions", pdf.length <= keepUpTo);
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

    /** The exact bytes signature {@code number} of the last checked document signed. */
    @GetMapping("/verify/signed-version/{number}")
    Object signedVersion(@org.springframework.web.bind.annotation.PathVariable("number") int number, HttpSession session,
            Model model, Locale locale) {
        if (!(session.getAttribute(LAST_DOCUMENT) instanceof byte[] pdf)) {
            model.addAttribute("error", messages.getMessage("verify.signedVersion.gone", null, locale));
            return "verification/verify";
        }
        return VerificationApi.signedVersion(verification, pdf, number);
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
