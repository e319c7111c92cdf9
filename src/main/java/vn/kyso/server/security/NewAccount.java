package vn.kyso.server.security;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A request to create an account (admin API and console).
 *
 * @param password     the initial password; the account must change it at first login
 * @param subscriberId the CA subscriber the account acts as, or null
 */
public record NewAccount(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9._-]{2,63}") String username,
        @NotBlank @Size(max = 200) String displayName,
        @NotBlank @Size(min = Passwords.MIN_LENGTH, max = Passwords.MAX_LENGTH) String password,
        @NotEmpty Set<Role> roles,
        @Size(max = 64) String subscriberId) {

    @Override
    public String toString() {
        // never print the password
        return "NewAccount[username=" + username + ", roles=" + roles + "]";
    }
}
