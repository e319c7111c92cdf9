package vn.kyso.server.security;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.kyso.server.approval.ApprovalApi;
import vn.kyso.server.approval.Approvals;

/**
 * Accounts and API tokens over the API. Who may call what is decided in
 * {@link SecurityConfiguration} ({@code /api/v1/accounts}: ADMIN; the caller's own account and
 * tokens: any authenticated account).
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "accounts", description = "Accounts, passwords and API tokens")
class AccountApi {

    private final Accounts accounts;
    private final ApiTokens tokens;
    private final Approvals approvals;

    AccountApi(Accounts accounts, ApiTokens tokens, Approvals approvals) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.approvals = approvals;
    }

    record PasswordChange(@NotBlank String currentPassword, @NotBlank String newPassword) {
        @Override
        public String toString() {
            return "PasswordChange[***]";
        }
    }

    record TokenRequest(@NotBlank @Size(max = 100) String name, @Min(1) @Max(3650) Integer validDays) {
    }

    record SubscriberLink(@Size(max = 64) String subscriberId) {
    }

    record Enabled(boolean enabled) {
    }

    record Roles(@NotEmpty Set<Role> roles) {
    }

    /** @param oneTimePassword the account must change it at its next login */
    record PasswordReset(
            @NotBlank @Size(min = Passwords.MIN_LENGTH, max = Passwords.MAX_LENGTH) String oneTimePassword) {
        @Override
        public String toString() {
            return "PasswordReset[***]";
        }
    }

    @GetMapping("/account")
    @Operation(summary = "The calling account")
    Account me(@AuthenticationPrincipal KysoUser user) {
        return accounts.get(user.accountId());
    }

    @PostMapping("/account/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Change the calling account's password (required after a one-time password)")
    void changePassword(@AuthenticationPrincipal KysoUser user, @Valid @RequestBody PasswordChange change) {
        accounts.changePassword(user.accountId(), change.currentPassword(), change.newPassword());
    }

    @GetMapping("/tokens")
    @Operation(summary = "The calling account's API tokens (never the token values)")
    List<ApiTokens.TokenInfo> myTokens(@AuthenticationPrincipal KysoUser user) {
        return tokens.list(user.accountId());
    }

    @PostMapping("/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue an API token for the calling account; the token is shown only in this answer")
    ApiTokens.IssuedToken issueToken(@AuthenticationPrincipal KysoUser user, @Valid @RequestBody TokenRequest request) {
        Duration validity = request.validDays() == null ? null : Duration.ofDays(request.validDays());
        return tokens.issue(user.accountId(), request.name(), validity);
    }

    @DeleteMapping("/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke one of the calling account's API tokens")
    void revokeToken(@AuthenticationPrincipal KysoUser user, @PathVariable long id) {
        tokens.revoke(user.accountId(), id);
    }

    @GetMapping("/accounts")
    @Operation(summary = "All accounts (ADMIN, AUDITOR)")
    List<Account> all() {
        return accounts.list();
    }

    @GetMapping("/accounts/{id}")
    Account one(@PathVariable long id) {
        return accounts.get(id);
    }

    @PostMapping("/accounts")
    @Operation(summary = "Create an account (ADMIN); it must change its password at first login. Under dual "
            + "control its subscriber link and approving roles (ADMIN, REGISTRAR) wait for a second person: the "
            + "header " + PENDING_HEADER + " names the request")
    ResponseEntity<Account> create(@AuthenticationPrincipal KysoUser user, @Valid @RequestBody NewAccount request) {
        Approvals.Submitted<Account> submitted = approvals.createAccount(user, request);
        Account created = submitted.done();
        ResponseEntity.BodyBuilder answer = ResponseEntity.created(URI.create("/api/v1/accounts/" + created.id()));
        if (submitted.isPending()) {
            answer.header(PENDING_HEADER, "/api/v1/approvals/" + submitted.pending().id());
        }
        return answer.body(created);
    }

    /** Names the approval request that a created account's link or role waits on (issue 13). */
    static final String PENDING_HEADER = "Kyso-Approval-Request";

    @PutMapping("/accounts/{id}/subscriber")
    @Operation(summary = "Link an account to the CA subscriber it acts as (ADMIN); under dual control 202 with the "
            + "request a second person approves (unlinking is immediate)")
    ResponseEntity<?> link(@AuthenticationPrincipal KysoUser user, @PathVariable long id,
            @Valid @RequestBody SubscriberLink link) {
        return doneOrPending(approvals.linkSubscriber(user, id, link.subscriberId()));
    }

    @PutMapping("/accounts/{id}/enabled")
    @Operation(summary = "Enable or disable an account (ADMIN; not your own: 409 SELF_LOCKOUT)")
    Account enable(@AuthenticationPrincipal KysoUser user, @PathVariable long id, @RequestBody Enabled enabled) {
        return accounts.setEnabled(user.getUsername(), id, enabled.enabled());
    }

    @PutMapping("/accounts/{id}/roles")
    @Operation(summary = "Replace an account's roles (ADMIN; dropping your own ADMIN role: 409 SELF_LOCKOUT); "
            + "under dual control granting ADMIN or REGISTRAR answers 202 with the request a second person approves")
    ResponseEntity<?> roles(@AuthenticationPrincipal KysoUser user, @PathVariable long id,
            @Valid @RequestBody Roles roles) {
        return doneOrPending(approvals.setRoles(user, id, roles.roles()));
    }

    private static ResponseEntity<?> doneOrPending(Approvals.Submitted<Account> submitted) {
        return submitted.isPending() ? ApprovalApi.accepted(submitted.pending()) : ResponseEntity.ok(submitted.done());
    }

    @PutMapping("/accounts/{id}/password")
    @Operation(summary = "Reset an account's password to a one-time password it must change at next login (ADMIN): "
            + "204; under dual control 202 with the request a second person approves")
    ResponseEntity<?> resetPassword(@AuthenticationPrincipal KysoUser user, @PathVariable long id,
            @Valid @RequestBody PasswordReset reset) {
        Approvals.Submitted<Account> submitted = approvals.resetPassword(user, id, reset.oneTimePassword());
        return submitted.isPending() ? ApprovalApi.accepted(submitted.pending()) : ResponseEntity.noContent().build();
    }
}
