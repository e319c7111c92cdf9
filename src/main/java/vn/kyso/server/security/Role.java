package vn.kyso.server.security;

/** What an account may do; an account may hold several. */
public enum Role {
    /** IT admin: certificates, subscribers, units, accounts, audit. */
    ADMIN,
    /** Officer or clerk: signs and seals documents with their own certificates. */
    OFFICER,
    /** Province auditor: reads reports and the audit log, changes nothing. */
    AUDITOR;

    /** The Spring Security authority of this role ({@code ROLE_ADMIN}...). */
    public String authority() {
        return "ROLE_" + name();
    }
}
