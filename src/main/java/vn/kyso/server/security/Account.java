package vn.kyso.server.security;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A person (or script) that logs in to kyso. The password hash is deliberately not part of this
 * value, so an account can be shown, logged or serialized without risk.
 *
 * @param subscriberId the CA subscriber this account acts as (an officer's certificates), or null
 */
public record Account(
        long id,
        String username,
        String displayName,
        Set<Role> roles,
        String subscriberId,
        boolean mustChangePassword,
        boolean enabled,
        Instant createdAt) {

    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");

    public Account {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(createdAt, "createdAt");
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }
}
