package vn.kyso.server.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Counts failed password logins (form and HTTP Basic) per account and per client address and
 * tells {@link LoginThrottleFilter} when to refuse an attempt before the password is checked.
 * Each instance counts its own (in memory, bounded by {@code max-tracked}): with N instances an
 * attacker gets at most N times the free attempts, still far from guessing speed.
 */
@Component
public class LoginThrottle {

    private final LoginThrottleProperties settings;
    private final Clock clock;
    private final FailedLoginAudit audit;
    private final Map<String, Tracker> trackers = new ConcurrentHashMap<>();

    LoginThrottle(LoginThrottleProperties settings, Clock clock, FailedLoginAudit audit) {
        this.settings = settings;
        this.clock = clock;
        this.audit = audit;
    }

    /** How long the caller must wait before this attempt may be checked; empty when it may be now. */
    public Optional<Duration> delay(String username, String address) {
        Instant now = clock.instant();
        Duration longest = Duration.ZERO;
        for (String key : new String[] {accountKey(username), addressKey(address)}) {
            Tracker t = key == null ? null : trackers.get(key);
            if (t != null && t.blockedUntil != null && now.isBefore(t.blockedUntil)) {
                Duration left = Duration.between(now, t.blockedUntil);
                longest = left.compareTo(longest) > 0 ? left : longest;
            }
        }
        return longest.isZero() ? Optional.empty() : Optional.of(longest);
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        String username = FailedLoginAudit.sanitise(String.valueOf(event.getAuthentication().getPrincipal()));
        String address = event.getAuthentication().getDetails() instanceof WebAuthenticationDetails d
                ? d.getRemoteAddress() : null;
        failed(username, address);
    }

    void failed(String username, String address) {
        Instant now = clock.instant();
        count(accountKey(username), settings.accountFreeFailures(), now);
        count(addressKey(address), settings.addressFreeFailures(), now);
        audit.failed(username, address);
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        // the account's own count starts again; the address's does not, or one valid account would
        // let its holder keep guessing other accounts' passwords from the same address
        String key = accountKey(event.getAuthentication().getName());
        if (key != null) {
            trackers.remove(key);
        }
    }

    private void count(String key, int free, Instant now) {
        if (key == null) {
            return;
        }
        if (trackers.size() >= settings.maxTracked() && !trackers.containsKey(key)) {
            forgetOld(now);
            if (trackers.size() >= settings.maxTracked()) {
                return; // full of live entries: the address keys already tracked still throttle the flood
            }
        }
        trackers.compute(key, (k, t) -> {
            Tracker next = t == null || Duration.between(t.lastFailure, now).compareTo(settings.window()) > 0
                    ? new Tracker() : t;
            next.failures++;
            next.lastFailure = now;
            if (next.failures >= free) {
                int steps = Math.min(next.failures - free, 30);
                Duration delay = settings.firstDelay().multipliedBy(1L << Math.min(steps, 20));
                next.blockedUntil = now.plus(delay.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : delay);
            }
            return next;
        });
    }

    private void forgetOld(Instant now) {
        trackers.values().removeIf(t -> Duration.between(t.lastFailure, now).compareTo(settings.window()) > 0
                && (t.blockedUntil == null || !now.isBefore(t.blockedUntil)));
    }

    private static String accountKey(String username) {
        return username == null || username.isBlank() ? null : "account:" + username.toLowerCase(java.util.Locale.ROOT);
    }

    private static String addressKey(String address) {
        return address == null || address.isBlank() ? null : "address:" + address;
    }

    /** Failures of one account or address within the window, and until when attempts wait. */
    private static final class Tracker {
        int failures;
        Instant lastFailure;
        Instant blockedUntil;
    }
}
