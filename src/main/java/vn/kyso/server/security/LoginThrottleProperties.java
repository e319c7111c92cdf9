package vn.kyso.server.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Login throttling (issue 13), {@code kyso.security.login.*}: after {@code accountFreeFailures}
 * wrong passwords for one account (or {@code addressFreeFailures} from one client address, higher
 * because offices share an address behind NAT) within {@code window}, further attempts are
 * refused with 429 and {@code Retry-After} for {@code firstDelay}, doubling with each further
 * failure up to {@code maxDelay}; the right password is refused too while a delay runs.
 *
 * @param maxTracked  accounts and addresses remembered at most (memory bound under a flood)
 * @param auditPeriod failed logins are written to the audit log as counts per period, not one by one
 */
@ConfigurationProperties("kyso.security.login")
public record LoginThrottleProperties(
        @DefaultValue("5") int accountFreeFailures,
        @DefaultValue("20") int addressFreeFailures,
        @DefaultValue("30s") Duration firstDelay,
        @DefaultValue("15m") Duration maxDelay,
        @DefaultValue("1h") Duration window,
        @DefaultValue("100000") int maxTracked,
        @DefaultValue("5m") Duration auditPeriod) {

    public LoginThrottleProperties {
        if (accountFreeFailures < 1 || addressFreeFailures < 1 || maxTracked < 100) {
            throw new IllegalArgumentException("kyso.security.login: free failures must be positive, max-tracked >= 100");
        }
        if (firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0
                || window.isNegative() || window.isZero() || auditPeriod.isNegative() || auditPeriod.isZero()) {
            throw new IllegalArgumentException("kyso.security.login: delays, window and audit period must be positive");
        }
    }
}
