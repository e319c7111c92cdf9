package vn.kyso.server.security;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An admin's second factor in the console (issue 13): start shows a new secret once (and its
 * otpauth URI for an authenticator app), kept only in the session until a code from the app
 * confirms it; removing it needs a current code.
 */
@Controller
@RequestMapping("/account/totp")
class SecondFactorConsole {

    private static final String PENDING = "kyso.totp.pending";

    private final SecondFactor factor;

    SecondFactorConsole(SecondFactor factor) {
        this.factor = factor;
    }

    @GetMapping
    String page(@AuthenticationPrincipal KysoUser user, Model model) {
        model.addAttribute("allowed", factor.enrolmentAllowed(user));
        model.addAttribute("enrolled", factor.enrolled(user.accountId()));
        return "account/totp";
    }

    @PostMapping("/start")
    String start(@AuthenticationPrincipal KysoUser user, HttpSession session, Model model) {
        if (!factor.enrolmentAllowed(user) || factor.enrolled(user.accountId())) {
            return "redirect:/account/totp";
        }
        String secret = factor.newSecret();
        session.setAttribute(PENDING, secret);
        model.addAttribute("allowed", true);
        model.addAttribute("enrolled", false);
        model.addAttribute("secret", secret);
        model.addAttribute("uri", "otpauth://totp/kyso:" + URLEncoder.encode(user.getUsername(), StandardCharsets.UTF_8)
                + "?secret=" + secret + "&issuer=kyso&algorithm=SHA1&digits=6&period=30");
        return "account/totp";
    }

    @PostMapping("/confirm")
    String confirm(@AuthenticationPrincipal KysoUser user, @RequestParam String code, HttpSession session,
            RedirectAttributes redirect) {
        String secret = (String) session.getAttribute(PENDING);
        if (factor.enrol(user, secret, code)) {
            session.removeAttribute(PENDING);
            redirect.addFlashAttribute("notice", "totp.enabled");
        } else {
            redirect.addFlashAttribute("failure", "totp.wrongCode");
        }
        return "redirect:/account/totp";
    }

    @PostMapping("/remove")
    String remove(@AuthenticationPrincipal KysoUser user, @RequestParam String code, RedirectAttributes redirect) {
        redirect.addFlashAttribute(factor.remove(user, code) ? "notice" : "failure",
                factor.enrolled(user.accountId()) ? "totp.wrongCode" : "totp.removed");
        return "redirect:/account/totp";
    }
}
