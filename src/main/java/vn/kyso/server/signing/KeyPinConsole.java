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

/** The holder's PIN page: choose the PIN of a new key, or change it. A refusal is a message in the page. */
@Controller
class KeyPinConsole {

    private final KeyPins pins;
    private final MessageSource messages;

    KeyPinConsole(KeyPins pins, MessageSource messages) {
        this.pins = pins;
        this.messages = messages;
    }

    @GetMapping("/sign/pin")
    String page(@AuthenticationPrincipal KysoUser user, Model model) {
        model.addAttribute("keys", pins.heldBy(user));
        return "signing/pin";
    }

    @PostMapping("/sign/pin/{serial}")
    String set(@AuthenticationPrincipal KysoUser user, @PathVariable("serial") String serial,
            @RequestParam(name = "currentPin", required = false) String currentPin, @RequestParam("newPin") String newPin,
            @RequestParam("confirmPin") String confirmPin, Model model, Locale locale) {
        if (!newPin.equals(confirmPin)) {
            model.addAttribute("error", messages.getMessage("pin.mismatch", null, locale));
        } else {
            try {
                KeyPins.Outcome outcome = pins.set(user, serial, KeyExportApi.chars(currentPin), newPin.toCharArray());
                model.addAttribute("done", messages.getMessage("pin.done." + outcome.name(), new Object[] {serial},
                        locale));
            } catch (SigningRefusedException e) {
                model.addAttribute("error", messages.getMessage("problem.signing." + e.reason().name(), e.args(), locale));
            } catch (CaException e) {
                model.addAttribute("error", messages.getMessage("problem.ca." + e.code().name(), null, locale));
            }
        }
        return page(user, model);
    }
}
