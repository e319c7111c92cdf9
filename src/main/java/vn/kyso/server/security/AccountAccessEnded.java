package vn.kyso.server.security;

/**
 * An account's sessions and tokens were ended because who it is changed (disabled, roles,
 * subscriber, password reset): what other features hold for it (key activations) ends too.
 */
public record AccountAccessEnded(long accountId, String username, String actor, String why) {
}
