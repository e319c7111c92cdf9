package vn.kyso.ca.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.support.GeneratedKeyHolder;

import vn.kyso.ca.AuditEntry;
import vn.kyso.ca.AuditFilter;
import vn.kyso.ca.AuditVerification;
import vn.kyso.ca.ResultPage;
import vn.kyso.ca.db.CaDatabase;

/**
 * The audit log: entries whose hash covers the previous entry's hash, so that changing,
 * removing or reordering any entry breaks every hash after it.
 *
 * <p>{@link #append} writes the entry in the transaction of the change it records, without any
 * lock; right after that transaction commits, {@link AuditSealer} chains the waiting entries in
 * batches. Serialising every change on the chain head instead would hold one lock across each
 * commit and cap issuance at one commit at a time.
 */
public final class AuditLog {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AuditLog.class);
    static final String GENESIS = "0".repeat(64);
    private static final int PAGE = 500;
    private static final String COLUMNS = "seq, logged_at, actor, action, target, details, prev_hash, hash";

    private final CaDatabase db;
    private final Clock clock;
    private final AuditSealer sealer;
    private final ThreadLocal<boolean[]> appendedInTransaction = ThreadLocal.withInitial(() -> new boolean[1]);

    public AuditLog(CaDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.sealer = new AuditSealer(db);
        db.afterTransaction(this::transactionEnded);
    }

    /**
     * Records an entry; call inside the transaction of the change it records, so that both
     * commit or neither does. Returns the id of the waiting entry.
     */
    public long append(String actor, String action, String target, String details) {
        // Database timestamps keep microseconds; truncating first makes the hash reproducible.
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        db.jdbc().sql("INSERT INTO ca_audit_pending (logged_at, actor, action, target, details) VALUES (?, ?, ?, ?, ?)")
                .params(CaDatabase.ts(at), clip(actor == null ? "system" : actor, 255), action,
                        clip(target == null ? "" : target, 255), clip(details == null ? "" : details, 2048))
                .update(keys, "id");
        appendedInTransaction.get()[0] = true;
        return keys.getKeyAs(Number.class).longValue();
    }

    /** Appends in a transaction of its own and returns the chained entry. */
    public AuditEntry record(String actor, String action, String target, String details) {
        long id = db.inTransaction(() -> append(actor, action, target, details));
        sealer.sealNow();
        return db.jdbc().sql("SELECT " + COLUMNS + " FROM ca_audit WHERE source_id = ?").param(id)
                .query(AuditLog::map).single();
    }

    /** Chains every entry committed so far (the service calls it every few seconds). */
    public void seal() {
        sealer.sealNow();
    }

    /** Chained entries with seq greater than {@code afterSeq}, oldest first (waiting ones are chained first). */
    public List<AuditEntry> entries(long afterSeq, int limit) {
        sealer.sealNow();
        return page(afterSeq, limit);
    }

    /**
     * One page of the chained entries a filter matches, newest first, with how many match in all
     * (waiting entries are chained first, so the newest action is on the first page).
     */
    public ResultPage<AuditEntry> search(AuditFilter filter, int limit, int offset) {
        if (limit < 1 || limit > 1000 || offset < 0) {
            throw new vn.kyso.ca.CaException(vn.kyso.ca.CaException.ErrorCode.INVALID_REQUEST,
                    "limit must be 1..1000 and offset not negative");
        }
        sealer.sealNow();
        List<Object> params = new ArrayList<>();
        List<String> conditions = new ArrayList<>();
        if (filter.action() != null) {
            conditions.add("action = ?");
            params.add(filter.action());
        }
        if (filter.actor() != null) {
            conditions.add("LOWER(actor) LIKE ? ESCAPE '\\'");
            params.add("%" + CaDatabase.likeLiteral(filter.actor().toLowerCase(java.util.Locale.ROOT)) + "%");
        }
        if (filter.from() != null) {
            conditions.add("logged_at >= ?");
            params.add(CaDatabase.ts(filter.from()));
        }
        if (filter.until() != null) {
            conditions.add("logged_at < ?");
            params.add(CaDatabase.ts(filter.until()));
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        long total = db.jdbc().sql("SELECT COUNT(*) FROM ca_audit" + where).params(params).query(Long.class).single();
        params.add(limit);
        params.add(offset);
        List<AuditEntry> items = db.jdbc().sql("SELECT " + COLUMNS + " FROM ca_audit" + where
                + " ORDER BY seq DESC LIMIT ? OFFSET ?").params(params).query(AuditLog::map).list();
        return new ResultPage<>(items, total, offset, limit);
    }

    /** The action codes the log holds, alphabetically (for a filter's choices). */
    public List<String> actions() {
        sealer.sealNow();
        return db.jdbc().sql("SELECT DISTINCT action FROM ca_audit ORDER BY action").query(String.class).list();
    }

    /** Walks the whole chain; names the first entry whose link, hash or sequence is wrong. */
    public AuditVerification verify() {
        sealer.sealNow();
        String expectedPrev = GENESIS;
        long expectedSeq = 1;
        long checked = 0;
        List<AuditEntry> page = page(0, PAGE);
        while (!page.isEmpty()) {
            for (AuditEntry e : page) {
                checked++;
                if (e.seq() != expectedSeq) {
                    return AuditVerification.broken(checked, e.seq(), "entry " + expectedSeq + " is missing");
                }
                if (!e.prevHash().equals(expectedPrev)) {
                    return AuditVerification.broken(checked, e.seq(), "link to the previous entry does not match");
                }
                String actual = hash(e.prevHash(), e.seq(), e.at(), e.actor(), e.action(), e.target(), e.details());
                if (!actual.equals(e.hash())) {
                    return AuditVerification.broken(checked, e.seq(), "content does not match its hash");
                }
                expectedPrev = e.hash();
                expectedSeq++;
            }
            page = page(expectedSeq - 1, PAGE);
        }
        return AuditVerification.ok(checked);
    }

    private void transactionEnded(boolean committed) {
        boolean[] appended = appendedInTransaction.get();
        if (appended[0]) {
            appended[0] = false;
            if (committed) {
                try {
                    sealer.sealSoon();
                } catch (RuntimeException e) {
                    // The change and its entry are committed; the entry waits for the next seal.
                    LOG.warn("Audit entries could not be chained yet; they will be on the next seal", e);
                }
            }
        }
    }

    private List<AuditEntry> page(long afterSeq, int limit) {
        return db.jdbc().sql("SELECT " + COLUMNS + " FROM ca_audit WHERE seq > ? ORDER BY seq LIMIT ?")
                .params(afterSeq, limit).query(AuditLog::map).list();
    }

    private static AuditEntry map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new AuditEntry(rs.getLong("seq"), CaDatabase.instant(rs, "logged_at"), rs.getString("actor"),
                rs.getString("action"), rs.getString("target"), rs.getString("details"), rs.getString("prev_hash"),
                rs.getString("hash"));
    }

    static String hash(String prev, long seq, Instant at, String actor, String action, String target,
                       String details) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            // Length-prefixed fields: no two different entries share an encoding.
            for (String field : new String[] {prev, Long.toString(seq), at.toString(), actor, action, target,
                    details}) {
                byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
                sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
                sha.update((byte) ':');
                sha.update(bytes);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    static Optional<String> headHash(CaDatabase db, long seq) {
        return db.jdbc().sql("SELECT hash FROM ca_audit WHERE seq = ?").param(seq).query(String.class).optional();
    }
}
