package vn.kyso.ca.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import vn.kyso.ca.db.CaDatabase;

/**
 * Moves committed waiting entries into the chain, oldest id first, a batch per transaction.
 * The audit counter's row lock orders sealers of every instance; within one JVM at most one
 * thread seals at a time and the others leave their entries to it.
 */
final class AuditSealer {

    private static final int BATCH = 500;
    /**
     * After a commit, entries are chained at most this often: every seal is a commit of its own,
     * which at hundreds of issuances a second cost more than the chaining. Entries left waiting
     * meanwhile are durable (committed with their change); every read of the chain seals first,
     * and {@link #sealNow} is called every few seconds by the service.
     */
    private static final long SEAL_INTERVAL_NANOS = 50_000_000L;

    private final CaDatabase db;
    private final ReentrantLock sealing = new ReentrantLock();
    private final AtomicLong requests = new AtomicLong();
    private volatile long lastSeal = System.nanoTime() - SEAL_INTERVAL_NANOS;

    AuditSealer(CaDatabase db) {
        this.db = db;
    }

    /**
     * After a commit: chains waiting entries unless another thread of this JVM is sealing, in
     * which case that thread sees the request and seals once more before it stops.
     */
    void sealSoon() {
        requests.incrementAndGet();
        if (System.nanoTime() - lastSeal < SEAL_INTERVAL_NANOS) {
            return; // the next commit after the interval, or the service's periodic seal, chains them
        }
        while (sealing.tryLock()) {
            long seen;
            try {
                seen = requests.get();
                drain();
            } finally {
                sealing.unlock();
            }
            if (requests.get() == seen) {
                return; // nobody asked while this thread sealed
            }
        }
    }

    /** Before a read: returns once every entry committed before the call is chained. */
    void sealNow() {
        sealing.lock();
        try {
            drain();
        } finally {
            sealing.unlock();
        }
    }

    private void drain() {
        while (sealBatch() == BATCH) {
            // keep going while full batches come
        }
        lastSeal = System.nanoTime();
    }

    private int sealBatch() {
        Boolean any = db.jdbc().sql("SELECT id FROM ca_audit_pending ORDER BY id LIMIT 1").query(Long.class)
                .optional().isPresent();
        if (!any) {
            return 0;
        }
        return db.inTransaction(() -> {
            long head = db.nextValue("audit_seq") - 1; // locks the chain head until commit
            List<Pending> batch = db.jdbc().sql("SELECT id, logged_at, actor, action, target, details "
                            + "FROM ca_audit_pending ORDER BY id LIMIT ?")
                    .param(BATCH).query(AuditSealer::map).list();
            String prev = head == 0 ? AuditLog.GENESIS : AuditLog.headHash(db, head).orElse(AuditLog.GENESIS);
            if (batch.isEmpty()) {
                db.jdbc().sql("UPDATE ca_counter SET counter_value = ? WHERE name = 'audit_seq'").param(head).update();
                return 0;
            }
            StringBuilder insert = new StringBuilder("INSERT INTO ca_audit (seq, logged_at, actor, action, target, "
                    + "details, prev_hash, hash, source_id) VALUES ");
            StringBuilder delete = new StringBuilder("DELETE FROM ca_audit_pending WHERE id IN (");
            List<Object> insertParams = new ArrayList<>();
            List<Object> deleteParams = new ArrayList<>();
            long seq = head;
            for (Pending p : batch) {
                seq++;
                String hash = AuditLog.hash(prev, seq, p.at, p.actor, p.action, p.target, p.details);
                insert.append(insertParams.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?)");
                insertParams.addAll(List.of(seq, CaDatabase.ts(p.at), p.actor, p.action, p.target, p.details, prev,
                        hash, p.id));
                delete.append(deleteParams.isEmpty() ? "?" : ", ?");
                deleteParams.add(p.id);
                prev = hash;
            }
            db.jdbc().sql(insert.toString()).params(insertParams).update();
            db.jdbc().sql(delete.append(")").toString()).params(deleteParams).update();
            db.jdbc().sql("UPDATE ca_counter SET counter_value = ? WHERE name = 'audit_seq'").param(seq).update();
            return batch.size();
        });
    }

    private static Pending map(ResultSet rs, int row) throws SQLException {
        return new Pending(rs.getLong("id"), CaDatabase.instant(rs, "logged_at"), rs.getString("actor"),
                rs.getString("action"), rs.getString("target"), rs.getString("details"));
    }

    private record Pending(long id, Instant at, String actor, String action, String target, String details) {
    }
}
