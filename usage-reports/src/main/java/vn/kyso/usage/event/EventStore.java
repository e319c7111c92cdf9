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
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.HexFormat;
import java.util.List;
import java.util.function.BiConsumer;

import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import vn.kyso.usage.CertificateKind;
import vn.kyso.usage.CertificateRef;
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
    private static final int MAX_ATTEMPTS = 8;

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
            // certificates are resolved (and unknown ones registered) before the chunk's
            // transaction, so a rolled-back attempt cannot leave a cached id that does not exist
            int newCertificates = 0;
            Map<CertificateRef, Known> known = new HashMap<>();
            for (UsageEvent e : chunk) {
                if (!known.containsKey(e.certificate())) {
                    Known k = inventory.resolve(e.certificate(), null);
                    known.put(e.certificate(), k);
                    newCertificates += k.registeredNow() ? 1 : 0;
                }
            }
            List<Pending> pending = new ArrayList<>(chunk.size());
            for (UsageEvent e : chunk) {
                pending.add(new Pending(dedupKey(e), e, known.get(e.certificate()), e.at().atZone(zone).toLocalDate()));
            }
            // every writer takes unique-key locks in the same (key) order, so two batches sharing
            // events wait for each other instead of deadlocking
            pending.sort(Comparator.comparing(Pending::key));
            List<Pending> inserted = inTransaction(pending);
            total = total.plus(new RecordResult(inserted.size(), chunk.size() - inserted.size(), newCertificates));
            for (Pending p : inserted) {
                if (p.event().type() == EventType.SIGNED) {
                    onNewSigned.accept(p.event(), p.known().kind());
                }
            }
        }
        return total;
    }

    /**
     * Inserts a chunk and its rollups in one transaction. A writer that waited too long on
     * another's uncommitted rows (H2 lock timeout) or lost a deadlock retries the whole chunk:
     * the transaction rolled back, and the insert is idempotent.
     */
    private List<Pending> inTransaction(List<Pending> pending) {
        for (int attempt = 1;; attempt++) {
            try {
                return tx.execute(status -> insert(pending));
            } catch (TransientDataAccessException e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
                try {
                    Thread.sleep(20L * attempt + random.nextInt(50));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private List<Pending> insert(List<Pending> pending) {
        OffsetDateTime now = CertificateInventory.utc(clock.instant());
        List<Object[]> rows = new ArrayList<>(pending.size());
        for (Pending p : pending) {
            UsageEvent e = p.event();
            rows.add(new Object[] { p.key(), p.known().id(), e.type().name(), CertificateInventory.utc(e.at()), p.day(),
                    e.documentSha256(), e.signatureField(), e.channel() == null ? null : e.channel().name(),
                    e.level() == null ? null : e.level().name(),
                    e.duration() == null ? null : e.duration().toMillis(), now });
        }
        int[] counts = jdbc.batchUpdate(INSERT, rows);
        Rollups.Deltas deltas = new Rollups.Deltas();
        List<Pending> inserted = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == Statement.SUCCESS_NO_INFO) {
                // a driver rewriting batches (pgjdbc reWriteBatchedInserts) hides which rows were new
                throw new UsageException(ErrorCode.STORAGE_FAILURE,
                        "the JDBC driver does not report per-row update counts; disable batch rewriting");
            }
            if (counts[i] > 0) {
                Pending p = pending.get(i);
                inserted.add(p);
                deltas.add(p.known().id(), p.day(), p.event().type());
            }
        }
        rollups.apply(deltas);
        return inserted;
    }

    private record Pending(String key, UsageEvent event, Known known, LocalDate day) {
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
