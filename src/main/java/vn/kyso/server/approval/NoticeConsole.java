package vn.kyso.server.approval;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

import vn.kyso.server.security.KysoUser;

/** The account's page of certificates issued in its subscriber's name (issue 13); opening it marks them seen. */
@Controller
class NoticeConsole {

    private final CertificateNotices notices;

    NoticeConsole(CertificateNotices notices) {
        this.notices = notices;
    }

    @GetMapping("/account/notices")
    String page(@AuthenticationPrincipal KysoUser user, Model model) {
        model.addAttribute("notices", notices.of(user.subscriberId()));
        notices.markSeen(user.subscriberId());
        return "account/notices";
    }

    /** The start page tells an account of certificates issued in its name since it last looked. */
    @ControllerAdvice(basePackages = "vn.kyso.server.web")
    static class UnseenNotices {

        private final CertificateNotices notices;

        UnseenNotices(CertificateNotices notices) {
            this.notices = notices;
        }

        @ModelAttribute("unseenNotices")
        long unseen(@AuthenticationPrincipal KysoUser user) {
            return user == null ? 0 : notices.unseen(user.subscriberId());
        }
    }
}
