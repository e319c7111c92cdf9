package vn.kyso.server.csc;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the CSC API ({@code kyso.csc.*}).
 *
 * @param sadLifetime         how long a SAD from {@code credentials/authorize} may be used (single use)
 * @param accessTokenLifetime how long an access token from {@code auth/login} or {@code oauth2/token} lasts
 * @param maxHashes           most hashes one {@code credentials/authorize} may name
 */
@ConfigurationProperties("kyso.csc")
public record CscProperties(
        @DefaultValue("5m") Duration sadLifetime,
        @DefaultValue("1h") Duration accessTokenLifetime,
        @DefaultValue("100") int maxHashes) {

    public CscProperties {
        if (sadLifetime.isNegative() || sadLifetime.isZero()) {
            throw new IllegalArgumentException("kyso.csc.sad-lifetime must be positive");
        }
        if (accessTokenLifetime.isNegative() || accessTokenLifetime.isZero()) {
            throw new IllegalArgumentException("kyso.csc.access-token-lifetime must be positive");
        }
        if (maxHashes < 1) {
            throw new IllegalArgumentException("kyso.csc.max-hashes must be at least 1");
        }
    }
}
