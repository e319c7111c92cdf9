package vn.kyso.usage.ingest;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

import vn.kyso.usage.Amendment;
import vn.kyso.usage.CertificateRef;
import vn.kyso.usage.inventory.CertificateInventory;

/**
 * Closed months stay closed: a month is closed once its end plus the grace time has passed, and
 * a proven signature dated in a closed month (a timestamp can prove an old date) is kept here,
 * beside the figures, instead of changing them.
 */
public final class Amendments {

    private final JdbcClient jdbc;
    private final ZoneId zone;
    private final Duration grace;

    public Amendments(JdbcClient jdbc, ZoneId zone, Duration grace) {
        this.jdbc = jdbc;
        this.zone = zone;
        this.grace = grace;
    }

    /** Whether the month holding {@code at} was closed at {@code now}. */
    boolean closed(Instant at, Instant now) {
        YearMonth month = YearMonth.from(at.atZone(zone));
        return !month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant().plus(grace).isAfter(now);
    }

    /** Keeps one; false when this signature is an amendment already. */
    boolean add(String signatureId, long certificateId, Instant signedAt, String document, String fileSha256,
            Instant now, String actor) {
        return jdbc.sql("""
                INSERT INTO usage_amendment (signature_id, certificate_id, signed_at, document_name, file_sha256,
                    recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(signatureId, certificateId, CertificateInventory.utc(signedAt),
                        document.length() > 1000 ? document.substring(0, 1000) : document, fileSha256,
                        CertificateInventory.utc(now), actor)
                .update() == 1;
    }

    /** The amendments dated in [from, to), oldest first. */
    public List<Amendment> between(Instant from, Instant to) {
        return jdbc.sql("""
                SELECT c.issuer_dn, c.serial, a.signed_at, a.signature_id, a.document_name, a.file_sha256,
                    a.recorded_at, a.recorded_by
                FROM usage_amendment a JOIN usage_certificate c ON c.id = a.certificate_id
                WHERE a.signed_at >= ? AND a.signed_at < ? ORDER BY a.signed_at, a.signature_id""")
                .params(CertificateInventory.utc(from), CertificateInventory.utc(to))
                .query((rs, n) -> new Amendment(new CertificateRef(rs.getString(1), rs.getString(2)),
                        CertificateInventory.instant(rs, "signed_at"), rs.getString(4), rs.getString(5),
                        rs.getString(6), CertificateInventory.instant(rs, "recorded_at"), rs.getString(8)))
                .list();
    }
}
