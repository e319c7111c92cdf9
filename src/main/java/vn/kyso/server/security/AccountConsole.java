package vn.kyso.server.security;

import java.util.Set;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.kyso.server.approval.Approvals;

/** The console's login page, the page where an account changes its password, and the admin's accounts page. */
@Controller
class AccountConsole {

    private final Accounts accounts;
    private final SubscriberNames subscriberNames;
    private final Approvals approvals;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    AccountConsole(Accounts accounts, SubscriberNames subscriberNames, Approvals approvals) {
        this.accounts = accounts;
        this.subscriberNames = subscriberNames;
        this.approvals = approvals;
    }

    @GetMapping("/admin/accounts")
    String accountsPage(Model model) {
        var list = accounts.list();
        java.util.Map<String, String> linked = new java.util.HashMap<>();
        for (Account a : list) {
            if (a.subscriberId() != null) {
                linked.put(a.subscriberId(), subscriberNames.describe(a.subscriberId()).orElse(a.subscriberId()));
            }
        }
        model.addAttribute("accounts", list);
        model.addAttribute("linked", linked);
        model.addAttribute("roles", Role.values());
        return "admin/accounts";
    }

    @PostMapping("/admin/accounts")
    String createAccount(@AuthenticationPrincipal KysoUser user, @RequestParam String username,
            @RequestParam String displayName, @RequestParam String password,
            @RequestParam(required = false) Set<Role> roles, @RequestParam(required = false) String subscriberId,
            RedirectAttributes redirect) {
        return change(redirect, () -> {
            Approvals.Submitted<Account> created = approvals.createAccount(user, new NewAccount(username, displayName,
                    password, roles == null ? Set.of() : roles, subscriberId));
            redirect.addFlashAttribute("notice", created.isPending() ? "account.createdWaiting" : "account.created");
            redirect.addFlashAttribute("noticeArgs", new Object[] {username});
        });
    }

    @PostMapping("/admin/accounts/{id}/subscriber")
    String linkSubscriber(@AuthenticationPrincipal KysoUser user, @PathVariable long id,
            @RequestParam(required = false) String subscriberId, RedirectAttributes redirect) {
        return saved(redirect, () -> approvals.linkSubscriber(user, id, subscriberId));
    }

    @PostMapping("/admin/accounts/{id}/enabled")
    String enable(@AuthenticationPrincipal KysoUser user, @PathVariable long id, @RequestParam boolean enabled,
            RedirectAttributes redirect) {
        return saved(redirect, () -> new Approvals.Submitted<>(accounts.setEnabled(user.getUsername(), id, enabled), null));
    }

    @PostMapping("/admin/accounts/{id}/roles")
    String roles(@AuthenticationPrincipal KysoUser user, @PathVariable long id,
            @RequestParam(required = false) Set<Role> roles, RedirectAttributes redirect) {
        return saved(redirect, () -> approvals.setRoles(user, id, roles == null ? Set.of() : roles));
    }

    @PostMapping("/admin/accounts/{id}/password")
    String resetPassword(@AuthenticationPrincipal KysoUser user, @PathVariable long id,
            @RequestParam String oneTimePassword, RedirectAttributes redirect) {
        return change(redirect, () -> {
            Approvals.Submitted<Account> submitted = approvals.resetPassword(user, id, oneTimePassword);
            redirect.addFlashAttribute("notice", submitted.isPending() ? "approval.waiting" : "account.passwordReset");
            redirect.addFlashAttribute("noticeArgs", new Object[] {submitted.isPending() ? submitted.pending().id()
                    : accounts.get(id).username()});
        });
    }

    /** Runs an admin's change; a refusal is a message on the accounts page, not an error page. */
    private static String change(RedirectAttributes redirect, Runnable change) {
        try {
            change.run();
        } catch (AccountException e) {
            redirect.addFlashAttribute("failure", "problem.account." + e.code().name());
        } catch (IllegalArgumentException | NullPointerException e) {
            redirect.addFlashAttribute("failure", "problem.http.VALIDATION_FAILED");
        }
        return "redirect:/admin/accounts";
    }

    private static String saved(RedirectAttributes redirect, Supplier<Approvals.Submitted<Account>> change) {
        return change(redirect, () -> {
            Approvals.Submitted<Account> submitted = change.get();
            redirect.addFlashAttribute("notice", submitted.isPending() ? "approval.waiting" : "account.saved");
            if (submitted.isPending()) {
                redirect.addFlashAttribute("noticeArgs", new Object[] {submitted.pending().id()});
            }
        });
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping(PasswordChangeGate.CONSOLE_PAGE)
    String passwordPage() {
        return "account/password";
    }

    @PostMapping(PasswordChangeGate.CONSOLE_PAGE)
    String changePassword(@AuthenticationPrincipal KysoUser user, @RequestParam String currentPassword,
            @RequestParam String newPassword, @RequestParam String confirmPassword, Model model,
            RedirectAttributes redirect, HttpServletRequest request, HttpServletResponse response) {
        if (!newPassword.equals(confirmPassword)) {
            model.addAttribute("error", "account.password.mismatch");
            return "account/password";
        }
        try {
            accounts.changePassword(user.accountId(), currentPassword, newPassword);
        } catch (AccountException e) {
            model.addAttribute("error", "problem.account." + e.code().name());
            return "account/password";
        }
        // the session keeps the principal: replace it so the first-login gate opens
        KysoUser changed = user.withPasswordChanged();
        SecurityContext context = SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(changed, null,
                changed.getAuthorities()));
        SecurityContextHolder.getContextHolderStrategy().setContext(context);
        contexts.saveContext(context, request, response);
        redirect.addFlashAttribute("notice", "account.password.changed");
        return "redirect:/";
    }
}
