package vn.kyso.server.signing;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.kyso.server.security.KysoUser;
import vn.kyso.signing.SigningException;

/**
 * The account page (/account): the officer's own handwritten-signature image (upload, see,
 * replace) and, for the admin and an agency's clerks, the agency seal and its real diameter.
 * Without these a fresh install could not sign visibly nor issue from the console. Changes are
 * posted under /sign (an officer's own work) or /admin (the admin's), so the security rules of
 * those paths apply to them.
 */
@Controller
class SigningImagesConsole {

    private final SigningImages images;
    private final MessageSource messages;

    SigningImagesConsole(SigningImages images, MessageSource messages) {
        this.images = images;
        this.messages = messages;
    }

    @GetMapping("/account")
    String page(@AuthenticationPrincipal KysoUser user, Model model) {
        model.addAttribute("hasSignatureImage", images.signatureImage(user).isPresent());
        model.addAttribute("seals", images.sealsFor(user));
        model.addAttribute("admin", images.isAdmin(user));
        return "account/index";
    }

    @GetMapping("/account/signature-image")
    ResponseEntity<byte[]> signatureImage(@AuthenticationPrincipal KysoUser user) {
        return images.signatureImage(user).map(SigningImagesConsole::png)
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @PostMapping("/sign/image")
    String storeSignatureImage(@AuthenticationPrincipal KysoUser user, @RequestParam("image") MultipartFile image,
            Model model, RedirectAttributes redirect, Locale locale) {
        try {
            images.storeSignatureImage(user, LayoutForm.bytes(image));
        } catch (SigningException | SigningRefusedException e) {
            model.addAttribute("error", messages.getMessage("account.image.invalid", null, locale));
            return page(user, model);
        }
        redirect.addFlashAttribute("notice", "account.image.saved");
        return "redirect:/account";
    }

    /** The seal page of one agency certificate: its current image at real size, and the form to replace it. */
    @GetMapping("/account/seals")
    String seal(@AuthenticationPrincipal KysoUser user, @RequestParam("serial") String serial, Model model,
            Locale locale) {
        try {
            model.addAttribute("seal", images.sealInfo(user, serial));
            model.addAttribute("admin", images.isAdmin(user));
        } catch (SigningRefusedException e) {
            model.addAttribute("error", messages.getMessage("problem.signing." + e.reason().name(), e.args(), locale));
            return page(user, model);
        }
        return "account/seal";
    }

    @GetMapping("/account/seals/{serial}/image")
    ResponseEntity<byte[]> sealImage(@AuthenticationPrincipal KysoUser user, @PathVariable("serial") String serial) {
        return images.sealImage(user, serial).map(SigningImagesConsole::png)
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @PostMapping({"/sign/seals/{serial}", "/admin/seals/{serial}"})
    String storeSeal(@AuthenticationPrincipal KysoUser user, @PathVariable("serial") String serial,
            @RequestParam("image") MultipartFile image,
            @RequestParam(name = "diameterMm", required = false) Double diameterMm, Model model,
            RedirectAttributes redirect, Locale locale) {
        try {
            images.storeSeal(user, serial, LayoutForm.bytes(image), diameterMm);
        } catch (SigningRefusedException e) {
            model.addAttribute("error", messages.getMessage("problem.signing." + e.reason().name(), e.args(), locale));
            return page(user, model);
        } catch (SigningException e) {
            model.addAttribute("error", messages.getMessage("account.seal.invalid", null, locale));
            model.addAttribute("seal", images.sealInfo(user, serial));
            model.addAttribute("admin", images.isAdmin(user));
            return "account/seal";
        }
        redirect.addFlashAttribute("notice", "account.seal.saved");
        redirect.addAttribute("serial", serial);
        return "redirect:/account/seals";
    }

    private static ResponseEntity<byte[]> png(byte[] image) {
        // private to the account: never kept by a shared cache
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore()).body(image);
    }
}
