package vn.kyso.usage.ingest;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

import vn.kyso.usage.CertificateRef;
import vn.kyso.usage.RejectedObservation;
import vn.kyso.usage.RejectionReason;
import vn.kyso.usage.inventory.CertificateInventory;

/** Keeps the rejected observations ({@code usage_rejected}): what was seen and not counted, and why. */
public final class RejectionLog {

    private static final int TEXT = 1000;

    private final JdbcClient jdbc;

    public RejectionLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(RejectedObservation r) {
        jdbc.sql("""
                INSERT INTO usage_rejected (observed_at, observed_by, document_name, file_sha256, signature_field,
                    signature_id, issuer_dn, serial, subject_dn, evidence_time, reason, detail)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(CertificateInventory.utc(r.observedAt()), cut(r.observedBy(), 200), cut(r.document(), TEXT),
                        r.fileSha256(), cut(r.field(), 300), r.signatureId(),
                        r.certificate() == null ? null : cut(r.certificate().issuer(), TEXT),
                        r.certificate() == null ? null : cut(r.certificate().serial(), 80), cut(r.subject(), TEXT),
                        CertificateInventory.utc(r.evidenceTime()), r.reason().name(), cut(r.detail(), TEXT))
                .update();
    }

    /** The newest observations rejected in [from, to), at most {@code limit}, newest first. */
    public List<RejectedObservation> list(Instant from, Instant to, int limit) {
        return jdbc.sql("""
                SELECT observed_at, observed_by, document_name, file_sha256, signature_field, signature_id, issuer_dn,
                    serial, subject_dn, evidence_time, reason, detail FROM usage_rejected
                WHERE observed_at >= ? AND observed_at < ? ORDER BY observed_at DESC, id DESC LIMIT ?""")
                .params(CertificateInventory.utc(from), CertificateInventory.utc(to), limit)
                .query((rs, n) -> new RejectedObservation(CertificateInventory.instant(rs, "observed_at"),
                        rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7) == null || rs.getString(8) == null ? null
                                : new CertificateRef(rs.getString(7), rs.getString(8)),
                        rs.getString(9), CertificateInventory.instant(rs, "evidence_time"),
                        RejectionReason.valueOf(rs.getString(11)), rs.getString(12)))
                .list();
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
