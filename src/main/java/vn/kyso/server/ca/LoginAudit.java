package vn.kyso.server.ca;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

import vn.kyso.ca.CertificateAuthority;
import vn.kyso.server.security.AccountAudit;

/**
 * Console logins and every failed authentication go into the CA's audit chain, next to the
 * admin actions they precede. (API calls authenticate on each request: their successes are not
 * logins and would drown the log.)
 */
@Component
class LoginAudit {

    private static final Logger log = LoggerFactory.getLogger(LoginAudit.class);
    private final CertificateAuthority ca;

    LoginAudit(CertificateAuthority ca) {
        this.ca = ca;
    }

    @EventListener
    void loggedIn(InteractiveAuthenticationSuccessEvent event) {
        record(event.getAuthentication().getName(), "LOGIN", "console");
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        // the name a client typed, never what it gave as a password
        Object principal = event.getAuthentication().getPrincipal();
        String name = principal == null ? "?" : String.valueOf(principal);
        record(name.length() > 64 ? name.substring(0, 64) : name, "LOGIN_FAILED",
                event.getException().getClass().getSimpleName());
    }

    private void record(String actor, String action, String details) {
        try {
            ca.audit(actor, action, AccountAudit.target(actor), details);
        } catch (RuntimeException e) {
            log.error("Could not write {} of '{}' to the audit log", action, actor, e);
        }
    }
}
