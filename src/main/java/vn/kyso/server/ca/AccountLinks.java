package vn.kyso.server.ca;

import java.util.Optional;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.kyso.ca.CaException;
import vn.kyso.ca.CertificateAuthority;
import vn.kyso.ca.Subscriber;
import vn.kyso.server.security.Account;
import vn.kyso.server.security.AccountException;
import vn.kyso.server.security.Accounts;
import vn.kyso.server.security.SubscriberNames;

/**
 * Linking an account to the person it acts for, picked by a search (name, CCCD/MST, unit) among
 * the CA's subscribers rather than typed as a number; the link itself is the accounts page's
 * POST. Also names linked subscribers for that page.
 */
@Controller
class AccountLinks implements SubscriberNames {

    private final CertificateAuthority ca;
    private final Accounts accounts;

    AccountLinks(CertificateAuthority ca, Accounts accounts) {
        this.ca = ca;
        this.accounts = accounts;
    }

    @GetMapping("/admin/accounts/{id}/subscriber")
    String picker(@PathVariable long id, @RequestParam(required = false) String q, Model model,
            RedirectAttributes redirect) {
        Account account;
        try {
            account = accounts.get(id);
        } catch (AccountException e) {
            redirect.addFlashAttribute("failure", "problem.account." + e.code().name());
            return "redirect:/admin/accounts";
        }
        model.addAttribute("account", account);
        model.addAttribute("current", account.subscriberId() == null ? null
                : describe(account.subscriberId()).orElse(account.subscriberId()));
        model.addAttribute("q", q);
        if (q != null && !q.isBlank()) {
            model.addAttribute("matches", SubscriberFilter.picks(ca, q));
        }
        return "admin/account-link";
    }

    @Override
    public Optional<String> describe(String subscriberId) {
        if (subscriberId == null || !subscriberId.strip().matches("\\d{1,18}")) {
            return Optional.empty();
        }
        try {
            Subscriber s = ca.subscriber(Long.parseLong(subscriberId.strip()));
            return Optional.of(s.displayName() + ", " + s.unit().name());
        } catch (CaException e) {
            return Optional.empty();
        }
    }
}
