package vn.kyso.ca;

/**
 * Result of walking the audit chain: a report, not an exception.
 *
 * @param firstBrokenSeq the first entry whose hash or link does not match, or -1 when intact
 * @param problem        what is wrong with it, null when intact
 */
public record AuditVerification(boolean intact, long entriesChecked, long firstBrokenSeq, String problem) {

    public static AuditVerification ok(long entries) {
        return new AuditVerification(true, entries, -1, null);
    }

    public static AuditVerification broken(long entries, long seq, String problem) {
        return new AuditVerification(false, entries, seq, problem);
    }
}
