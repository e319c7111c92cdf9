package vn.kyso.server.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kyso.security.totp.*} (issue 13): the optional second factor of admins.
 *
 * @param enabled whether admins may enrol an authenticator app (those enrolled always need a code)
 * @param window  steps of 30 s accepted either side of the server's, for clocks that drift
 */
@ConfigurationProperties("kyso.security.totp")
public record TotpProperties(@DefaultValue("true") boolean enabled, @DefaultValue("1") int window) {
    public TotpProperties {
        if (window < 0 || window > 4) {
            throw new IllegalArgumentException("kyso.security.totp.window: 0 to 4 steps");
        }
    }
}
