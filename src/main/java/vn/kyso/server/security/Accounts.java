package vn.kyso.server.security;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The service's accounts: create, list, change password, link to a CA subscriber. */
@Service
public class Accounts {

    private final AccountStore store;
    private final PasswordEncoder encoder;
    private final Clock clock;

    Accounts(AccountStore store, PasswordEncoder encoder, Clock clock) {
        this.store = store;
        this.encoder = encoder;
        this.clock = clock;
    }

    /** Creates an account whose initial password must be changed at first login. */
    @Transactional
    public Account create(NewAccount request) {
        String username = request.username().toLowerCase(Locale.ROOT);
        if (!Account.USERNAME.matcher(username).matches()) {
            throw new AccountException(AccountException.ErrorCode.INVALID_USERNAME, "invalid username");
        }
        if (request.roles() == null || request.roles().isEmpty()) {
            throw new AccountException(AccountException.ErrorCode.NO_ROLE, "an account needs a role");
        }
        if (request.displayName() == null || request.displayName().isBlank()) {
            throw new AccountException(AccountException.ErrorCode.INVALID_USERNAME, "a display name is required");
        }
        Passwords.requireAcceptable(request.password(), username);
        return insert(username, request.displayName().strip(), request.password(), request.roles(),
                blankToNull(request.subscriberId()), true);
    }

    /** The first admin of a fresh installation. */
    @Transactional
    Account createInitialAdmin(String password, boolean mustChangePassword) {
        return insert("admin", "Quản trị hệ thống", password, Set.of(Role.ADMIN), null, mustChangePassword);
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
    @Transactional
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
    }

    /** Sets a new one-time password chosen by an admin; the account must change it at next login. */
    @Transactional
    public void resetPassword(long accountId, String oneTimePassword) {
        Account account = get(accountId);
        Passwords.requireAcceptable(oneTimePassword, account.username());
        store.updatePassword(accountId, encoder.encode(oneTimePassword), true);
    }

    @Transactional
    public Account linkSubscriber(long accountId, String subscriberId) {
        get(accountId);
        store.updateSubscriber(accountId, blankToNull(subscriberId));
        return get(accountId);
    }

    @Transactional
    public Account setEnabled(long accountId, boolean enabled) {
        get(accountId);
        store.updateEnabled(accountId, enabled);
        return get(accountId);
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

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
