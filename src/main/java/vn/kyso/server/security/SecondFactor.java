package vn.kyso.server.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.OptionalLong;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Service;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The optional second factor of admins (issue 13): an admin enrols an authenticator app in the
 * console (the secret is shown once), and from then on every password login of that account, form
 * or HTTP Basic, also needs the current RFC 6238 code (form field {@code otp}, header
 * {@code X-Kyso-OTP}); a code is accepted once. A wrong or missing code is a failed login like a
 * wrong password (throttled, counted in the audit log). API scripts use bearer tokens.
 */
@Service
public class SecondFactor {

    public static final String HEADER = "X-Kyso-OTP";
    public static final String FIELD = "otp";

    private final AccountStore store;
    private final AccountAudit audit;
    private final TotpProperties settings;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    SecondFactor(AccountStore store, AccountAudit audit, TotpProperties settings, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    public boolean enrolmentAllowed(KysoUser user) {
        return settings.enabled() && user.hasRole(Role.ADMIN);
    }

    public boolean enrolled(long accountId) {
        return store.totpSecret(accountId).isPresent();
    }

    /** A fresh secret for the enrolment page to show once; nothing is stored until a code confirms it. */
    public String newSecret() {
        return Totp.newSecret(random);
    }

    /** Stores {@code secret} when {@code code} is its current code; false otherwise. */
    public boolean enrol(KysoUser user, String secret, String code) {
        if (!enrolmentAllowed(user) || secret == null) {
            return false;
        }
        OptionalLong step = Totp.verify(secret, code, clock.instant(), settings.window());
        if (step.isEmpty()) {
            return false;
        }
        store.setTotpSecret(user.accountId(), secret);
        store.useTotpStep(user.accountId(), step.getAsLong());
        audit.record(user.getUsername(), "ACCOUNT_TOTP_ENABLED", AccountAudit.target(user.getUsername()), "");
        return true;
    }

    /** Removes the second factor when {@code code} is the current one; false otherwise. */
    public boolean remove(KysoUser user, String code) {
        if (!check(user.accountId(), code)) {
            return false;
        }
        store.setTotpSecret(user.accountId(), null);
        audit.record(user.getUsername(), "ACCOUNT_TOTP_REMOVED", AccountAudit.target(user.getUsername()), "");
        return true;
    }

    /** Whether {@code code} is the account's current code, used now for the first time. */
    boolean check(long accountId, String code) {
        return store.totpSecret(accountId)
                .map(secret -> Totp.verify(secret, code, clock.instant(), settings.window()))
                .filter(OptionalLong::isPresent)
                .map(step -> store.useTotpStep(accountId, step.getAsLong()))
                .orElse(false);
    }

    /** The code a login carried, from the form or the header. */
    static final class Details extends WebAuthenticationDetails {
        private static final long serialVersionUID = 1L;
        private final transient String code;

        Details(HttpServletRequest request) {
            super(request);
            String field = request.getParameter(FIELD);
            this.code = field != null && !field.isBlank() ? field : request.getHeader(HEADER);
        }

        String code() {
            return code;
        }
    }

    /** Password first, then the code of an enrolled account. */
    static final class Provider extends DaoAuthenticationProvider {
        private final SecondFactor factor;

        Provider(UserDetailsService users, PasswordEncoder encoder, SecondFactor factor) {
            super(users);
            setPasswordEncoder(encoder);
            this.factor = factor;
        }

        @Override
        protected void additionalAuthenticationChecks(UserDetails user,
                org.springframework.security.authentication.UsernamePasswordAuthenticationToken authentication)
                throws AuthenticationException {
            super.additionalAuthenticationChecks(user, authentication);
            KysoUser kysoUser = (KysoUser) user;
            if (factor.enrolled(kysoUser.accountId())) {
                String code = authentication.getDetails() instanceof Details d ? d.code() : null;
                if (!factor.check(kysoUser.accountId(), code)) {
                    throw new BadCredentialsException("second factor missing or wrong");
                }
            }
        }
    }
}
