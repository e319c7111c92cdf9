package vn.kyso.server.security;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * The service's accounts: create, list, change or reset a password, change roles, enable or
 * disable, link to a CA subscriber. Each change is recorded in the audit log with the acting
 * account, after it has committed (see {@link AccountAudit}: that is why these methods are not
 * transactional themselves; the store makes each change atomic).
 */
@Service
public class Accounts {

    /** The actor of changes kyso makes itself (the first admin at the first start). */
    static final String SYSTEM = "system";

    private final AccountStore store;
    private final PasswordEncoder encoder;
    private final AccountAudit audit;
    private final Clock clock;
    private final ApiTokens tokens;
    private final ApplicationEventPublisher events;

    Accounts(AccountStore store, PasswordEncoder encoder, AccountAudit audit, Clock clock, ApiTokens tokens,
            ApplicationEventPublisher events) {
        this.store = store;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock;
        this.tokens = tokens;
        this.events = events;
    }

    /** {@code actor} creates an account whose initial password must be changed at first login. */
    public Account create(String actor, NewAccount request) {
        String username = request.username().toLowerCase(Locale.ROOT);
        if (!Account.USERNAME.matcher(username).matches()) {
            throw new AccountException(AccountException.ErrorCode.INVALID_USERNAME, "invalid username");
        }
        requireRoles(request.roles());
        if (request.displayName() == null || request.displayName().isBlank()) {
            throw new AccountException(AccountException.ErrorCode.INVALID_USERNAME, "a display name is required");
        }
        Passwords.requireAcceptable(request.password(), username);
        Account created = insert(username, request.displayName().strip(), request.password(), request.roles(),
                blankToNull(request.subscriberId()), true);
        record(actor, "ACCOUNT_CREATED", created, "roles " + roles(created.roles()) + ", subscriber "
                + orNone(created.subscriberId()));
        return created;
    }

    /** The first admin of a fresh installation. */
    Account createInitialAdmin(String password, boolean mustChangePassword) {
        Account admin = insert("admin", "Quản trị hệ thống", password, Set.of(Role.ADMIN), null, mustChangePassword);
        record(SYSTEM, "ACCOUNT_CREATED", admin, "roles " + roles(admin.roles()) + ", first start");
        return admin;
    }

    boolean none() {
        return store.count() == 0;
    }

    public List<Account> list() {
        return store.all();
    }

    public Optional<Account> find(String username) {
        return username == null ? Optional.empty() : store.findByUsername(username.toLowerCase(Locale.ROOT));
    }

    public Account get(long id) {
        return store.findById(id).orElseThrow(() -> new AccountException(AccountException.ErrorCode.NOT_FOUND, "no account " + id));
    }

    /** Changes an account's own password after checking the current one; clears the first-login flag. */
    public void changePassword(long accountId, String currentPassword, String newPassword) {
        Account account = get(accountId);
        String hash = store.passwordHash(accountId).orElseThrow();
        if (currentPassword == null || !encoder.matches(currentPassword, hash)) {
            throw new AccountException(AccountException.ErrorCode.WRONG_PASSWORD, "current password does not match");
        }
        Passwords.requireAcceptable(newPassword, account.username());
        if (encoder.matches(newPassword, hash)) {
            throw new AccountException(AccountException.ErrorCode.WEAK_PASSWORD, "new password equals the current one");
        }
        store.updatePassword(accountId, encoder.encode(newPassword), false);
        record(account.username(), "ACCOUNT_PASSWORD_CHANGED", account, "");
    }

    /** {@code actor} sets a one-time password; the account must change it at next login. */
    public void resetPassword(String actor, long accountId, String oneTimePassword) {
        resetPasswordToHash(actor, accountId, encodeOneTimePassword(accountId, oneTimePassword));
    }

    /** The hash of an acceptable one-time password for this account (a reset that waits keeps only this). */
    public String encodeOneTimePassword(long accountId, String oneTimePassword) {
        Passwords.requireAcceptable(oneTimePassword, get(accountId).username());
        return encoder.encode(oneTimePassword);
    }

    /** {@code actor} sets a one-time password given by its hash; the account must change it at next login. */
    public void resetPasswordToHash(String actor, long accountId, String passwordHash) {
        Account account = get(accountId);
        store.updatePassword(accountId, passwordHash, true);
        record(actor, "ACCOUNT_PASSWORD_RESET", account, "one-time password, to be changed at next login");
        endAccess(actor, account, "password reset");
    }

