package vn.kyso.signing.verify;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What every signature of one file shares: the revisions, the DSS and the certificates the file
 * carries, the time of the check, and the document timestamps already checked (they prove when
 * earlier signatures existed and complete B-LTA).
 */
final class DocumentContext {

    /** A document timestamp that was checked, with what B-LTA needs to know about it. */
    record CheckedTimestamp(long rangeEnd, boolean valid, Instant time, boolean signsDss) {
    }

    final Revisions revisions;
    final Dss dss;
    final CertificatePool certificates = new CertificatePool();
    final Instant now;
    final List<CheckedTimestamp> timestamps = new ArrayList<>();

    DocumentContext(Revisions revisions, Dss dss, Instant now, CertificateCache cache, OcspResponses ocsp) {
        this.revisions = revisions;
        this.dss = dss;
        this.now = now;
        for (byte[] der : dss.certificates()) {
            X509Certificate c = cache.certificate(der);
            if (c != null) {
                certificates.add(c);
            }
        }
        for (byte[] der : dss.ocspResponses()) {
            certificates.addAll(ocsp.certificates(der));
        }
    }

    /** The earliest time a valid document timestamp made after {@code rangeEnd} proves, or null. */
    Instant proofOfExistenceAfter(long rangeEnd) {
        Instant best = null;
        for (CheckedTimestamp t : timestamps) {
            if (t.valid() && t.rangeEnd() > rangeEnd && (best == null || t.time().isBefore(best))) {
                best = t.time();
            }
        }
        return best;
    }

    /**
     * The time a TSA certificate used for data ending at {@code rangeEnd} is judged at: the
     * earliest later valid document timestamp (it proves the token existed then), else now.
     */
    Instant tsaCheckTime(long rangeEnd) {
        Instant archived = proofOfExistenceAfter(rangeEnd);
        return archived != null && archived.isBefore(now) ? archived : now;
    }

    /** Whether a valid document timestamp made after {@code rangeEnd} covers a revision holding a DSS. */
    boolean archiveTimestampAfter(long rangeEnd) {
        return timestamps.stream().anyMatch(t -> t.valid() && t.signsDss() && t.rangeEnd() > rangeEnd);
    }
}
