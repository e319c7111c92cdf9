package vn.kyso.ca;

import java.time.Instant;

/**
 * Which audit entries an admin reads: one action code, an actor (part of the account name,
 * any case), entries logged at or after {@code from} and before {@code until}; null matches all.
 */
public record AuditFilter(String action, String actor, Instant from, Instant until) {
    public AuditFilter {
        action = action == null || action.isBlank() ? null : action.strip();
        actor = actor == null || actor.isBlank() ? null : actor.strip();
        if (action != null && (action.length() > 64 || !action.matches("[A-Z0-9_]+"))) {
            throw Checks.invalid("an audit action is a code such as CERTIFICATE_REVOKED");
        }
        if (actor != null && actor.length() > 255) {
            throw Checks.invalid("the actor is longer than 255 characters");
        }
        if (from != null && until != null && until.isBefore(from)) {
            throw Checks.invalid("the period ends before it starts");
        }
    }

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null);
    }
}
