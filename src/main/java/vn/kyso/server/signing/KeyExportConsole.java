package vn.kyso.server.signing;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.kyso.ca.CaException;
import vn.kyso.server.security.KysoUser;

/**
 * The officer's keys page: the valid certificates whose keys kyso holds for them, and for each
 * one the export kyso still allows, as a PKCS#12 download. A refusal is a message in the page.
 */
@Controller
class KeyExportConsole {

    private final KeyExports exports;
    private final MessageSource messages;

    KeyExportConsole(KeyExports exports, MessageSource messages) {
        this.exports = exports;
        this.messages = messages;
    }

    @GetMapping("/sign/keys")
    String page(@AuthenticationPrincipal KysoUser user, Model model) {
        model.addAttribute("keys", exports.ownKeys(user));
        model.addAttribute("minPasswordLength", KeyExports.MIN_PASSWORD_LENGTH);
        return "signing/keys";
    }

    @PostMapping("/sign/keys/{serial}/pkcs12")
    Object export(@AuthenticationPrincipal KysoUser user, @PathVariable("serial") String serial,
            @RequestParam("pin") String pin, @RequestParam("exportPassword") String exportPassword,
            @RequestParam("confirmPassword") String confirmPassword, Model model, Locale locale) {
        String error;
        if (!exportPassword.equals(confirmPassword)) {
            error = messages.getMessage("keys.passwordMismatch", null, locale);
        } else {
            try {
                return KeyExportApi.download(exports.export(user, serial, pin.toCharArray(),
                        exportPassword.toCharArray()));
            } catch (SigningRefusedException e) {
                error = messages.getMessage("problem.signing." + e.reason().name(), e.args(), locale);
            } catch (CaException e) {
                error = messages.getMessage("problem.ca." + e.code().name(), null, locale);
            }
        }
        model.addAttribute("error", error);
        return page(user, model);
    }
}
