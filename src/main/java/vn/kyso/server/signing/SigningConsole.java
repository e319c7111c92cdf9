package vn.kyso.server.signing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import vn.kyso.ca.CertificateKind;
import vn.kyso.server.security.KysoUser;
import vn.kyso.server.signing.DocumentSigned.Channel;
import vn.kyso.signing.PadesLevel;
import vn.kyso.signing.SigningException;

/**
 * The officer's and the clerk's signing page: upload one or many PDFs, see the pages, click where
 * the signature goes (or give anchor text), see where the image, seal or stamp will land, enter
 * the PIN, download the signed PDF (a zip for many). Only the steps the account's certificates
 * allow are offered: an agency-only account starts at issuing, never at an invisible approval.
 * The page's script posts the form itself (header {@value #SCRIPT_HEADER}) and gets a refusal
 * as {@code {"message": ...}}, so the page keeps every input; without the script a refusal
 * renders the page again with the fields it can keep.
 */
@Controller
class SigningConsole {

    /** Sent by js/signing.js: answer refusals as JSON for the page to show in place. */
    static final String SCRIPT_HEADER = "Kyso-Script";

    private final DocumentSigning signing;
    private final SigningCertificates certificates;
    private final SigningAppearance appearance;
    private final SigningImages images;
    private final SigningProperties properties;
    private final TwoStepSigning twoStep;
    private final RemoteKeys remoteKeys;
    private final MessageSource messages;

    SigningConsole(DocumentSigning signing, SigningCertificates certificates, SigningAppearance appearance,
            SigningImages images, SigningProperties properties, TwoStepSigning twoStep, RemoteKeys remoteKeys,
            MessageSource messages) {
        this.signing = signing;
        this.twoStep = twoStep;
        this.remoteKeys = remoteKeys;
        this.certificates = certificates;
        this.appearance = appearance;
        this.images = images;
        this.properties = properties;
        this.messages = messages;
    }

    @GetMapping("/sign")
    String page(@AuthenticationPrincipal KysoUser user, Model model) {
        List<UsableCertificate> usable = certificates.usableBy(user);
        List<SigningStep> steps = steps(usable);
        model.addAttribute("certificates", usable);
        model.addAttribute("levels", PadesLevel.values());
        model.addAttribute("defaultLevel", properties.level());
        model.addAttribute("steps", steps);
        if (!model.containsAttribute("selectedStep")) {
            model.addAttribute("selectedStep", steps.get(0));
        }
        model.addAttribute("hasSignatureImage", images.signatureImage(user).isPresent());
        Map<String, SigningImages.SealInfo> seals = new HashMap<>();
        images.sealsFor(user).forEach(s -> seals.put(s.serial(), s));
        model.addAttribute("seals", seals);
        model.addAttribute("remoteServices", remoteKeys.services());
        return "signing/sign";
    }

    /**
     * The steps the account may take: approving with a personal certificate, the clerk's steps
     * with an agency one; approval first when both (an account with none sees approval and the
     * notice that it holds no certificate).
     */
    static List<SigningStep> steps(List<UsableCertificate> usable) {
        boolean personal = usable.stream().anyMatch(c -> c.kind() == CertificateKind.PERSONAL);
        boolean agency = usable.stream().anyMatch(c -> c.kind() == CertificateKind.AGENCY);
        List<SigningStep> steps = new ArrayList<>();
        if (personal || !agency) {
            steps.add(SigningStep.SIGN);
        }
        if (agency) {
            steps.addAll(List.of(SigningStep.ISSUE, SigningStep.APPENDIX, SigningStep.COPY));
        }
        return steps;
    }

