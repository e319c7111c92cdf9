package vn.kyso.server.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

/**
 * Per-user bearer tokens for the API. A token is shown once, when issued; only its SHA-256 is
 * stored (tokens are 256 random bits, so a fast hash is enough and keeps each API call cheap,
 * unlike a password hash). Issuing and revoking are audited by the account's name and the token's
 * id and name, after the change (see {@link AccountAudit}).
 */
@Service
public class ApiTokens {

    static final String PREFIX = "kyso_";

    private final JdbcClient jdbc;
    private final AccountStore accounts;
    private final AccountAudit audit;
    private final SecureRandom random;
    private final Clock clock;

    ApiTokens(JdbcClient jdbc, AccountStore accounts, AccountAudit audit, SecureRandom random, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.audit = audit;
        this.random = random;
        this.clock = clock;
    }

    /** A freshly issued token; {@link #token()} is its only appearance. */
    public record IssuedToken(long id, String name, String token, Instant createdAt, Instant expiresAt) {
        @Override
        public String toString() {
            return "IssuedToken[id=" + id + ", name=" + name + "]";
        }
    }

    /** What is known about a token after it was issued (never the token itself). */
    public record TokenInfo(long id, String name, Instant createdAt, Instant expiresAt, Instant revokedAt) {
    }

    /** Issues a token for the account; {@code validity} null means it lasts until revoked. */
    public IssuedToken issue(long accountId, String name, Duration validity) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new AccountException(AccountException.ErrorCode.INVALID_TOKEN_NAME, "token name must be 1-100 characters");
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        Instant expires = validity == null ? null : now.plus(validity);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO server_api_token (account_id, name, token_hash, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?)""")
                .params(accountId, name.strip(), hash(token), Timestamp.from(now),
                        expires == null ? null : Timestamp.from(expires))
                .update(keys, "id");
        IssuedToken issued = new IssuedToken(keys.getKeyAs(Number.class).longValue(), name.strip(), token, now,
                expires);
        record(accountId, "API_TOKEN_ISSUED", issued.id(), issued.name(),
                expires == null ? "until revoked" : "expires " + expires);
        return issued;
    }

    public List<TokenInfo> list(long accountId) {
        return jdbc.sql("""
                SELECT id, name, created_at, expires_at, revoked_at FROM server_api_token
                WHERE account_id = ? ORDER BY id""")
                .param(accountId)
                .query((rs, n) -> new TokenInfo(rs.getLong(1), rs.getString(2), instant(rs.getTimestamp(3)),
                        instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5))))
                .list();
    }

    /** Revokes one of the account's own tokens; revoking twice is harmless (and audited once). */
    public void revoke(long accountId, long tokenId) {
        String name = jdbc.sql("SELECT name FROM server_api_token WHERE id = ? AND account_id = ?")
                .params(tokenId, accountId).query(String.class).optional()
                .orElseThrow(() -> new AccountException(AccountException.ErrorCode.NOT_FOUND, "no token " + tokenId));
        int revoked = jdbc.sql("UPDATE server_api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
                .params(Timestamp.from(clock.instant()), tokenId).update();
        if (revoked == 1) {
            record(accountId, "API_TOKEN_REVOKED", tokenId, name, "");
        }
    }

    /** The enabled account holding this valid (not revoked, not expired) token. */
    Optional<KysoUser> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("""
                SELECT account_id FROM server_api_token
                WHERE token_hash = ? AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?)""")
                .params(hash(token), now)
                .query(Long.class).optional()
                .flatMap(accounts::findById)
                .filter(Account::enabled)
                .map(account -> new KysoUser(account, null, accounts.securityVersion(account.id())));
    }

    /** Revokes every live token of the account (it was disabled, its roles changed, its password reset). */
    int revokeAllOf(long accountId) {
        return jdbc.sql("UPDATE server_api_token SET revoked_at = ? WHERE account_id = ? AND revoked_at IS NULL")
                .params(Timestamp.from(clock.instant()), accountId).update();
    }

    /** Tokens are the account's own business: the account is both actor and target. */
    private void record(long accountId, String action, long tokenId, String name, String more) {
        String username = accounts.findById(accountId).map(Account::username).orElse("account " + accountId);
        audit.record(username, action, AccountAudit.target(username),
                "token " + tokenId + " '" + name + "'" + (more.isEmpty() ? "" : ", " + more));
    }

    /** What is stored of a bearer secret (API token, CSC SAD, client secret): its SHA-256, hex. */
    public static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
