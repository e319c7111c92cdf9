package vn.kyso.server.ca;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.kyso.ca.CaException;

/** How console pages report an action's outcome: a message key shown once after the redirect. */
final class ConsoleMessages {

    private ConsoleMessages() {
    }

    static void done(RedirectAttributes redirect, String key, Object... args) {
        redirect.addFlashAttribute("notice", key);
        redirect.addFlashAttribute("noticeArgs", args);
    }

    static void failed(RedirectAttributes redirect, CaException e) {
        redirect.addFlashAttribute("failure", "problem.ca." + e.code().name());
    }

    static void failed(RedirectAttributes redirect, String key) {
        redirect.addFlashAttribute("failure", key);
    }
}