    /** {@code actor} links the account to the CA subscriber it acts as (blank: none). */
    public Account linkSubscriber(String actor, long accountId, String subscriberId) {
        Account before = get(accountId);
        store.updateSubscriber(accountId, blankToNull(subscriberId));
        Account after = get(accountId);
        record(actor, "ACCOUNT_SUBSCRIBER_LINKED", after, "subscriber " + orNone(before.subscriberId()) + " -> "
                + orNone(after.subscriberId()));
        if (!java.util.Objects.equals(before.subscriberId(), after.subscriberId())) {
            endAccess(actor, after, "subscriber changed");
        }
        return after;
    }

    /** {@code actor} enables or disables the account; nobody disables their own. */
    public Account setEnabled(String actor, long accountId, boolean enabled) {
        Account account = get(accountId);
        if (!enabled) {
            refuseOwn(actor, account);
        }
        store.updateEnabled(accountId, enabled);
        record(actor, enabled ? "ACCOUNT_ENABLED" : "ACCOUNT_DISABLED", account, "");
        if (!enabled) {
            endAccess(actor, account, "disabled");
        }
        return get(accountId);
    }

    /** {@code actor} replaces the account's roles; nobody drops their own ADMIN role. */
    public Account setRoles(String actor, long accountId, Set<Role> roles) {
        requireRoles(roles);
        Account before = get(accountId);
        if (!roles.contains(Role.ADMIN)) {
            refuseOwn(actor, before);
        }
        store.replaceRoles(accountId, roles);
        Account after = get(accountId);
        record(actor, "ACCOUNT_ROLES_CHANGED", after, roles(before.roles()) + " -> " + roles(after.roles()));
        if (!before.roles().equals(after.roles())) {
            endAccess(actor, after, "roles changed");
        }
        return after;
    }

    /**
     * Demo mode only ({@code --demo}): makes the account exist with this password, bypassing the
     * password rules and the forced first change, because the demo's passwords are printed at
     * start. Not audited: it is the demo's data, like its certificates' history.
     */
    public Account demoAccount(String username, String displayName, Set<Role> roles, String subscriberId,
            String password) {
        Optional<Account> existing = find(username);
        if (existing.isPresent()) {
            store.updatePassword(existing.get().id(), encoder.encode(password), false);
            return get(existing.get().id());
        }
        return insert(username, displayName, password, roles, subscriberId, false);
    }

    private Account insert(String username, String displayName, String password, Set<Role> roles,
            String subscriberId, boolean mustChange) {
        if (store.usernameExists(username)) {
            throw new AccountException(AccountException.ErrorCode.USERNAME_TAKEN, "username taken: " + username);
        }
        try {
            long id = store.insert(username, displayName, encoder.encode(password), roles, subscriberId, mustChange,
                    clock.instant());
            return get(id);
        } catch (DuplicateKeyException raced) {
            throw new AccountException(AccountException.ErrorCode.USERNAME_TAKEN, "username taken: " + username);
        }
    }

    /**
     * Issue 13: a change to who the account is ends what it holds, at once and on every instance:
     * its sessions (the security version every request compares), its API tokens, and its key
     * activations (through {@link AccountAccessEnded}, which the signing feature handles).
     */
    private void endAccess(String actor, Account account, String why) {
        store.bumpSecurityVersion(account.id());
        int revoked = tokens.revokeAllOf(account.id());
        record(actor, "ACCOUNT_ACCESS_ENDED", account, why + "; sessions ended, " + revoked + " API token(s) revoked");
        events.publishEvent(new AccountAccessEnded(account.id(), account.username(), actor, why));
    }

    private void record(String actor, String action, Account account, String details) {
        audit.record(actor, action, AccountAudit.target(account.username()), details);
    }

    /** An admin who locked themselves out could leave the province without one. */
    private static void refuseOwn(String actor, Account account) {
        if (account.username().equals(actor)) {
            throw new AccountException(AccountException.ErrorCode.SELF_LOCKOUT,
                    "an admin cannot disable their own account or drop their own ADMIN role");
        }
    }

    private static void requireRoles(Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new AccountException(AccountException.ErrorCode.NO_ROLE, "an account needs a role");
        }
    }

    private static String roles(Set<Role> roles) {
        return roles.isEmpty() ? "none"
                : EnumSet.copyOf(roles).stream().map(Role::name).collect(Collectors.joining(","));
    }

    private static String orNone(String value) {
        return value == null ? "none" : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
