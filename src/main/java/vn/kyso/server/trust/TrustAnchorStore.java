package vn.kyso.server.trust;

import java.security.cert.X509Certificate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The anchor table and its version row, in plain SQL that runs on H2 and PostgreSQL. */
@Repository
class TrustAnchorStore {

    private static final String COLUMNS = "id, label, sha256, subject, not_after, for_signatures, for_timestamps, "
            + "enabled, retired_at, source, created_by, created_at, updated_at";

    private final JdbcClient jdbc;

    TrustAnchorStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long version() {
        return jdbc.sql("SELECT version FROM server_trust_anchor_version WHERE id = 1").query(Long.class).single();
    }

    /** Moves the version on, in the caller's transaction: other instances see the change when it commits. */
    void changed() {
        jdbc.sql("UPDATE server_trust_anchor_version SET version = version + 1 WHERE id = 1").update();
    }

    void insert(String label, String sha256, X509Certificate cert, byte[] der, boolean signatures, boolean timestamps,
            String source, String actor, Instant now) {
        jdbc.sql("INSERT INTO server_trust_anchor (label, sha256, subject, not_after, cert_der, for_signatures, "
                        + "for_timestamps, enabled, retired_at, source, created_by, created_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, TRUE, NULL, ?, ?, ?, ?)")
                .params(label, sha256, TrustAnchors.subject(cert), Timestamp.from(cert.getNotAfter().toInstant()), der,
                        signatures, timestamps, source, actor, Timestamp.from(now), Timestamp.from(now))
                .update();
    }

    boolean exists(String sha256) {
        return jdbc.sql("SELECT COUNT(*) FROM server_trust_anchor WHERE sha256 = ?").param(sha256)
                .query(Long.class).single() > 0;
    }

    Optional<TrustAnchor> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM server_trust_anchor WHERE id = ?").param(id)
                .query(TrustAnchorStore::anchor).optional();
    }

    Optional<TrustAnchor> findBySha256(String sha256) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM server_trust_anchor WHERE sha256 = ?").param(sha256)
                .query(TrustAnchorStore::anchor).optional();
    }

    List<TrustAnchor> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM server_trust_anchor ORDER BY id").query(TrustAnchorStore::anchor)
                .list();
    }

    List<TrustAnchors.Trusted> trusted() {
        return jdbc.sql("SELECT label, sha256, cert_der, for_signatures, for_timestamps FROM server_trust_anchor "
                        + "WHERE enabled = TRUE AND retired_at IS NULL ORDER BY id")
                .query((rs, n) -> new TrustAnchors.Trusted(TrustAnchors.parse(rs.getBytes("cert_der")), rs.getString("label"),
                        rs.getString("sha256"), rs.getBoolean("for_signatures"), rs.getBoolean("for_timestamps")))
                .list();
    }

    void update(long id, String label, boolean signatures, boolean timestamps, boolean enabled, Instant now) {
        jdbc.sql("UPDATE server_trust_anchor SET label = ?, for_signatures = ?, for_timestamps = ?, enabled = ?, "
                        + "updated_at = ? WHERE id = ?")
                .params(label, signatures, timestamps, enabled, Timestamp.from(now), id).update();
    }

    void retire(long id, Instant now) {
        jdbc.sql("UPDATE server_trust_anchor SET enabled = FALSE, retired_at = ?, updated_at = ? WHERE id = ?")
                .params(Timestamp.from(now), Timestamp.from(now), id).update();
    }

    private static TrustAnchor anchor(ResultSet rs, int row) throws SQLException {
        Timestamp retired = rs.getTimestamp("retired_at");
        return new TrustAnchor(rs.getLong("id"), rs.getString("label"), rs.getString("sha256"), rs.getString("subject"),
                rs.getTimestamp("not_after").toInstant(), rs.getBoolean("for_signatures"),
                rs.getBoolean("for_timestamps"), rs.getBoolean("enabled"), retired == null ? null : retired.toInstant(),
                rs.getString("source"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), null);
    }
}
