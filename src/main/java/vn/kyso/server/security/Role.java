package vn.kyso.server.security;

/** What an account may do; an account may hold several. */
public enum Role {
    /** IT admin: certificates, subscribers, units, accounts, audit. */
    ADMIN,
    /** Officer or clerk: signs and seals documents with their own certificates. */
    OFFICER,
    /** Province auditor: reads reports and the audit log, changes nothing. */
    AUDITOR,
    /**
     * Registration officer (issue 13): the second person who approves what an admin asks in
     * someone's name (a certificate, an account's link to a subscriber, an approving role), and
     * nothing else; an admin's request needs an approval by another admin or by a registrar.
     */
    REGISTRAR;

    /** The roles whose holders approve identity requests (docs/decisions.md, separation of duties). */
    public static final java.util.Set<Role> APPROVERS = java.util.EnumSet.of(ADMIN, REGISTRAR);

    /** The Spring Security authority of this role ({@code ROLE_ADMIN}...). */
    public String authority() {
        return "ROLE_" + name();
    }
}
