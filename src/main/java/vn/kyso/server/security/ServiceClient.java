package vn.kyso.server.security;

/**
 * A registered system (the province's document-management system) authenticated by its own
 * bearer token from the CSC {@code oauth2/token}: it may ask for an officer's signature only
 * with that officer's PIN, never sign by itself. Carries role {@link #ROLE}, never an account's.
 */
public record ServiceClient(String clientId, String name) {

    /** The Spring Security role a system's token carries. */
    public static final String ROLE = "CSC_CLIENT";

    /** The tokens of registered systems, as the CSC filter chain checks them. */
    public interface Tokens {
        /** Tokens of systems start with this, so that they never reach the accounts' token check. */
        String PREFIX = "kysc_";

        /** The system holding this valid token, if any. */
        java.util.Optional<ServiceClient> authenticate(String token);
    }
}