    @PostMapping("/sign")
    Object sign(@AuthenticationPrincipal KysoUser user, @RequestParam("file") List<MultipartFile> files,
            @RequestParam("pin") String pin, @RequestParam(name = "certificate", required = false) String certificate,
            @RequestParam(name = "level", required = false) String level,
            @RequestParam(name = "step", defaultValue = "SIGN") SigningStep step, @ModelAttribute LayoutForm layout,
            @ModelAttribute RemoteForm remote,
            @RequestHeader(name = SCRIPT_HEADER, required = false) String script, Model model, Locale locale) {
        List<Upload> uploads = new ArrayList<>();
        files.stream().filter(f -> !f.isEmpty()).forEach(f -> uploads.add(SignatureApi.upload(f)));
        String error;
        try {
            List<SignedDocument> signed;
            if (remote.requested()) {
                // a key on a remote-signing service: the officer's own signature (the clerk's steps need kyso's keys)
                if (step != SigningStep.SIGN) {
                    throw new SigningRefusedException(SigningRefusedException.Reason.INVALID_FIELD,
                            "remote keys sign the SIGN step only", "step");
                }
                signed = SignatureApi.signRemote(twoStep, user, files, remote, pin, level, layout, Channel.WEB);
            } else {
                signed = signing.sign(user, Channel.WEB, new SigningOrder(step, certificate, pin.toCharArray(),
                        SignatureApi.level(level), layout.toLayout()), uploads);
            }
            return signed.size() == 1 ? SignatureApi.pdf(signed.get(0)) : SignatureApi.zip(signed);
        } catch (RuntimeException e) {
            error = message(e, locale);
        }
        if (script != null) {
            return refusal(error);
        }
        model.addAttribute("error", error);
        model.addAttribute("form", layout);
        model.addAttribute("selectedCertificate", certificate);
        model.addAttribute("selectedStep", step);
        model.addAttribute("selectedLevel", SignatureApi.level(level));
        // the service, credential and account are kept; never the password or token
        model.addAttribute("remote", new RemoteForm(remote.remoteService(), remote.credential(), remote.remoteUser(),
                null, null));

        return page(user, model);
    }

    /**
     * Where the step would draw, in millimetres from the page's bottom-left corner, after every
     * check that needs no PIN; a refusal is {@code {"message": ...}} with status 422.
     */
    @PostMapping("/sign/preview")
    ResponseEntity<?> preview(@AuthenticationPrincipal KysoUser user, @RequestParam("file") MultipartFile file,
            @RequestParam(name = "certificate", required = false) String certificate,
            @RequestParam(name = "step", defaultValue = "SIGN") SigningStep step, @ModelAttribute LayoutForm layout,
            Locale locale) {
        try {
            SigningOrder order = new SigningOrder(step, certificate, null, null, layout.toLayout());
            return ResponseEntity.ok(appearance.preview(user, order, LayoutForm.bytes(file)).stream()
                    .map(PreviewPart::of).toList());
        } catch (RuntimeException e) {
            return refusal(message(e, locale));
        }
    }

    /** One part of the preview, in millimetres. */
    record PreviewPart(String part, String text, int page, double xMm, double yMm, double widthMm, double heightMm) {
        static PreviewPart of(vn.kyso.signing.appearance.Landing l) {
            double mm = vn.kyso.signing.VisibleSignature.POINTS_PER_MM;
            return new PreviewPart(l.part().name(), l.text(), l.page(), l.x() / mm, l.y() / mm, l.width() / mm,
                    l.height() / mm);
        }
    }

    private static ResponseEntity<Map<String, String>> refusal(String message) {
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY).body(Map.of("message", message));
    }

    /** The refusal in the user's words; anything unforeseen stays an error the handler maps. */
    private String message(RuntimeException e, Locale locale) {
        if (e instanceof SigningRefusedException r) {
            return messages.getMessage("problem.signing." + r.reason().name(), r.args(), locale);
        }
        if (e instanceof SigningException s) {
            return messages.getMessage("problem.signing." + s.code().name(), null, locale);
        }
        if (e instanceof IllegalArgumentException) {
            return messages.getMessage("problem.http.INVALID_REQUEST", null, locale);
        }
        throw e;
    }
}
