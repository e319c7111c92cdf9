package vn.kyso.usage.event;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.BiConsumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import vn.kyso.usage.CertificateKind;
import vn.kyso.usage.EventType;
import vn.kyso.usage.RecordResult;
import vn.kyso.usage.UsageEvent;
import vn.kyso.usage.UsageException;
import vn.kyso.usage.UsageException.ErrorCode;
import vn.kyso.usage.inventory.CertificateInventory;
import vn.kyso.usage.inventory.CertificateInventory.Known;
import vn.kyso.usage.inventory.IssuerKeys;

/**
 * Stores events once each and keeps the rollups in step, one transaction per chunk. The
 * once-only guarantee is the database's: a unique key and INSERT ... ON CONFLICT DO NOTHING
 * (the same statement on PostgreSQL and H2), so concurrent writers of the same event cannot
 * both count it. Only rows actually inserted feed the rollups.
 */
public final class EventStore {

    /** Events per transaction: large enough for JDBC batching to pay, small enough to keep locks short. */
    static final int CHUNK = 2_000;

    private static final String INSERT = """
            INSERT INTO usage_event (dedup_key, certificate_id, event_type, occurred_at, use_day, document_sha256,
                signature_field, channel, pades_level, duration_ms, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final CertificateInventory inventory;
    private final Rollups rollups;
    private final Clock clock;
    private final SecureRandom random;
    private final ZoneId zone;

    public EventStore(JdbcTemplate jdbc, TransactionTemplate tx, CertificateInventory inventory, Clock clock,
            SecureRandom random, ZoneId zone) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.inventory = inventory;
        this.rollups = new Rollups(jdbc);
        this.clock = clock;
        this.random = random;
        this.zone = zone;
    }

    /** The zone whose calendar days and months the rollups count in. */
    public ZoneId zone() {
        return zone;
    }

    /**
     * Records events; {@code onNewSigned} hears each SIGNED event stored for the first time, with
     * its certificate's kind, after its transaction committed.
     */
    public RecordResult record(List<UsageEvent> events, BiConsumer<UsageEvent, CertificateKind> onNewSigned) {
        RecordResult total = new RecordResult(0, 0, 0);
        for (int from = 0; from < events.size(); from += CHUNK) {
            List<UsageEvent> chunk = events.subList(from, Math.min(events.size(), from + CHUNK));
            List<UsageEvent> newSigned = new ArrayList<>();
            List<CertificateKind> kinds = new ArrayList<>();
            RecordResult r = tx.execute(status -> recordChunk(chunk, newSigned, kinds));
            total = total.plus(r);
            for (int i = 0; i < newSigned.size(); i++) {
                onNewSigned.accept(newSigned.get(i), kinds.get(i));
            }
        }
        return total;
    }

    private RecordResult recordChunk(List<UsageEvent> chunk, List<UsageEvent> newSigned, List<CertificateKind> kinds) {
        int newCertificates = 0;
        List<Object[]> rows = new ArrayList<>(chunk.size());
        List<Known> knowns = new ArrayList<>(chunk.size());
        OffsetDateTime now = CertificateInventory.utc(clock.instant());
        for (UsageEvent e : chunk) {
            Known k = inventory.resolve(e.certificate(), null);
            if (k.registeredNow()) {
                newCertificates++;
            }
            knowns.add(k);
            LocalDate day = e.at().atZone(zone).toLocalDate();
            rows.add(new Object[] { dedupKey(e), k.id(), e.type().name(), CertificateInventory.utc(e.at()), day,
                    e.documentSha256(), e.signatureField(), e.channel() == null ? null : e.channel().name(),
                    e.level() == null ? null : e.level().name(),
                    e.duration() == null ? null : e.duration().toMillis(), now });
        }
        int[] counts = jdbc.batchUpdate(INSERT, rows);
        Rollups.Deltas deltas = new Rollups.Deltas();
        int recorded = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == Statement.SUCCESS_NO_INFO) {
                // a driver rewriting batches (pgjdbc reWriteBatchedInserts) hides which rows were new
                throw new UsageException(ErrorCode.STORAGE_FAILURE,
                        "the JDBC driver does not report per-row update counts; disable batch rewriting");
            }
            if (counts[i] > 0) {
                recorded++;
                UsageEvent e = chunk.get(i);
                deltas.add(knowns.get(i).id(), (LocalDate) rows.get(i)[4], e.type());
                if (e.type() == EventType.SIGNED) {
                    newSigned.add(e);
                    kinds.add(knowns.get(i).kind());
                }
            }
        }
        rollups.apply(deltas);
        return new RecordResult(recorded, chunk.size() - recorded, newCertificates);
    }

    /**
     * What makes an event the same event. A signature is the same whether kyso made it (SIGNED)
     * or found it (SEEN): both hash to one key, so it counts once.
     */
    private String dedupKey(UsageEvent e) {
        String cert = IssuerKeys.of(e.certificate().issuer()) + "|" + e.certificate().serial();
        String identity = switch (e.type()) {
            case SIGNED, SEEN -> "signature|" + cert + "|" + e.documentSha256() + "|" + e.signatureField();
            case CHECKED, VERIFIED -> e.type().name() + "|" + cert + "|"
                    + (e.reference() != null ? "ref:" + e.reference() : "nonce:" + nonce());
        };
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(identity.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private String nonce() {
        byte[] b = new byte[16];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
