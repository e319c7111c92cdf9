package vn.kyso.usage.event;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import vn.kyso.usage.CertificateKind;
import vn.kyso.usage.CertificateRef;
import vn.kyso.usage.EventType;
import vn.kyso.usage.RecordResult;
import vn.kyso.usage.SignalCount;
import vn.kyso.usage.UsageEvent;
import vn.kyso.usage.inventory.CertificateInventory;
import vn.kyso.usage.inventory.CertificateInventory.Known;
import vn.kyso.usage.inventory.IssuerKeys;

/**
 * Stores events once each and keeps the rollups in step, one transaction per chunk. The
 * once-only guarantee is the database's: a unique key and INSERT ... ON CONFLICT DO NOTHING
 * (on PostgreSQL and H2 alike), so concurrent writers of the same event cannot both count it.
 * Only rows actually inserted feed the rollups, summed per (day, certificate) in memory first.
 * Keys are 32-byte binary SHA-256 values. How a chunk reaches the database depends on it:
 * JDBC batches on H2, array statements on PostgreSQL ({@link EventWriter}).
 */
public final class EventStore {

    /**
     * Events per transaction: large enough for batching and per-chunk rollup sums to pay, small
     * enough to keep locks and undo logs short.
     */
    static final int CHUNK = 10_000;
    private static final int MAX_ATTEMPTS = 8;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final CertificateInventory inventory;
    private final EventWriter writer;
    private final Clock clock;
    private final SecureRandom random;
    private final ZoneId zone;

    public EventStore(JdbcTemplate jdbc, TransactionTemplate tx, CertificateInventory inventory, Clock clock,
            SecureRandom random, ZoneId zone) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.inventory = inventory;
        String product = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
        this.writer = "PostgreSQL".equalsIgnoreCase(product) ? new PostgresArrayWriter(jdbc) : new JdbcBatchWriter(jdbc);
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
            // certificates are looked up before the chunk's transaction, so a rolled-back attempt
            // cannot leave a cached id that does not exist. An event naming a certificate the
            // inventory does not hold is left out: only the CA's notices and an admin's imports
            // add certificates, never an event (a stranger's signature verified on the portal
            // would otherwise join every period's denominator)
            int notInInventory = 0;
            Map<CertificateRef, Optional<Known>> known = new HashMap<>();
            List<Pending> pending = new ArrayList<>(chunk.size());
            MessageDigest sha256 = sha256();
            for (UsageEvent e : chunk) {
                Optional<Known> k = known.computeIfAbsent(e.certificate(), inventory::known);
                if (k.isEmpty()) {
                    notInInventory++;
                    continue;
                }
                pending.add(new Pending(onceKey(e, sha256), e, k.get(), e.at().atZone(zone).toLocalDate()));
            }
            // every writer takes unique-key locks in the same (key) order, so two batches sharing
            // events wait for each other instead of deadlocking
            Collections.sort(pending);
            List<Pending> inserted = inTransaction(pending);
            total = total.plus(new RecordResult(inserted.size(), pending.size() - inserted.size(), notInInventory));
            for (Pending p : inserted) {
                if (p.event().type() == EventType.SIGNED) {
                    onNewSigned.accept(p.event(), p.known().kind());
                }
            }
        }
        return total;
    }

    /** Whether this signature (by its once-only key) is stored already. */
    public boolean isRecorded(UsageEvent e) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM usage_event WHERE once_key = ?", Integer.class,
                (Object) onceKey(e, sha256()));
        return n != null && n > 0;
    }

    /**
     * Adds counted signals to the rollups, in one transaction, for the certificates the inventory
     * knows; signals naming any other certificate are left out (a check of a certificate nobody
     * registered says nothing about the province's use). Returns how many signals were counted.
     */
    public long count(List<SignalCount> counts) {
        Rollups.Deltas deltas = new Rollups.Deltas();
        long counted = 0;
        for (SignalCount c : counts) {
            Optional<Known> known = inventory.known(c.certificate());
            if (known.isPresent()) {
                deltas.add(known.get().id(), c.at().atZone(zone).toLocalDate(), c.type(), c.count());
                counted += c.count();
            }
        }
        if (!deltas.isEmpty()) {
            retrying(() -> tx.execute(status -> {
                writer.addToRollups(deltas);
                return deltas;
            }));
        }
        return counted;
    }

    /**
     * Inserts a chunk and its rollups in one transaction. A writer that waited too long on
     * another's uncommitted rows (H2 lock timeout) or lost a deadlock retries the whole chunk:
     * the transaction rolled back, and the insert is idempotent.
     */
    private List<Pending> inTransaction(List<Pending> pending) {
        return retrying(() -> tx.execute(status -> insert(pending)));
    }

    private <T> T retrying(Supplier<T> transaction) {
        for (int attempt = 1;; attempt++) {
            try {
                return transaction.get();
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
        List<Pending> inserted = writer.insertNew(pending, now);
        Rollups.Deltas deltas = new Rollups.Deltas();
        for (Pending p : inserted) {
            deltas.add(p.known().id(), p.day(), p.event().type());
        }
        if (!deltas.isEmpty()) {
            writer.addToRollups(deltas);
        }
        return inserted;
    }

    /**
     * What makes an event the same event. A signature is the same whether kyso made it (SIGNED)
     * or found it (SEEN): both hash to one key, so it counts once. With its identity (the digest
     * of its signature value) that key holds across PAdES levels and later revisions.
     */
    private byte[] onceKey(UsageEvent e, MessageDigest sha256) {
        String cert = IssuerKeys.of(e.certificate().issuer()) + "|" + e.certificate().serial();
        String identity = switch (e.type()) {
            case SIGNED, SEEN -> e.signatureId() != null ? "signature-value|" + e.signatureId()
                    : "signature|" + cert + "|" + e.documentSha256() + "|" + e.signatureField();
            case CHECKED, VERIFIED -> e.type().name() + "|" + cert + "|"
                    + (e.reference() != null ? "ref:" + e.reference() : "nonce:" + nonce());
        };
        return sha256.digest(identity.getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** A document hash (64 hex digits, checked by {@link UsageEvent}) as the 32 bytes stored. */
    static byte[] binary(String sha256Hex) {
        return HexFormat.of().parseHex(sha256Hex);
    }

    private String nonce() {
        byte[] b = new byte[16];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
