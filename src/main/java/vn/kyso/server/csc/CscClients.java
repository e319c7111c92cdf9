package vn.kyso.server.csc;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import vn.kyso.ca.CertificateAuthority;
import vn.kyso.server.csc.CscException.Error;
import vn.kyso.server.security.ApiTokens;
import vn.kyso.server.security.ServiceClient;

/**
 * Systems registered to call the CSC API with client credentials ({@code oauth2/token}). An admin
 * registers one and sees its secret once; the system trades it for short-lived access tokens.
 * A system acts for an officer only through {@code credentials/authorize} with that officer's PIN.
 * Registering and revoking are audited in the CA's log.
 */
@Service
class CscClients implements ServiceClient.Tokens {

    private static final String CLIENT_PREFIX = "kyso-client-";

    private final JdbcClient jdbc;
    private final SecureRandom random;
    private final Clock clock;
    private final CscProperties properties;
    private final CertificateAuthority ca;

    CscClients(JdbcClient jdbc, SecureRandom random, Clock clock, CscProperties properties, CertificateAuthority ca) {
        this.jdbc = jdbc;
        this.random = random;
        this.clock = clock;
        this.properties = properties;
        this.ca = ca;
    }

    /** A registration: the secret appears here only. */
    record Registered(String clientId, String name, String clientSecret) {
        @Override
        public String toString() {
            return "Registered[clientId=" + clientId + ", name=" + name + "]";
        }
    }

    record Client(String clientId, String name, String createdBy, Instant createdAt, Instant revokedAt) {
    }

    /** An access token and its lifetime in seconds. */
    record AccessToken(String token, long expiresIn) {
        @Override
        public String toString() {
            return "AccessToken[expiresIn=" + expiresIn + "]";
        }
    }

    Registered register(String actor, String name) {
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            throw new CscException(Error.INVALID_REQUEST, "name must be 1-100 characters");
        }
        String clientId = CLIENT_PREFIX + secret(9);
        String secret = secret(32);
        jdbc.sql("""
                INSERT INTO server_csc_client (client_id, name, secret_hash, created_by, created_at)
                VALUES (?, ?, ?, ?, ?)""")
                .params(clientId, name.strip(), ApiTokens.hash(secret), actor, Timestamp.from(clock.instant()))
                .update();
        ca.audit(actor, "CSC_CLIENT_REGISTERED", clientId, name.strip());
        return new Registered(clientId, name.strip(), secret);
    }

    List<Client> list() {
        return jdbc.sql("SELECT client_id, name, created_by, created_at, revoked_at FROM server_csc_client ORDER BY created_at")
                .query((rs, n) -> new Client(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()))
                .list();
    }

    /** Revokes a system: its secret and every token it holds stop working. */
    void revoke(String actor, String clientId) {
        int revoked = jdbc.sql("UPDATE server_csc_client SET revoked_at = ? WHERE client_id = ? AND revoked_at IS NULL")
                .params(Timestamp.from(clock.instant()), clientId).update();
        if (revoked == 0) {
            throw new CscException(Error.NOT_FOUND, "No registered client " + clientId);
        }
        jdbc.sql("DELETE FROM server_csc_client_token WHERE client_id = ?").param(clientId).update();
        ca.audit(actor, "CSC_CLIENT_REVOKED", clientId, "");
    }

    /** {@code oauth2/token}, grant type client_credentials. */
    AccessToken token(String clientId, String clientSecret) {
        if (clientId == null || clientSecret == null) {
            throw new CscException(Error.INVALID_CLIENT, "client_id and client_secret are required");
        }
        Optional<String> stored = jdbc.sql(
                "SELECT secret_hash FROM server_csc_client WHERE client_id = ? AND revoked_at IS NULL")
                .param(clientId).query(String.class).optional();
        // compared in constant time, and an unknown client costs the same as a wrong secret
        byte[] expected = stored.orElse("0".repeat(64)).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] given = ApiTokens.hash(clientSecret).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given) || stored.isEmpty()) {
            throw new CscException(Error.INVALID_CLIENT, "Invalid client_id or client_secret");
        }
        String token = ServiceClient.Tokens.PREFIX + secret(32);
        Instant now = clock.instant();
        jdbc.sql("DELETE FROM server_csc_client_token WHERE expires_at < ?").param(Timestamp.from(now)).update();
        jdbc.sql("INSERT INTO server_csc_client_token (token_hash, client_id, expires_at) VALUES (?, ?, ?)")
                .params(ApiTokens.hash(token), clientId, Timestamp.from(now.plus(properties.accessTokenLifetime())))
                .update();
        return new AccessToken(token, properties.accessTokenLifetime().toSeconds());
    }

    @Override
    public Optional<ServiceClient> authenticate(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("""
                SELECT c.client_id, c.name FROM server_csc_client_token t
                JOIN server_csc_client c ON c.client_id = t.client_id
                WHERE t.token_hash = ? AND t.expires_at > ? AND c.revoked_at IS NULL""")
                .params(ApiTokens.hash(token), Timestamp.from(clock.instant()))
                .query((rs, n) -> new ServiceClient(rs.getString(1), rs.getString(2)))
                .optional();
    }

    private String secret(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }
}
