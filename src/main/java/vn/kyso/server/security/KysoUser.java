package vn.kyso.server.security;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The logged-in account as Spring Security sees it. Controllers take it with
 * {@code @AuthenticationPrincipal KysoUser user} to learn who acts (and which subscriber's
 * certificates they may use).
 */
public final class KysoUser implements UserDetails, CredentialsContainer {

    private static final long serialVersionUID = 1L;

    private final Account account;
    private final long securityVersion;
    private String passwordHash;

    /** @param securityVersion the account's version when it authenticated (see {@link AccountStandingFilter}) */
    KysoUser(Account account, String passwordHash, long securityVersion) {
        this.account = account;
        this.passwordHash = passwordHash;
        this.securityVersion = securityVersion;
    }

    long securityVersion() {
        return securityVersion;
    }

    /**
     * The account as a registered system acts for it (CSC, with the officer's PIN): no password
     * here, and the account is checked as loaded (enabled, an officer) for this one request; it is
     * never a session's principal, so it carries no security version to compare.
     */
    public static KysoUser actedForBy(Account account) {
        return new KysoUser(account, null, -1L);
    }

    public Account account() {
        return account;
    }

    public long accountId() {
        return account.id();
    }

    /** The CA subscriber this account acts as, or null. */
    public String subscriberId() {
        return account.subscriberId();
    }

    public boolean hasRole(Role role) {
        return account.hasRole(role);
    }

    public boolean mustChangePassword() {
        return account.mustChangePassword();
    }

    /** The same user after a password change (the first-login flag cleared). */
    KysoUser withPasswordChanged() {
        Account a = account;
        return new KysoUser(new Account(a.id(), a.username(), a.displayName(), a.roles(), a.subscriberId(), false,
                a.enabled(), a.createdAt()), null, securityVersion);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return account.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return account.username();
    }

    public String getDisplayName() {
        return account.displayName();
    }

    @Override
    public boolean isEnabled() {
        return account.enabled();
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KysoUser u && u.account.id() == account.id();
    }

    @Override
    public int hashCode() {
        return Long.hashCode(account.id());
    }

    @Override
    public String toString() {
        return "KysoUser[" + account.username() + ", roles=" + List.copyOf(account.roles()) + "]";
    }
}
