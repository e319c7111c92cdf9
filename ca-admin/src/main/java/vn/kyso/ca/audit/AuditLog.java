package vn.kyso.ca.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

import vn.kyso.ca.AuditEntry;
import vn.kyso.ca.AuditVerification;
import vn.kyso.ca.db.CaDatabase;

/**
 * Appends entries whose hash covers the previous entry's hash, so that changing, removing or
 * reordering any entry breaks every hash after it.
 */
public final class AuditLog {

    static final String GENESIS = "0".repeat(64);
    private static final int PAGE = 500;

    private final CaDatabase db;
    private final Clock clock;

    public AuditLog(CaDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Appends an entry. Call inside the transaction of the change it records: the audit
     * counter's row lock orders appends, so the chain has no fork even across instances.
     */
    public AuditEntry append(String actor, String action, String target, String details) {
        long seq = db.nextValue("audit_seq");
        String prev = seq == 1 ? GENESIS : db.jdbc().sql("SELECT hash FROM ca_audit WHERE seq = ?")
                .param(seq - 1).query(String.class).optional().orElse(GENESIS);
        // Database timestamps keep microseconds; truncating first makes the hash reproducible.
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String safeActor = clip(actor == null ? "system" : actor, 255);
        String safeTarget = clip(target == null ? "" : target, 255);
        String safeDetails = clip(details == null ? "" : details, 2048);
        String hash = hash(prev, seq, at, safeActor, action, safeTarget, safeDetails);
        db.jdbc().sql("INSERT INTO ca_audit (seq, logged_at, actor, action, target, details, prev_hash, hash) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(seq, CaDatabase.ts(at), safeActor, action, safeTarget, safeDetails, prev, hash)
                .update();
        return new AuditEntry(seq, at, safeActor, action, safeTarget, safeDetails, prev, hash);
    }

    /** Entries with seq greater than {@code afterSeq}, oldest first. */
    public List<AuditEntry> entries(long afterSeq, int limit) {
        return db.jdbc().sql("SELECT seq, logged_at, actor, action, target, details, prev_hash, hash FROM ca_audit "
                        + "WHERE seq > ? ORDER BY seq LIMIT ?")
                .params(afterSeq, limit)
                .query((rs, n) -> new AuditEntry(rs.getLong("seq"), CaDatabase.instant(rs, "logged_at"),
                        rs.getString("actor"), rs.getString("action"), rs.getString("target"),
                        rs.getString("details"), rs.getString("prev_hash"), rs.getString("hash")))
                .list();
    }

    /** Walks the whole chain; names the first entry whose link, hash or sequence is wrong. */
    public AuditVerification verify() {
        String expectedPrev = GENESIS;
        long expectedSeq = 1;
        long checked = 0;
        List<AuditEntry> page = entries(0, PAGE);
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
            page = entries(expectedSeq - 1, PAGE);
        }
        return AuditVerification.ok(checked);
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
}
