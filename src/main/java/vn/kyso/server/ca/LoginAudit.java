package vn.kyso.server.ca;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

import vn.kyso.ca.CertificateAuthority;
import vn.kyso.server.security.AccountAudit;

/**
 * Console logins go into the CA's audit chain, next to the admin actions they precede. (API calls
 * authenticate on each request: their successes are not logins and would drown the log.) Failed
 * logins are counted per account, address and period by the security feature's FailedLoginAudit
 * (issue 13: one entry per failure let anyone flood the log).
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


    private void record(String actor, String action, String details) {
        try {
            ca.audit(actor, action, AccountAudit.target(actor), details);
        } catch (RuntimeException e) {
            log.error("Could not write {} of '{}' to the audit log", action, actor, e);
        }
    }
}
