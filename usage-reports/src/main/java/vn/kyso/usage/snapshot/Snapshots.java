package vn.kyso.usage.snapshot;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.kyso.usage.CertificateKind;
import vn.kyso.usage.ReportRequest;
import vn.kyso.usage.ReportSnapshot;
import vn.kyso.usage.SnapshotSigner;
import vn.kyso.usage.inventory.CertificateInventory;
import vn.kyso.usage.inventory.Fingerprints;

/** Stores and finds the signed snapshots of closed periods' reports (table usage_snapshot). */
public final class Snapshots {

    private static final String COLUMNS = "id, period_from, period_to, unit_key, kind, todays_units, headline, content,"
            + " content_sha256, signature, taken_at, taken_by";

    private final JdbcClient jdbc;
    private final SnapshotSigner signer;
    private final SnapshotCheck check;
    private final Clock clock;
    private final ZoneId zone;
    private final Duration grace;

    public Snapshots(JdbcClient jdbc, SnapshotSigner signer, List<X509Certificate> anchors, Clock clock, ZoneId zone,
            Duration grace) {
        this.jdbc = jdbc;
        this.signer = signer;
        this.check = new SnapshotCheck(anchors);
        this.clock = clock;
        this.zone = zone;
        this.grace = grace;
    }

    /** Whether the period is over and its grace time has passed: its report can be frozen. */
    public boolean closed(ReportRequest request) {
        Instant end = request.to().plusDays(1).atStartOfDay(zone).toInstant();
        return !end.plus(grace).isAfter(clock.instant());
    }

    /** What names one report: the period, unit, kind, unit setting and policy. */
    static String key(ReportRequest r) {
        return r.from() + "|" + r.to() + "|" + (r.unitCode() == null ? "*" : r.unitCode()) + "|"
                + (r.kind() == null ? "*" : r.kind().name()) + "|" + (r.todaysUnits() ? "today" : "issued") + "|"
                + r.policy().minActiveMonthShare().stripTrailingZeros().toPlainString() + "|"
                + r.policy().minSignaturesPerActiveMonth();
    }

    public Optional<ReportSnapshot> find(ReportRequest request) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM usage_snapshot WHERE request_key = ?").param(key(request))
                .query(Snapshots::map).optional();
    }

    public Optional<ReportSnapshot> byId(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM usage_snapshot WHERE id = ?").param(id)
                .query(Snapshots::map).optional();
    }

    /**
     * Signs and stores {@code content} as the snapshot of {@code request}; when another caller
     * froze it first, answers theirs. The boolean says whether this call took it.
     */
    public Taken take(ReportRequest request, String headline, byte[] content, String actor) {
        byte[] signature = signer.sign(content);
        try {
            jdbc.sql("INSERT INTO usage_snapshot (request_key, period_from, period_to, unit_key, kind, todays_units,"
                    + " headline, content, content_sha256, signature, taken_at, taken_by)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(key(request), request.from(), request.to(), request.unitCode(),
                            request.kind() == null ? null : request.kind().name(), request.todaysUnits(),
                            headline.length() > 300 ? headline.substring(0, 300) : headline, content,
                            Fingerprints.sha256Hex(content), signature, CertificateInventory.utc(clock.instant()),
                            actor.length() > 200 ? actor.substring(0, 200) : actor)
                    .update();
            return new Taken(find(request).orElseThrow(), true);
        } catch (DuplicateKeyException e) {
            return new Taken(find(request).orElseThrow(), false);
        }
    }

    /** A snapshot and whether this call froze it. */
    public record Taken(ReportSnapshot snapshot, boolean fresh) {
    }

    /** The signer's subject when the signature over the content verifies and its chain reaches an anchor. */
    public Optional<String> verify(ReportSnapshot snapshot) {
        return check.signer(snapshot.content(), snapshot.signature());
    }

    private static ReportSnapshot map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        String kind = rs.getString("kind");
        return new ReportSnapshot(rs.getLong("id"), rs.getObject("period_from", LocalDate.class),
                rs.getObject("period_to", LocalDate.class), rs.getString("unit_key"),
                kind == null ? null : CertificateKind.valueOf(kind), rs.getBoolean("todays_units"),
                rs.getString("headline"), rs.getBytes("content"), rs.getString("content_sha256"),
                rs.getBytes("signature"), CertificateInventory.instant(rs, "taken_at"), rs.getString("taken_by"));
    }
}
