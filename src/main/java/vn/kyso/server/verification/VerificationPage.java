package vn.kyso.server.verification;

import java.io.IOException;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import vn.kyso.signing.SigningException;

/** The public verification portal page: upload a PDF, see each signature in green, amber or red. */
@Controller
class VerificationPage {

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
    String verify(@RequestParam(name = "file", required = false) MultipartFile file, Model model, Locale locale)
            throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("error", messages.getMessage("problem.signing.NO_DOCUMENT", null, locale));
            return "verification/verify";
        }
        try {
            model.addAttribute("report", verification.verify(file.getOriginalFilename(), file.getBytes(), "WEB"));
        } catch (SigningException e) {
            model.addAttribute("error", messages.getMessage("problem.signing." + e.code().name(), null, locale));
        } catch (vn.kyso.server.web.RequestTimeLimit.Exceeded e) {
            model.addAttribute("error", messages.getMessage("problem.http.TIME_LIMIT_EXCEEDED",
                    new Object[] {e.seconds()}, locale));
        }
        return "verification/verify";
    }
}
