package vn.kyso.server.security;

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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The console's login page and the page where an account changes its password. */
@Controller
class AccountConsole {

    private final Accounts accounts;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    AccountConsole(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/admin/accounts")
    String accountsPage(Model model) {
        model.addAttribute("accounts", accounts.list());
        model.addAttribute("roles", Role.values());
        return "admin/accounts";
    }

    @PostMapping("/admin/accounts")
    String createAccount(@RequestParam String username, @RequestParam String displayName,
            @RequestParam String password, @RequestParam(required = false) java.util.Set<Role> roles,
            @RequestParam(required = false) String subscriberId, RedirectAttributes redirect) {
        try {
            accounts.create(new NewAccount(username, displayName, password,
                    roles == null ? java.util.Set.of() : roles, subscriberId));
            redirect.addFlashAttribute("notice", "account.created");
            redirect.addFlashAttribute("noticeArgs", new Object[] {username});
        } catch (AccountException e) {
            redirect.addFlashAttribute("failure", "problem.account." + e.code().name());
        } catch (IllegalArgumentException | NullPointerException e) {
            redirect.addFlashAttribute("failure", "problem.http.VALIDATION_FAILED");
        }
        return "redirect:/admin/accounts";
    }

    @PostMapping("/admin/accounts/{id}/subscriber")
    String linkSubscriber(@org.springframework.web.bind.annotation.PathVariable long id,
            @RequestParam(required = false) String subscriberId, RedirectAttributes redirect) {
        accounts.linkSubscriber(id, subscriberId);
        redirect.addFlashAttribute("notice", "account.saved");
        return "redirect:/admin/accounts";
    }

    @PostMapping("/admin/accounts/{id}/enabled")
    String enable(@AuthenticationPrincipal KysoUser user, @org.springframework.web.bind.annotation.PathVariable long id,
            @RequestParam boolean enabled, RedirectAttributes redirect) {
        if (id == user.accountId() && !enabled) {
            redirect.addFlashAttribute("failure", "account.notYourself");
        } else {
            accounts.setEnabled(id, enabled);
            redirect.addFlashAttribute("notice", "account.saved");
        }
        return "redirect:/admin/accounts";
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
