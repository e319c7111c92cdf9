package vn.kyso.server.signing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import vn.kyso.server.security.KysoUser;
import vn.kyso.server.signing.DocumentSigned.Channel;
import vn.kyso.signing.PadesLevel;
import vn.kyso.signing.SigningException;

/**
 * The officer's signing page: upload one or many PDFs, see the pages, click where the signature
 * goes (or give anchor text), choose a certificate, enter the PIN, download the signed PDF (a zip
 * for many). A refusal comes back as a message in the page, in the user's language.
 */
@Controller
class SigningConsole {

    private final DocumentSigning signing;
    private final SigningCertificates certificates;
    private final SigningProperties properties;
    private final MessageSource messages;

    SigningConsole(DocumentSigning signing, SigningCertificates certificates, SigningProperties properties,
            MessageSource messages) {
        this.signing = signing;
        this.certificates = certificates;
        this.properties = properties;
        this.messages = messages;
    }

    @GetMapping("/sign")
    String page(@AuthenticationPrincipal KysoUser user, Model model) {
        model.addAttribute("certificates", certificates.usableBy(user));
        model.addAttribute("levels", PadesLevel.values());
        model.addAttribute("defaultLevel", properties.level());
        model.addAttribute("steps", SigningStep.values());
        return "signing/sign";
    }

    @PostMapping("/sign")
    Object sign(@AuthenticationPrincipal KysoUser user, @RequestParam("file") List<MultipartFile> files,
            @RequestParam("pin") String pin, @RequestParam(name = "certificate", required = false) String certificate,
            @RequestParam(name = "level", required = false) String level,
            @RequestParam(name = "step", defaultValue = "SIGN") SigningStep step, @ModelAttribute LayoutForm layout,
            Model model, Locale locale) {
        List<Upload> uploads = new ArrayList<>();
        files.stream().filter(f -> !f.isEmpty()).forEach(f -> uploads.add(SignatureApi.upload(f)));
        try {
            List<SignedDocument> signed = signing.sign(user, Channel.WEB, new SigningOrder(step, certificate,
                    pin.toCharArray(), SignatureApi.level(level), layout.toLayout()), uploads);
            ResponseEntity<byte[]> download = signed.size() == 1 ? SignatureApi.pdf(signed.get(0))
                    : SignatureApi.zip(signed);
            return download;
        } catch (SigningRefusedException e) {
            model.addAttribute("error", messages.getMessage("problem.signing." + e.reason().name(), e.args(), locale));
        } catch (SigningException e) {
            model.addAttribute("error", messages.getMessage("problem.signing." + e.code().name(), null, locale));
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", messages.getMessage("problem.http.INVALID_REQUEST", null, locale));
        }
        model.addAttribute("selectedCertificate", certificate);
        model.addAttribute("selectedStep", step);
        return page(user, model);
    }
}
