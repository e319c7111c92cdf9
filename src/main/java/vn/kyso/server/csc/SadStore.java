package vn.kyso.server.csc;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.kyso.server.security.ApiTokens;

/**
 * The SADs handed out and not yet used. Kept in the database (not in memory) so that several
 * instances behind one address honour each other's SADs, and a SAD is used once: taking it is one
 * conditional DELETE, which only one request can win.
 */
@Component
class SadStore {

    private final JdbcClient jdbc;
    private final Clock clock;

    SadStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A SAD as stored: who may use it, for which key activation and certificate, and which hashes. */
    record Sad(String account, long activationId, String serial, List<String> hashes, int signatures,
            Instant expiresAt) {
    }

    void save(String sad, Sad row) {
        jdbc.sql("""
                INSERT INTO server_csc_sad (sad_hash, account, activation_id, serial, hashes, signatures, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(hash(sad), row.account(), row.activationId(), row.serial(),
                        String.join(",", new TreeSet<>(row.hashes())), row.signatures(),
                        Timestamp.from(row.expiresAt()))
                .update();
        // expired rows are of no use to anyone: dropped as new ones come
        jdbc.sql("DELETE FROM server_csc_sad WHERE expires_at < ?").param(Timestamp.from(clock.instant())).update();
    }

    Optional<Sad> find(String sad) {
        return jdbc.sql("""
                SELECT account, activation_id, serial, hashes, signatures, expires_at
                FROM server_csc_sad WHERE sad_hash = ?""")
                .param(hash(sad))
                .query((rs, n) -> new Sad(rs.getString(1), rs.getLong(2), rs.getString(3),
                        rs.getString(4).isEmpty() ? List.of() : Arrays.asList(rs.getString(4).split(",")),
                        rs.getInt(5), rs.getTimestamp(6).toInstant()))
                .optional();
    }

    /** Takes the SAD for its one use: true for the one request that wins it. */
    boolean take(String sad) {
        return jdbc.sql("DELETE FROM server_csc_sad WHERE sad_hash = ?").param(hash(sad)).update() == 1;
    }

    /** Only the SHA-256 of a SAD is stored, as of every bearer secret (see {@link ApiTokens#hash}). */
    private static String hash(String sad) {
        return ApiTokens.hash(sad);
    }
}
